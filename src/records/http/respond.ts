/** Responses of the records service: JSON bodies, and the security headers every response carries. */

/**
 * Headers on every response unless the handler set its own (the dashboard sets
 * its page's CSP). JSON needs no script, style or frame: `default-src 'none'`.
 */
const SECURITY: [string, string][] = [
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  // Records, exports and stats are personal or business data: never in a shared or browser cache.
  ['cache-control', 'no-store'],
]

export const secure = (res: Response): Response => {
  let headers: Headers = res.headers
  try {
    for (const [k, v] of SECURITY) if (!headers.has(k)) headers.set(k, v)
  } catch {
    // Immutable headers (a Response from fetch()): copy them.
    headers = new Headers(res.headers)
    for (const [k, v] of SECURITY) if (!headers.has(k)) headers.set(k, v)
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers })
  }
  return res
}

/** A JSON response. */
export const json = (status: number, body: unknown, headers: HeadersInit = {}): Response => {
  const h = new Headers(headers)
  h.set('content-type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: h })
}

/** A refusal with its reason: `{ "error": "…" }`. */
export const fail = (status: number, error: string, headers: HeadersInit = {}): Response => json(status, { error }, headers)

/** 204: nothing to say. */
export const empty = (headers: HeadersInit = {}): Response => new Response(null, { status: 204, headers })
