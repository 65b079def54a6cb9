/**
 * PostgreSQL through node-postgres: a pool of connections, each transaction on
 * one of them (BEGIN … COMMIT, or ROLLBACK when anything throws).
 */
import type { Db, Sql } from './db.js'
import { importPeer } from './db.js'

type ClientLike = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> }

const wrap = (c: ClientLike): Sql => ({
  query: async <T>(text: string, params?: unknown[]) => (await c.query(text, params)).rows as T[],
  // Without parameters node-postgres uses the simple query protocol, which takes several statements.
  exec: async (text) => void (await c.query(text)),
})

export const openPostgres = async (url: string, poolSize = 10): Promise<Db> => {
  const mod = await importPeer('pg', () => import('pg'))
  // pg is CommonJS: its ESM wrapper names Pool; a bundler's interop may only give the default export.
  const Pool = mod.Pool ?? mod.default.Pool
  const pool = new Pool({ connectionString: url, max: poolSize })
  // An idle connection the server closes (a restart, a failover) is reported here; without a listener
  // Node would end the process. The pool drops that connection and opens a new one on the next query.
  pool.on('error', () => {})
  return {
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        client.release()
        return result
      } catch (e) {
        // A connection whose ROLLBACK fails is broken: release(err) makes the pool discard it.
        await client.query('ROLLBACK').then(() => client.release(), (err: Error) => client.release(err))
        throw e
      }
    },
    close: () => pool.end(),
  }
}
