import { env } from '../env/index.js'

/** Reads a localStorage (or, with `session`, sessionStorage) key; null when absent or when storage throws. */
export const readLocal = (key: string, session?: boolean): string | null => {
  try {
    return (session ? env.sessionStorage() : env.localStorage())?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Writes a localStorage key; false when storage is missing, blocked or full (QuotaExceededError). */
export const writeLocal = (key: string, value: string | null, session?: boolean): boolean => {
  try {
    const ls = session ? env.sessionStorage() : env.localStorage()
    if (!ls) return false
    if (value === null) ls.removeItem(key)
    else ls.setItem(key, value)
    return true
  } catch {
    return false
  }
}
