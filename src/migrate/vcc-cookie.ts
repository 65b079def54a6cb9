/** vanilla-cookieconsent's `cookie` → Consentry's `cookie` and `lifetime`. */
import type { ConsentryConfig, CookieOptions } from '../config/types.js'
import { isObject, unknownKeys, type Warn } from './util.js'

const DAY = 864e5
const MONTH_DAYS = 2629800000 / DAY

/** `cookie` → `cookie` and `lifetime` (months; vanilla-cookieconsent's expiry is also how long consent lasts). */
export const mapCookie = (v: unknown, config: ConsentryConfig, warn: Warn): CookieOptions | undefined => {
  if (v === undefined) return undefined
  if (!isObject(v)) return warn('cookie', 'not an object; skipped'), undefined
  unknownKeys(v, ['name', 'domain', 'path', 'sameSite', 'secure', 'expiresAfterDays', 'useLocalStorage'], 'cookie', warn)
  const out: CookieOptions = {}
  const check = (key: keyof CookieOptions, ok: boolean, expected: string) =>
    v[key] === undefined ? false : ok ? true : (warn(`cookie.${key}`, `expected ${expected}, got ${JSON.stringify(v[key])}; not carried over`), false)
  if (check('name', typeof v.name == 'string' && /^[\w-]{1,64}$/.test(v.name), 'letters, digits, _ or -')) {
    out.name = v.name as string
    warn('cookie.name', `kept as "${out.name}": Consentry writes its own format there (and in localStorage under the same key), so a decision vanilla-cookieconsent stored is not read; the visitor is asked again`)
  }
  if (check('domain', typeof v.domain == 'string' && /^\.?[a-z\d.-]+$/i.test(v.domain), 'a domain such as .example.com')) out.domain = v.domain as string
  if (check('path', typeof v.path == 'string' && /^\/[^;\s]*$/.test(v.path), 'a path starting with /')) out.path = v.path as string
  if (check('sameSite', ['Lax', 'Strict', 'None'].includes(v.sameSite as string), 'Lax, Strict or None')) out.sameSite = v.sameSite as CookieOptions['sameSite']
  if (check('secure', typeof v.secure == 'boolean', 'true or false')) out.secure = v.secure as boolean
  // vanilla-cookieconsent's secure defaults to true; Consentry refuses SameSite=None without it.
  if (out.sameSite == 'None' && out.secure === undefined) out.secure = true
  if (out.sameSite == 'None' && out.secure === false) {
    warn('cookie.secure', 'false with sameSite None: browsers drop such cookies (RFC 6265bis); secure set to true')
    out.secure = true
  }
  const days = v.expiresAfterDays
  if (typeof days == 'function')
    warn('cookie.expiresAfterDays', "a function (a lifetime per acceptType), not converted: Consentry keeps every decision for one lifetime, in months (1–13; 'lifetime: 6' is vanilla-cookieconsent's default of 182 days)")
  else if (typeof days == 'number' && days > 0) {
    const months = Math.min(13, Math.max(1, Math.round(days / MONTH_DAYS)))
    config.lifetime = months
    out.lifetime = Math.min(400, Math.max(1, Math.round(days)))
    if (Math.abs(months * MONTH_DAYS - days) > 7)
      warn('cookie.expiresAfterDays', `${days} days: a decision now lasts ${months} month${months > 1 ? 's' : ''} (lifetime, 1–13 months; 13 is the CNIL's limit)${days > 400 ? ', the cookie 400 days (browsers cap cookies there)' : ''}`)
  } else if (days !== undefined) warn('cookie.expiresAfterDays', `expected a number of days, got ${JSON.stringify(days)}; not carried over`)
  if (v.useLocalStorage !== undefined)
    warn('cookie.useLocalStorage', "no equivalent: Consentry keeps the decision in a cookie and mirrors it in localStorage under the same key, always (each copy repairs the other)")
  return Object.keys(out).length ? out : undefined
}
