// The benchmark's own look at the database, beside the service: the ids stored, and a million records
// seeded in the shape the store writes (the same SQL on both engines). PGlite allows one process per
// directory, so its checks run while the service is stopped.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { ROOT } from './service.mjs'

/** A fresh store: a new PGlite directory, or a new database on the benchmark's PostgreSQL. */
export const freshStore = async (engine, postgres) =>
  engine == 'postgres' ? { url: await postgres.createDatabase() } : { dataDir: mkdtempSync(join(tmpdir(), 'consentry-bench-')) }

/** Removes a fresh store's PGlite directory (a PostgreSQL database goes with the server). */
export const dropStore = (store) => store.dataDir && rmSync(store.dataDir, { recursive: true, force: true })

/** A raw connection: `{ query(sql, params) → rows, close() }`. */
export const openSql = async (store) => {
  if (store.url) {
    const client = new pg.Client({ connectionString: store.url })
    await client.connect()
    return { query: async (sql, params) => (await client.query(sql, params)).rows, close: () => client.end() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create(store.dataDir)
  return { query: async (sql, params) => (await db.query(sql, params)).rows, close: () => db.close() }
}

/** Creates the schema as the service does (the built openStore migrates), then closes. */
export const migrate = async (store) => {
  const { openStore } = await import(join(ROOT, 'dist/records.mjs'))
  const s = await openStore(store.url ? { engine: 'postgres', url: store.url } : { engine: 'pglite', dataDir: store.dataDir })
  await s.close()
}

/** Every stored id with how many rows hold it. */
export const storedIds = async (store) => {
  const sql = await openSql(store)
  try {
    const rows = await sql.query('SELECT id::text AS id, count(*)::int AS n FROM consentry_records GROUP BY id')
    return new Map(rows.map((r) => [r.id, r.n]))
  } finally {
    await sql.close()
  }
}

/**
 * `n` records in the store's shape, written by SQL (generate_series) in batches: a consent id per two
 * records, decisions spread over 2026, a mix of methods, regions and choices, the refused categories noted.
 */
export const seed = async (store, n, onBatch = () => {}) => {
  const sql = await openSql(store)
  const batch = 50_000
  try {
    for (let from = 1; from <= n; from += batch) {
      const to = Math.min(n, from + batch - 1)
      await sql.query(`
        INSERT INTO consentry_records (id, consent_id, v, created_at, updated_at, method, mode, jurisdiction, revision,
          categories, services, opt_out, gpc, url)
        SELECT md5('record ' || i)::uuid, md5('visitor ' || (i / 2))::uuid, 1,
          timestamptz '2026-01-01T00:00:00Z' + (i / 2) * interval '30 seconds',
          timestamptz '2026-01-01T00:00:00Z' + i * interval '15 seconds' + (i % 1000) * interval '1 millisecond',
          (ARRAY['banner', 'banner', 'banner', 'preferences', 'api', 'gpc'])[1 + i % 6],
          CASE WHEN i % 5 = 0 THEN 'opt-out' ELSE 'opt-in' END,
          (ARRAY['DE', 'FR', 'US-CA', 'GB', '', 'JP-13', 'BR'])[1 + i % 7],
          3,
          jsonb_build_object('necessary', true, 'analytics', i % 3 > 0, 'marketing', i % 4 = 0),
          jsonb_build_object('posthog', i % 3 > 0),
          jsonb_build_object('sale', i % 10 = 0, 'sharing', i % 10 = 0, 'targetedAds', false, 'sensitive', false),
          i % 20 = 0,
          'https://www.example.com/' || (ARRAY['', 'pricing', 'blog/consent', 'docs'])[1 + i % 4]
        FROM generate_series($1::int, $2::int) AS i`, [from, to])
      onBatch(to)
    }
    await sql.query(`INSERT INTO consentry_refused_categories (category) VALUES ('analytics'), ('marketing') ON CONFLICT DO NOTHING`)
    await sql.query('ANALYZE consentry_records')
  } finally {
    await sql.close()
  }
}

/** The engine's version: PGlite's package and the PostgreSQL it embeds, or the server's. */
export const engineVersion = async (store) => {
  const sql = await openSql(store)
  try {
    const [{ version }] = await sql.query('SELECT version()')
    const pg = /PostgreSQL [\d.]+/.exec(version)?.[0] ?? version
    if (store.url) return pg
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'))
    return `PGlite ${pkg.version} (${pg})`
  } finally {
    await sql.close()
  }
}
