/**
 * The admin endpoints' check: `Authorization: Bearer <token>`, compared in
 * constant time. Both sides are hashed first, so the comparison takes the same
 * time whatever the length or content of the guess (timingSafeEqual needs
 * equal lengths, and a length check alone would leak the token's length).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { fail } from './respond.js'

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** Query parameters that look like a token: refused outright, because a URL ends up in logs, history and Referer headers. */
const IN_URL = /^(token|access_token|admin_token|auth|authorization|key|api_key)$/i

/**
 * A checker for `token`: returns null when the request may go ahead, else the
 * response that refuses it. No token configured: every admin request is refused.
 */
export const adminCheck = (token: string | undefined) => {
  const expected = token ? digest(token) : null
  return (request: Request, url: URL): Response | null => {
    for (const name of url.searchParams.keys())
      if (IN_URL.test(name)) return fail(400, `the admin token goes in the Authorization header, never in the URL (${name}=…)`)
    if (!expected) return fail(403, 'admin endpoints are off: set CONSENTRY_ADMIN_TOKEN (or adminToken) to use them')
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '')
    const challenge = { 'www-authenticate': 'Bearer realm="consentry records"' }
    if (!m) return fail(401, 'expected Authorization: Bearer <admin token>', challenge)
    return timingSafeEqual(digest(m[1]!), expected) ? null : fail(401, 'wrong admin token', challenge)
  }
}
