/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process. A directory
 * keeps the data; no directory (or `memory://`) keeps it in memory. One
 * connection: PGlite runs one query at a time and queues the rest, and a
 * transaction holds it until it ends, so transactions never interleave.
 */
import type { Db, Sql } from './db.js'
import { importPeer } from './db.js'

type PGliteLike = {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>
  exec(text: string): Promise<unknown>
}

const wrap = (c: PGliteLike): Sql => ({
  query: async <T>(text: string, params: unknown[] = []) => (await c.query<T>(text, params)).rows,
  exec: async (text) => void (await c.exec(text)),
})

export const openPglite = async (dataDir?: string): Promise<Db> => {
  const { PGlite } = await importPeer('@electric-sql/pglite', () => import('@electric-sql/pglite'))
  const pg = await PGlite.create(dataDir ?? 'memory://')
  return { ...wrap(pg), transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))), close: () => pg.close() }
}
