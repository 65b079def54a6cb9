import type { ResolvedConfig } from '../config/types.js'
import { warnOnce } from '../errors/index.js'
import { env } from '../env/index.js'
import { encodeRecord, hasOptOut, newestRecord, type ConsentRecord } from '../record/index.js'
import { readCookies, removeCookie, writeCookie } from './cookie.js'
import { readLocal, writeLocal } from './local.js'

/**
 * Writes the record to both copies. A copy that cannot be written is reported
 * once; the decision still holds for this page view in memory. Returns the value written.
 */
export const saveRecord = (config: ResolvedConfig, record: ConsentRecord, keepCookie?: boolean): string => {
  const value = encodeRecord(record)
  const c = config.cookie
  const now = env.now()
  const end = now + c.lifetime * 864e5
  // The cookie expires with the decision, within the cookie lifetime. A US opt-out never
  // lapses (privacy-signals §9 item 32): its cookie runs the whole cookie lifetime from
  // now, re-set on every visit, so servers, tag managers and tags still read it.
  const expires = hasOptOut(record) ? end : Math.min(record.updatedAt + config.lifetime, end)
  // A cookie written already expired is deleted on purpose (the decision is over), not refused.
  const cookie = keepCookie || writeCookie(c, value, (expires - now) / 1000) || expires <= now
  const local = writeLocal(c.name, value)
  if (!cookie) warnOnce('storage-unavailable', 'cookie')
  if (!local) warnOnce('storage-unavailable', 'localStorage')
  // Neither copy could be kept (cookies blocked and localStorage denied, as some privacy
  // settings and embedded contexts do): sessionStorage still carries the decision across
  // this tab's reloads and navigations (HTML §12.2.2), so the visitor is not asked on every page.
  if (!cookie && !local) writeLocal(c.name, value, true)
  return value
}

/** Forgets the decision in both copies. */
export const clearRecord = (config: ResolvedConfig): void => {
  removeCookie(config.cookie)
  writeLocal(config.cookie.name, null)
  writeLocal(config.cookie.name, null, true)
}

/**
 * The latest valid decision among the cookie copies and localStorage, without writing
 * anything; sessionStorage (5–17 ms for its first read on a slow phone) only where
 * {@link saveRecord} can have written there: when cookies or localStorage cannot be used.
 */
export const readRecord = (config: ResolvedConfig, cookies = readCookies(config.cookie.name)): ConsentRecord | null => {
  const name = config.cookie.name
  const copies = [...cookies, readLocal(name)]
  const now = env.now()
  const best = newestRecord(copies, now)
  if (best || (cookiesWork() && env.localStorage())) return best
  return newestRecord([...copies, readLocal(name, true)], now)
}

/** False where the browser refuses cookies (a setting, a sandboxed frame, third-party blocking). */
const cookiesWork = (): boolean => typeof navigator == 'undefined' || navigator.cookieEnabled !== false

/**
 * Writing both copies repairs the one that was lost or damaged, and re-setting the cookie
 * on every visit restarts Safari's 7-day cap on script cookies. A cookie the server
 * re-issues (serverSet) is left alone while it is intact (one copy, exactly this record:
 * a one-element array stringifies to its element): an HTTP cookie keeps its expiry in
 * Safari, and a script write would cap it again.
 */
export const repairRecord = (config: ResolvedConfig, best: ConsentRecord): void =>
  void saveRecord(config, best, config.cookie.serverSet && String(readCookies(config.cookie.name)) == encodeRecord(best))

/**
 * Reads the decision from the cookie and localStorage. Never throws. A copy
 * that is missing or invalid is repaired from the other; if both are valid and
 * differ, the later decision wins and overwrites the other. (`init` reads
 * at once, from the cookie alone when it holds a decision, and repairs later.)
 */
export const loadRecord = (config: ResolvedConfig): ConsentRecord | null => {
  const best = readRecord(config)
  if (best) repairRecord(config, best)
  return best
}
