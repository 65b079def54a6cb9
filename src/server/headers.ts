/**
 * Request and response headers on the server (Node, Deno, Bun, edge runtimes:
 * plain strings in, plain strings out, no DOM).
 */
import { resolveConfig, type ConsentryConfig } from '../config/index.js'
import { encodeRecord, newestRecord } from '../record/index.js'
import { cookieValues } from '../storage/parse.js'

/** A header value as Node (`string | string[] | undefined`) or Fetch (`string | null`) gives it. */
export type HeaderValue = string | readonly string[] | null | undefined

/**
 * Global Privacy Control from the `Sec-GPC` request header (GPC spec §3.1):
 * only the exact value `1` counts. A repeated header counts only if every
 * value is `1`; anything else, including `true`, ` 1` or a huge value, is no signal.
 * @example const gpc = readGpc(req.headers['sec-gpc'])
 */
export const readGpc = (header: HeaderValue): boolean => {
  const values = typeof header == 'string' ? [header] : Array.isArray(header) ? header : []
  return values.length > 0 && values.every((v) => v === '1')
}

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
