// @vitest-environment node
// The records store, one suite on both engines: PGlite in this process and a real PostgreSQL server (started by
// the suite from the system's packages; without PostgreSQL the suite fails, it does not skip).
import { describe, expect, it } from 'vitest'
import { importPeer } from './db.js'
import { migrate, MIGRATIONS } from './migrations.js'
import { record, useEngine } from './testing.js'
import { openStore } from './index.js'

describe.each(['pglite', 'postgres'] as const)('the records store on %s', (name) => {
  const engine = useEngine(name)

  it('runs each migration once, in a transaction: a re-open runs none and finds the records', async () => {
    const options = await engine.reopenable()
    const db = await engine.raw(options)
    const ids = MIGRATIONS.map((m) => m.id)
    expect(ids).toEqual(ids.map((_, i) => i + 1))
    expect(await migrate(db)).toEqual(ids)
    expect(await migrate(db)).toEqual([])
    // A later migration runs once; one that fails leaves nothing behind and is not recorded.
    const next = ids.length + 1
    const later = [...MIGRATIONS, { id: next, name: 'later', sql: 'CREATE TABLE later_a (x int); CREATE TABLE later_b (y int)' }]
    expect(await migrate(db, later)).toEqual([next])
    expect(await migrate(db, later)).toEqual([])
    const broken = [...later, { id: next + 1, name: 'broken', sql: 'CREATE TABLE broken_a (x int); SELECT 1 / 0' }]
    await expect(migrate(db, broken)).rejects.toThrow(/division by zero/)
    expect(await db.query(`SELECT to_regclass('broken_a') IS NULL AS gone`)).toEqual([{ gone: true }])
    expect(await db.query('SELECT id, name FROM consentry_migrations ORDER BY id')).toEqual(
      later.map(({ id, name }) => ({ id, name })),
    )
    await db.close()

    const r = record()
    const first = await openStore(options)
    expect(await first.insert(r)).toBe(true)
    await first.close()
    const again = await openStore(options)
    expect((await again.history(r.consentId)).records).toMatchObject([{ id: r.id }])
    await again.close()
    const check = await engine.raw(options)
    expect(await check.query('SELECT count(*)::int AS n FROM consentry_migrations')).toEqual([{ n: next }])
    await check.close()
  }, 180_000)

  it('two services migrating one database at once: one runs the migrations, the other waits and runs none', async () => {
    const { db } = await engine.fresh()
    await db.exec('DROP TABLE consentry_deliveries, consentry_webhooks, consentry_records, consentry_erasures, consentry_refused_categories, consentry_migrations')
    const other = name == 'postgres' ? await engine.raw({ engine: 'postgres', url: await dbUrl(db) }) : db
    const runs = await Promise.all([migrate(db), migrate(other)])
    const ids = MIGRATIONS.map((m) => m.id)
    expect(runs.sort((a, b) => a.length - b.length)).toEqual([[], ids])
    expect(await db.query('SELECT count(*)::int AS n FROM consentry_migrations')).toEqual([{ n: ids.length }])
  }, 60_000)

  it('a run of migrations is one transaction: another service sees none of it until all of it, then runs none', async () => {
    const { db } = await engine.fresh()
    const other = name == 'postgres' ? await engine.raw({ engine: 'postgres', url: await dbUrl(db) }) : db
    // After the released ones: a quick one, a slow one, a quick one.
    const base = MIGRATIONS.length
    const added = [
      { id: base + 1, name: 'quick', sql: 'CREATE TABLE run_a (x int)' },
      { id: base + 2, name: 'slow', sql: 'SELECT pg_sleep(0.6); CREATE TABLE run_b (x int)' },
      { id: base + 3, name: 'quick again', sql: 'CREATE TABLE run_c (x int)' },
    ]
    const later = [...MIGRATIONS, ...added]
    const first = migrate(db, later)
    if (other !== db) {
      // Inside the slow one: the quick one before it is not recorded for anyone else yet (PGlite has one connection,
      // so there the read would only wait for the run).
      await new Promise((ok) => setTimeout(ok, 300))
      expect(await other.query('SELECT count(*)::int AS n FROM consentry_migrations')).toEqual([{ n: base }])
    }
    const second = migrate(other, later)
    expect(await Promise.all([first, second])).toEqual([added.map((m) => m.id), []])
    if (other !== db) await other.close()
  }, 60_000)

  it('ping answers; close can be called twice', async () => {
    const options = await engine.reopenable()
    const store = await openStore(options)
    await expect(store.ping()).resolves.toBeUndefined()
    await store.close()
    await store.close()
  }, 120_000)
})

describe('an engine package that is not installed', () => {
  const notFound = (name: string, code = 'ERR_MODULE_NOT_FOUND') => Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/x.mjs`), { code })

  it('is the missing-package error naming the install command, from ESM or CJS', async () => {
    for (const code of ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])
      await expect(importPeer('pg', () => Promise.reject(notFound('pg', code)))).rejects.toMatchObject({
        name: 'ConsentryError',
        code: 'missing-package',
        message: expect.stringContaining('run `npm install pg`'),
      })
  })

  it('a package missing inside an installed engine (a broken install) is reported as it is', async () => {
    const inner = notFound('pg-types')
    await expect(importPeer('pg', () => Promise.reject(inner))).rejects.toBe(inner)
  })
})

describe('openStore', () => {
  it('refuses options that name no engine it knows, before loading anything', async () => {
    for (const o of [null, { engine: 'mysql' }, { engine: 'postgres' }, { engine: 'postgres', url: 'postgres://x', poolSize: 0 }, { dataDir: 5 }])
      await expect(openStore(o as never)).rejects.toMatchObject({ name: 'ConsentryError', code: 'invalid-config' })
  })
})

/** The URL of the PostgreSQL database `db` is connected to (the test server trusts every local user). */
const dbUrl = async (db: { query<T>(t: string): Promise<T[]> }) => {
  const [row] = await db.query<{ d: string; p: number }>(`SELECT current_database() AS d, inet_server_port() AS p`)
  return `postgres://postgres@127.0.0.1:${row!.p}/${row!.d}`
}
