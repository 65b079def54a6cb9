/**
 * What the store needs from a database engine: parameterised queries, several
 * statements at once (the migrations), transactions and close. PGlite and
 * node-postgres each get a small adapter; every SQL text is shared.
 */
import { recordsError } from '../errors.js'

export interface Sql {
  /** One statement, parameters as $1, $2…; the rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Several statements separated by `;`, no parameters (the simple query protocol). */
  exec(text: string): Promise<void>
}

export interface Db extends Sql {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/**
 * Imports an optional peer dependency when a store is opened, never when
 * `consentry/records` is imported. Only the package itself being absent
 * becomes the error naming the install command; any other failure (a broken
 * install, a missing dependency of the package) is left as it is.
 */
export const importPeer = async <T>(name: string, load: () => Promise<T>): Promise<T> => {
  try {
    return await load()
  } catch (e) {
    const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown }
    const missing = (code == 'ERR_MODULE_NOT_FOUND' || code == 'MODULE_NOT_FOUND') && String(message).includes(`'${name}'`)
    throw missing ? recordsError('missing-package', name) : e
  }
}
