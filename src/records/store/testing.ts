/**
 * The storage suite's engines: each gives an empty, migrated store per test,
 * a raw connection to the same database (to look at tables the store does
 * not expose), and options a test can open twice. Never bundled.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostgres } from '../../testing/postgres.mjs'
import type { Db } from './db.js'
import { openStore, storeOn } from './index.js'
import { openPglite } from './pglite.js'
import { openPostgres } from './postgres.js'
import type { RecordStore, StoreOptions } from './types.js'

export interface Fresh {
  store: RecordStore
  /** The same database, outside the store. */
  db: Db
}

export interface Engine {
  fresh(): Promise<Fresh>
  /** Options for a new, empty database that can be opened, closed and opened again. */
  reopenable(): Promise<StoreOptions>
  /** A raw connection for such options. */
  raw(options: StoreOptions): Promise<Db>
  stop(): Promise<void>
}

/**
 * PGlite: creating an instance runs initdb in WebAssembly (seconds), so the
 * tests share one in-memory instance and empty it between tests; the
 * reopenable databases are directories.
 */
const pglite = async (): Promise<Engine> => {
  const shared = await openPglite()
  const dirs: string[] = []
  const keepOpen: Db = { ...shared, close: async () => {} }
  return {
    async fresh() {
      await shared.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
      return { store: await storeOn(keepOpen), db: keepOpen }
    },
    async reopenable() {
      const dir = mkdtempSync(join(tmpdir(), 'consentry-pglite-'))
      dirs.push(dir)
      return { engine: 'pglite', dataDir: dir }
    },
    raw: (o) => openPglite((o as { dataDir: string }).dataDir),
    async stop() {
      await shared.close()
      for (const d of dirs) rmSync(d, { recursive: true, force: true })
    },
  }
}

/** PostgreSQL: one server for the suite, a new database for each test. */
const postgres = async (): Promise<Engine> => {
  const server = await startPostgres()
  const open: { close(): Promise<void> }[] = []
  const raw = async (o: StoreOptions) => {
    const db = await openPostgres((o as { url: string }).url, 4)
    open.push(db)
    return db
  }
  const reopenable = async (): Promise<StoreOptions> => ({ engine: 'postgres', url: await server.createDatabase() })
  return {
    async fresh() {
      const options = await reopenable()
      const store = await openStore(options)
      open.push(store)
      return { store, db: await raw(options) }
    },
    reopenable,
    raw,
    async stop() {
      await Promise.allSettled(open.map((c) => c.close()))
      await server.stop()
    },
  }
}

export const ENGINES = { pglite, postgres }
