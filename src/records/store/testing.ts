/**
 * The storage suite's engines: each gives an empty, migrated store per test,
 * a raw connection to the same database (to look at tables the store does
 * not expose), and options a test can open twice. Never bundled.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { SyncRecord } from '../../sync/record.js'
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

/** The engine named, started before a describe block's tests and stopped after them. */
export const useEngine = (name: keyof typeof ENGINES): Engine => {
  let engine: Engine | undefined
  beforeAll(async () => {
    engine = await ENGINES[name]()
  }, 300_000)
  afterAll(() => engine?.stop(), 60_000)
  return { fresh: () => engine!.fresh(), reopenable: () => engine!.reopenable(), raw: (o) => engine!.raw(o), stop: () => engine!.stop() }
}

/** Categories and opt-outs of the records the suite stores. */
export const ALL = { necessary: true, analytics: true, marketing: true }
export const NONE = { necessary: true, analytics: false, marketing: false }
export const SOME = { necessary: true, analytics: true, marketing: false }
export const NO_OPT_OUT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
export const OPTED_OUT = { sale: true, sharing: true, targetedAds: true, sensitive: false }

/** A valid record, a new id and consent id each time. */
export const record = (over: Partial<SyncRecord> = {}): SyncRecord => ({
  v: 1,
  id: randomUUID(),
  consentId: randomUUID(),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'DE',
  revision: 1,
  categories: ALL,
  services: { posthog: true, meta: true },
  optOut: NO_OPT_OUT,
  gpc: false,
  url: 'https://shop.example/products',
  ...over,
})

export const all = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

export const ms = (iso: string) => Date.parse(iso)
