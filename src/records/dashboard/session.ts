/**
 * Dashboard sessions: a random id in an HttpOnly cookie, the session itself in
 * this process's memory only (a restart logs everyone out, which is fine for
 * an admin page). The cookie is SameSite=Strict and scoped to /dashboard, so
 * the API never sees it and no other site's page can send it (RFC 6265bis §5.4.7).
 */
import { randomBytes } from 'node:crypto'

export const COOKIE = 'consentry_dashboard'
/** How many sessions live at once; past it the oldest goes (a flood of logins cannot grow memory). */
const MAX_SESSIONS = 1000

export interface Sessions {
  /** A new session id (256 random bits). */
  open(now?: number): string
  /** Whether `id` names a live session: 'live', 'expired' (it was one) or 'none'. */
  check(id: string | undefined, now?: number): 'live' | 'expired' | 'none'
  close(id: string | undefined): void
  /** The session lifetime in seconds (the cookie's Max-Age). */
  readonly seconds: number
}

export const sessions = (seconds: number): Sessions => {
  const expiry = new Map<string, number>()
  const sweep = (now: number) => {
    for (const [id, at] of expiry) if (at <= now) expiry.delete(id)
    for (const id of expiry.keys()) {
      if (expiry.size < MAX_SESSIONS) break
      expiry.delete(id)
    }
  }
  return {
    seconds,
    open(now = Date.now()) {
      sweep(now)
      const id = randomBytes(32).toString('base64url')
      expiry.set(id, now + seconds * 1000)
      return id
    },
    check(id, now = Date.now()) {
      const at = id ? expiry.get(id) : undefined
      if (at === undefined) return 'none'
      if (at > now) return 'live'
      expiry.delete(id!)
      return 'expired'
    },
    close(id) {
      if (id) expiry.delete(id)
    },
  }
}

/** The session id the request's Cookie header carries, if any. */
export const sessionOf = (request: Request): string | undefined => {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() == COOKIE) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** Whether the request reached us over TLS (directly, or through a proxy that says so). */
export const isHttps = (request: Request, url: URL): boolean =>
  url.protocol == 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() == 'https'

/** The Set-Cookie value for `id` (or one that deletes the cookie). Secure when the page came over https. */
export const sessionCookie = (id: string | null, seconds: number, secure: boolean): string =>
  `${COOKIE}=${id ?? ''}; Path=/dashboard; Max-Age=${id ? seconds : 0}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`
