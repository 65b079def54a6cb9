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
export const IN_URL = /^(token|access_token|admin_token|auth|authorization|key|api_key)$/i

/** `token`'s matcher: true when `guess` is the token (never when no token is configured), in constant time. */
export const tokenMatcher = (token: string | undefined) => {
  const expected = token ? digest(token) : null
  return (guess: string): boolean => expected != null && timingSafeEqual(digest(guess), expected)
}

/**
 * A checker for `token`: returns null when the request may go ahead, else the
 * response that refuses it. No token configured: every admin request is refused.
 */
export const adminCheck = (token: string | undefined) => {
  const matches = tokenMatcher(token)
  return (request: Request, url: URL): Response | null => {
    for (const name of url.searchParams.keys())
      if (IN_URL.test(name)) return fail(400, `the admin token goes in the Authorization header, never in the URL (${name}=…)`)
    if (!token) return fail(403, 'admin endpoints are off: set CONSENTRY_ADMIN_TOKEN (or adminToken) to use them')
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '')
    const challenge = { 'www-authenticate': 'Bearer realm="consentry records"' }
    if (!m) return fail(401, 'expected Authorization: Bearer <admin token>', challenge)
    return matches(m[1]!) ? null : fail(401, 'wrong admin token', challenge)
  }
}
