/**
 * `/dashboard`: the admin's charts of the store's stats, behind a login form.
 *
 * - `GET /dashboard?from=&to=`: the page (or the login form without a live session);
 * - `POST /dashboard/login` (form field `token`) and `POST /dashboard/logout`;
 * - `GET /dashboard/data?from=&to=`: the page's numbers as JSON, for the session;
 * - `GET /dashboard/assets/…`: the script (with uPlot) and the stylesheet;
 * - `POST /dashboard/webhooks/replay` (form field `delivery`): the Webhooks panel's Replay button.
 *
 * The admin token is posted once and answered with a session cookie; it never
 * goes in a URL. Every answer carries a strict CSP: scripts and styles from
 * this origin only, no inline ones.
 */
import type { RecordStore } from '../store/types.js'
import { IN_URL, tokenMatcher } from '../http/auth.js'
import { fail, json } from '../http/respond.js'
import { serveAsset } from './assets.js'
import { dashboardData, rangeOf } from './data.js'
import type { DashboardContext } from './context.js'
import { logIn, logOut, showPage } from './login.js'
import { sessions, sessionOf } from './session.js'
import { replayFromDashboard } from './webhooks.js'
import { limiter, type RateLimit } from '../http/rate-limit.js'

/** uPlot draws on canvas and sets element.style through the CSSOM, which style-src allows; nothing else is needed. */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

export interface DashboardOptions {
  /** The admin token; without one the dashboard refuses every login. */
  token: string | undefined
  store: () => Promise<RecordStore>
  onError: (e: unknown, where: string) => void
  /** Session lifetime in seconds. Default 3600. */
  sessionSeconds?: number
  /** Login attempts per client address. Default 10 a minute, bursts of 5. */
  loginLimit?: RateLimit
}

const ROUTES: Record<string, string> = { '/dashboard': 'GET, HEAD', '/dashboard/': 'GET, HEAD', '/dashboard/login': 'POST', '/dashboard/logout': 'POST', '/dashboard/data': 'GET, HEAD', '/dashboard/webhooks/replay': 'POST' }

/** The dashboard's handler, for every path under /dashboard. */
export const dashboard = (options: DashboardOptions) => {
  const ctx: DashboardContext = {
    ...options,
    matches: tokenMatcher(options.token),
    sessions: sessions(options.sessionSeconds ?? 3600),
    limiter: limiter(options.loginLimit ?? { perMinute: 10, burst: 5 }),
  }
  const route = async (request: Request, url: URL, client: string | undefined): Promise<Response> => {
    const { pathname: path } = url
    const method = request.method == 'HEAD' ? 'GET' : request.method
    if (path.startsWith('/dashboard/assets/')) {
      if (method != 'GET') return fail(405, 'method not allowed', { allow: 'GET, HEAD' })
      return (await serveAsset(path)) ?? fail(404, 'not found')
    }
    const methods = ROUTES[path]
    if (!methods) return fail(404, 'not found')
    if (!methods.split(', ').includes(method)) return fail(405, 'method not allowed', { allow: methods })
    // A token in the URL is refused, even the right one: URLs end up in logs, history and Referer headers.
    for (const name of url.searchParams.keys()) if (IN_URL.test(name)) return showPage(ctx, url, { status: 400, error: `The admin token goes in the login form, never in the URL (${name}=…).`, forceLogin: true, request })
    if (path == '/dashboard/login') return logIn(ctx, request, url, client)
    if (path == '/dashboard/logout') return logOut(ctx, request, url)
    if (path == '/dashboard/webhooks/replay') return replayFromDashboard(ctx, request, url)
    if (path == '/dashboard/data') {
      if (ctx.sessions.check(sessionOf(request)) != 'live') return fail(401, 'log in at /dashboard first')
      const range = rangeOf(url)
      if ('error' in range) return fail(400, range.error)
      return json(200, await dashboardData(await ctx.store(), range))
    }
    return showPage(ctx, url, { request })
  }
  return async (request: Request, url: URL, client: string | undefined): Promise<Response> => {
    let res: Response
    try {
      res = await route(request, url, client)
    } catch (e) {
      options.onError(e, `${request.method} ${url.pathname}`)
      res = fail(503, 'the store does not answer now: reload in a moment', { 'retry-after': '5' })
    }
    res.headers.set('content-security-policy', DASHBOARD_CSP)
    // Not the service's no-referrer: under it a browser sends `Origin: null` with the page's own form POSTs
    // (Fetch, "serializing a request origin"), and the login's origin check could not tell them from a forgery.
    // same-origin sends the dashboard's URL (which holds no secret) to the dashboard only.
    res.headers.set('referrer-policy', 'same-origin')
    return res
  }
}
