/**
 * Request and response headers on the server (Node, Deno, Bun, edge runtimes:
 * plain strings in, plain strings out, no DOM).
 */
import { resolveConfig, type ConsentryConfig } from '../config/index.js'
import { encodeRecord, newestRecord } from '../record/index.js'
import { cookieValues } from '../storage/parse.js'

/** A header value as Node (`string | string[] | undefined`) or Fetch (`string | null`) gives it. */
export type HeaderValue = string | readonly string[] | null | undefined

/** Optional whitespace around a list member (RFC 9110 §5.6.3: OWS is spaces and tabs). */
const OWS = /^[ \t]+|[ \t]+$/g

/**
 * One `Sec-GPC` field value as a server sees it: exactly `1`, or — where the
 * server joined repeated headers into one line with commas, as Node's
 * `IncomingMessage` and Fetch's `Headers.get()` do (RFC 9110 §5.3) — a list
 * with at least one member that is exactly `1` once the optional whitespace
 * around it is removed (§5.6.1).
 */
const gpcValue = (v: unknown): boolean =>
  typeof v == 'string' && (v.includes(',') ? v.split(',').some((m) => m.replace(OWS, '') === '1') : v === '1')

/**
 * Global Privacy Control from the `Sec-GPC` request header (GPC spec §"The
 * Sec-GPC Header Field"): a value counts only when it is exactly `1` (so `true`,
 * ` 1` or `1 ` alone are no signal), and when a request carries several
 * `Sec-GPC` headers it has GPC if at least one of them is exactly `1` — given
 * as an array (`['1', '0']`) or joined into one string (`'1, 0'`). Anything
 * else, including a huge value or something that is not a string, is no signal;
 * it never throws.
 * @example const gpc = readGpc(req.headers['sec-gpc'])
 */
export const readGpc = (header: HeaderValue): boolean =>
  Array.isArray(header) ? header.some(gpcValue) : gpcValue(header)

/**
 * A `Set-Cookie` header that re-issues the visitor's consent cookie from the
 * server, or null when the request carries no valid one. Safari caps cookies
 * written by scripts at 7 days (ITP); one set in an HTTP response lasts as
 * long as it says, so a returning visitor is not asked again a week later.
 * A stale decision is re-issued too: the US opt-out it carries never lapses
 * (privacy-signals §9 item 32).
 * Name, domain, path, SameSite and lifetime come from the config; not
 * HttpOnly, because the page reads it.
 * @example
 * const setCookie = consentCookieHeader(req.headers.cookie, config)
 * if (setCookie) res.setHeader('Set-Cookie', setCookie)
 */
export const consentCookieHeader = (
  cookieHeader: string | null | undefined,
  config: ConsentryConfig,
  options: { secure?: boolean; now?: number } = {},
): string | null => {
  const conf = resolveConfig(config)
  const now = options.now ?? Date.now()
  const record = newestRecord(cookieValues(cookieHeader, conf.cookie.name), now)
  if (!record) return null
  const c = conf.cookie
  const secure = options.secure ?? c.secure
  // RFC 6265bis §5.6.1: Max-Age wins over Expires where both are understood; both for old clients.
  const seconds = c.lifetime * 86400
  return [
    `${c.name}=${encodeRecord(record)}`,
    `Max-Age=${seconds}`,
    `Expires=${new Date(now + seconds * 1000).toUTCString()}`,
    `Path=${c.path}`,
    c.domain && `Domain=${c.domain}`,
    `SameSite=${c.sameSite}`,
    secure && 'Secure',
  ]
    .filter(Boolean)
    .join('; ')
}
