/**
 * The dashboard's login, logout and page. A login is a form POST of the admin
 * token, compared in constant time as the API compares its bearer token, and
 * answered with a session cookie. Cross-site request forgery: the cookie is
 * SameSite=Strict, and every POST must come from a page of this origin (its
 * Origin header, which browsers send with every POST form, names this host).
 */
import { readBody } from '../http/body.js'
import { assets } from './assets.js'
import { dashboardData, rangeOf } from './data.js'
import { dashboardPage, loginPage } from './page.js'
import { sameOrigin, type DashboardContext } from './context.js'
import { isHttps, sessionCookie, sessionOf } from './session.js'
import { webhooksPanelData, webhooksSection } from './webhooks.js'

const REPLAY_NOTICES: Record<string, string> = { replayed: 'Queued again: it is sent at once.', 'not-found': 'No such delivery (removed with its subscription?).' }

const html = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } })

const seeDashboard = (headers: Record<string, string> = {}) => new Response(null, { status: 303, headers: { location: '/dashboard', ...headers } })

const login = async (status: number, message: { error?: string; notice?: string }, headers: Record<string, string> = {}) =>
  html(status, loginPage((await assets()).urls, message), headers)

/** `GET /dashboard`: the page for a live session, else the login form. */
export const showPage = async (ctx: DashboardContext, url: URL, o: { request: Request; status?: number; error?: string; forceLogin?: boolean }): Promise<Response> => {
  const state = ctx.sessions.check(sessionOf(o.request))
  if (o.forceLogin || state != 'live') {
    const notice = state == 'expired' ? 'Your session has ended: log in again.' : undefined
    return login(o.status ?? 200, { error: o.error ?? (ctx.token ? undefined : 'The dashboard is off: set CONSENTRY_ADMIN_TOKEN and restart the service.'), notice })
  }
  const asked = rangeOf(url)
  const range = 'error' in asked ? rangeOf(new URL('/dashboard', url)) : asked
  if ('error' in range) throw new Error(range.error)
  const store = await ctx.store()
  const [data, hooks] = await Promise.all([dashboardData(store, range), webhooksPanelData(store)])
  const replayed = REPLAY_NOTICES[url.searchParams.get('webhooks') ?? '']
  const panel = hooks ? webhooksSection(hooks, replayed) : ''
  return html('error' in asked ? 400 : 200, dashboardPage((await assets()).urls, data, 'error' in asked ? `${asked.error}: showing the last 30 days.` : undefined, panel))
}

/** `POST /dashboard/login`: the form's `token`; a session cookie if it is the admin token, the form again if not. */
export const logIn = async (ctx: DashboardContext, request: Request, url: URL, client: string | undefined): Promise<Response> => {
  if (!sameOrigin(request, url)) {
    await request.body?.cancel().catch(() => {})
    return login(403, { error: 'This login did not come from the dashboard’s own page: open /dashboard and log in there.' })
  }
  // Every attempt counts, before the token is compared: past the limit even the right token waits, so guessing gains nothing.
  const wait = ctx.limiter.take(client ?? '')
  if (wait) {
    await request.body?.cancel().catch(() => {})
    return login(429, { error: `Too many attempts: wait ${wait} s and try again.` }, { 'retry-after': String(wait) })
  }
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    await request.body?.cancel().catch(() => {})
    return login(415, { error: 'Log in with the form.' })
  }
  const body = await readBody(request, 4096)
  if (!body.ok) return login(body.status, { error: 'Log in with the form.' })
  const token = new URLSearchParams(body.text).get('token') ?? ''
  if (!ctx.token) return login(403, { error: 'The dashboard is off: set CONSENTRY_ADMIN_TOKEN and restart the service.' })
  if (!ctx.matches(token)) return login(401, { error: 'Wrong token.' })
  ctx.sessions.close(sessionOf(request))
  return seeDashboard({ 'set-cookie': sessionCookie(ctx.sessions.open(), ctx.sessions.seconds, isHttps(request, url)) })
}

/** `POST /dashboard/logout`: ends the session and deletes the cookie. */
export const logOut = async (ctx: DashboardContext, request: Request, url: URL): Promise<Response> => {
  await request.body?.cancel().catch(() => {})
  if (!sameOrigin(request, url)) return login(403, { error: 'This logout did not come from the dashboard’s own page.' })
  ctx.sessions.close(sessionOf(request))
  return seeDashboard({ 'set-cookie': sessionCookie(null, 0, isHttps(request, url)) })
}
