/**
 * Which web pages may post records, and the CORS headers that tell their
 * browser so. Only `POST /v1/consent` and `GET /v1/region` are for pages; the
 * admin endpoints answer no cross-origin request.
 *
 * A beacon (`navigator.sendBeacon` with a string: `text/plain`) needs no
 * preflight and the browser never reads its answer, so CORS alone would not
 * keep another site's page from posting records. Hence: a request whose
 * `Origin` is neither allowed nor the service's own is refused with 403
 * before its body is read. A request without `Origin` is not from a web page
 * (browsers send it with every POST, Fetch §3.1): curl, a server forwarding
 * records, a test; it is taken.
 */
import { ConsentryError } from '../../errors/index.js'

export interface Origins {
  /** '*': any origin; else the allowed origins, normalised (`https://example.com`). */
  any: boolean
  list: Set<string>
}

/** Parses `CONSENTRY_ALLOWED_ORIGINS`-style input: a comma-separated string or a list. A bad entry is a config error. */
export const parseOrigins = (input: string | readonly string[] | undefined): Origins => {
  const items = (typeof input == 'string' ? input.split(',') : (input ?? [])).map((s) => String(s).trim()).filter(Boolean)
  const out: Origins = { any: false, list: new Set() }
  for (const item of items) {
    if (item == '*') {
      out.any = true
      continue
    }
    let origin = ''
    try {
      const u = new URL(item)
      if ((u.protocol == 'http:' || u.protocol == 'https:') && (u.pathname == '/' || u.pathname == '') && !u.search && !u.hash && !u.username) origin = u.origin
    } catch {
      // Refused below.
    }
    if (!origin) throw new ConsentryError('invalid-config', `allowedOrigins: expected origins such as https://example.com, got ${JSON.stringify(item)}`)
    out.list.add(origin)
  }
  return out
}

/** The request's `Origin` when it may use the service from a page, '' when it carries none, null when it is refused. */
export const originOf = (request: Request, url: URL, origins: Origins): string | null => {
  const origin = request.headers.get('origin')
  if (origin === null) return ''
  if (origins.list.has(origin) || (origins.any && origin != 'null')) return origin
  // The service's own pages (mounted on the site itself, or the dashboard): same host, whatever proxy terminated TLS.
  try {
    if (new URL(origin).host == url.host) return origin
  } catch {
    // "null" (a sandboxed frame, a file: page) or garbage: refused.
  }
  return null
}

/** The CORS headers for an allowed cross-origin request (none for '' or same-origin-less requests). */
export const corsHeaders = (origin: string): Record<string, string> =>
  origin
    ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' }
    : { vary: 'Origin' }

/** The answer to a preflight for `methods`: the page may send `Content-Type` (serverSync's application/json). */
export const preflight = (request: Request, origin: string, methods: string): Response => {
  const method = request.headers.get('access-control-request-method')
  if (!origin || !method || !methods.split(', ').includes(method))
    return new Response(null, { status: 204, headers: { allow: `${methods}, OPTIONS`, vary: 'Origin' } })
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'access-control-allow-methods': methods,
      'access-control-allow-headers': 'Content-Type',
      // Chromium caps this at 2 hours, Firefox at 24.
      'access-control-max-age': '7200',
    },
  })
}
