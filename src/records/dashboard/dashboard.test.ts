// @vitest-environment node
/** The dashboard: its login, session cookie, CSRF and URL-token refusals, its data route and its assets, on PGlite. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createRecordsService, openStore, type RecordStore, type RecordsService } from '../index.js'
import { record, TOKEN } from '../http/testing.js'
import { dashboardPage, statsTable } from './page.js'

const BASE = 'http://records.test'
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
const FORM = 'application/x-www-form-urlencoded'

let store: RecordStore
let service: RecordsService
let clients = 0

/** A request from its own client address (the login rate limit is per address). */
const call = (path: string, init: RequestInit = {}, client = `10.0.0.${++clients}`) => service.fetch(new Request(BASE + path, init), { remoteAddress: client })
const logIn = (token: string, headers: Record<string, string> = {}, client?: string, base = BASE) =>
  service.fetch(new Request(`${base}/dashboard/login`, { method: 'POST', headers: { origin: base, 'content-type': FORM, ...headers }, body: new URLSearchParams({ token }).toString() }), { remoteAddress: client ?? `10.1.0.${++clients}` })
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? ''
const session = async () => cookieOf(await logIn(TOKEN))
const page = async (cookie: string, path = '/dashboard') => (await call(path, { headers: { cookie } })).text()
const isLoginForm = (html: string) => html.includes('action="/dashboard/login"') && !html.includes('id="dashboard-data"')

beforeAll(async () => {
  store = await openStore({ engine: 'pglite' })
  const at = (day: string, over: Parameters<typeof record>[0] = {}) => store.insert(record({ createdAt: `${day}T09:00:00.000Z`, updatedAt: `${day}T10:00:00.000Z`, ...over }))
  await at('2026-11-20')
  await at('2026-11-20', { jurisdiction: 'US-CA', method: 'gpc', gpc: true, categories: { necessary: true, analytics: false, marketing: false } })
  await at('2026-11-22', { jurisdiction: '', method: 'preferences', categories: { necessary: true, analytics: false, marketing: false } })
  await at('2026-11-24', { jurisdiction: 'FR', categories: { necessary: true, analytics: true, marketing: true } })
  await at('2026-10-01', { jurisdiction: 'DE' })
  service = createRecordsService({ store, adminToken: TOKEN, prune: false, onError: () => {} })
}, 120_000)
afterAll(async () => {
  await service.close()
  await store.close()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('logging in', () => {
  it('without a session, /dashboard is the login form: a password field posted to /dashboard/login, under the strict CSP', async () => {
    const res = await call('/dashboard')
    expect([res.status, res.headers.get('content-type'), res.headers.get('content-security-policy'), res.headers.get('cache-control')]).toEqual([200, 'text/html; charset=utf-8', CSP, 'no-store'])
    // no-referrer would make browsers send `Origin: null` with the form's POST, which the origin check refuses.
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    const html = await res.text()
    expect(isLoginForm(html)).toBe(true)
    expect(html).toMatch(/<form method="post" action="\/dashboard\/login">[\s\S]*<input id="token" name="token" type="password"/)
  })

  it('the right token is answered with a session cookie: HttpOnly, SameSite=Strict, Path=/dashboard, one hour, a new random id each time', async () => {
    const res = await logIn(TOKEN)
    expect([res.status, res.headers.get('location')]).toEqual([303, '/dashboard'])
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^consentry_dashboard=[\w-]{43}; Path=\/dashboard; Max-Age=3600; HttpOnly; SameSite=Strict$/)
    expect(cookie).not.toContain(TOKEN)
    expect(cookieOf(await logIn(TOKEN))).not.toBe(cookieOf(res))
    expect(isLoginForm(await page(cookieOf(res)))).toBe(false)
  })

  it('the cookie is Secure when the page came over https, directly or through a proxy that says so', async () => {
    expect((await logIn(TOKEN, {}, undefined, 'https://records.test')).headers.get('set-cookie')).toMatch(/; Secure$/)
    expect((await logIn(TOKEN, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(/; Secure$/)
  })

  it('a wrong token gets the form again with an error and no cookie; an unknown cookie is no session', async () => {
    const res = await logIn('not-the-token')
    expect([res.status, res.headers.get('set-cookie'), res.headers.get('content-security-policy')]).toEqual([401, null, CSP])
    const html = await res.text()
    expect(isLoginForm(html)).toBe(true)
    expect(html).toContain('<p class="error" role="alert">Wrong token.</p>')
    expect(isLoginForm(await page('consentry_dashboard=forged-0123456789'))).toBe(true)
    expect((await call('/dashboard/data', { headers: { cookie: 'consentry_dashboard=forged' } })).status).toBe(401)
  })

  it('wrong tokens count against a per-address limit: past 5 at once, even the right token waits (429, Retry-After), other addresses do not', async () => {
    for (let i = 0; i < 5; i++) expect((await logIn(`guess-${i}`, {}, '192.0.2.7')).status).toBe(401)
    const blocked = await logIn(TOKEN, {}, '192.0.2.7')
    expect([blocked.status, blocked.headers.get('set-cookie')]).toEqual([429, null])
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await blocked.text()).toMatch(/Too many attempts: wait \d+ s/)
    expect((await logIn(TOKEN, {}, '192.0.2.8')).status).toBe(303)
  })

  it('a login from another origin, or with no Origin, is refused before the token is looked at (CSRF)', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://records.test.evil.example' },
      { origin: BASE, 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of cases) {
      const res = await logIn(TOKEN, headers)
      expect([headers, res.status, res.headers.get('set-cookie')]).toEqual([headers, 403, null])
    }
    const noOrigin = await service.fetch(new Request(`${BASE}/dashboard/login`, { method: 'POST', headers: { 'content-type': FORM }, body: `token=${TOKEN}` }), { remoteAddress: '10.9.9.9' })
    expect([noOrigin.status, noOrigin.headers.get('set-cookie')]).toEqual([403, null])
  })

  it('a token in the URL is never accepted, not even the right one, and shows no page', async () => {
    const cookie = await session()
    for (const path of [`/dashboard?token=${TOKEN}`, `/dashboard/data?access_token=${TOKEN}`, `/dashboard?from=2026-11-01&key=${TOKEN}`]) {
      const res = await call(path, { headers: { cookie } })
      expect([path, res.status, res.headers.get('set-cookie')]).toEqual([path, 400, null])
      const html = await res.text()
      expect(isLoginForm(html)).toBe(true)
      expect(html).toContain('never in the URL')
    }
    const posted = await service.fetch(new Request(`${BASE}/dashboard/login?token=${TOKEN}`, { method: 'POST', headers: { origin: BASE, 'content-type': FORM }, body: '' }))
    expect([posted.status, posted.headers.get('set-cookie')]).toEqual([400, null])
  })

  it('only a form posts a token: JSON or an oversized body is refused without a cookie', async () => {
    const json = await logIn(TOKEN, { 'content-type': 'application/json' })
    expect([json.status, json.headers.get('set-cookie')]).toEqual([415, null])
    const big = await service.fetch(new Request(`${BASE}/dashboard/login`, { method: 'POST', headers: { origin: BASE, 'content-type': FORM }, body: `token=${TOKEN}&pad=${'x'.repeat(5000)}` }), { remoteAddress: '10.9.9.8' })
    expect([big.status, big.headers.get('set-cookie')]).toEqual([413, null])
  })

  it('without an admin token configured, the dashboard says it is off and no token logs in', async () => {
    const off = createRecordsService({ store, prune: false, adminToken: '' })
    const html = await (await off.fetch(new Request(`${BASE}/dashboard`))).text()
    expect(html).toContain('The dashboard is off')
    const res = await off.fetch(new Request(`${BASE}/dashboard/login`, { method: 'POST', headers: { origin: BASE, 'content-type': FORM }, body: 'token=' }))
    expect([res.status, res.headers.get('set-cookie')]).toEqual([403, null])
    await off.close()
  })
})

describe('the session', () => {
  it('logging out ends the session and deletes the cookie; only the dashboard’s own page can log out', async () => {
    const cookie = await session()
    const forged = await call('/dashboard/logout', { method: 'POST', headers: { cookie, origin: 'https://evil.example' } })
    expect(forged.status).toBe(403)
    expect(isLoginForm(await page(cookie))).toBe(false)
    const res = await call('/dashboard/logout', { method: 'POST', headers: { cookie, origin: BASE } })
    expect([res.status, res.headers.get('location'), res.headers.get('set-cookie')]).toEqual([303, '/dashboard', 'consentry_dashboard=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Strict'])
    expect(isLoginForm(await page(cookie))).toBe(true)
    expect((await call('/dashboard/data', { headers: { cookie } })).status).toBe(401)
  })

  it('a session ends after an hour: the form again, saying so, and the data route refuses it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const cookie = await session()
    vi.setSystemTime(Date.now() + 3599_000)
    expect(isLoginForm(await page(cookie))).toBe(false)
    vi.setSystemTime(Date.now() + 2_000)
    const html = await page(cookie)
    expect(isLoginForm(html)).toBe(true)
    expect(html).toContain('Your session has ended: log in again.')
    expect((await call('/dashboard/data', { headers: { cookie } })).status).toBe(401)
  })
})

describe('the numbers', () => {
  const stats = async (by: string, from: string, to: string) =>
    (await (await call(`/v1/stats?by=${by}&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).rows

  it('/dashboard/data answers for the session with the rows /v1/stats gives for the same days (to included), by day, region and method', async () => {
    const cookie = await session()
    const res = await call('/dashboard/data?from=2026-11-20&to=2026-11-23', { headers: { cookie } })
    expect([res.status, res.headers.get('content-security-policy'), res.headers.get('cache-control')]).toEqual([200, CSP, 'no-store'])
    const data = await res.json()
    expect(data.range).toEqual({ from: '2026-11-20', to: '2026-11-23' })
    expect(data.query).toEqual({ from: '2026-11-20T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' })
    for (const by of ['day', 'region', 'method']) expect([by, data[by]]).toEqual([by, await stats(by, data.query.from, data.query.to)])
    expect(data.day.map((r: { key: string; records: number }) => [r.key, r.records])).toEqual([['2026-11-20', 2], ['2026-11-22', 1]])
    expect(data.region.map((r: { key: string }) => r.key).sort()).toEqual(['', 'DE', 'US-CA'])
  })

  it('the default range is the last 30 days, today included; a bad range is a 400 naming it; no session is a 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T15:00:00Z'))
    const cookie = await session()
    const data = await (await call('/dashboard/data', { headers: { cookie } })).json()
    expect([data.range, data.day.length]).toEqual([{ from: '2026-10-27', to: '2026-11-25' }, 3])
    for (const [q, error] of [
      ['from=2026-02-30', 'from: expected a day such as 2026-01-31, got "2026-02-30"'],
      ['to=tomorrow', 'to: expected a day such as 2026-01-31, got "tomorrow"'],
      ['from=2026-11-25&to=2026-11-01', 'from: later than to'],
      ['from=1900-01-01&to=2026-01-01', 'the range is longer than 3660 days'],
    ])
      expect(await (await call(`/dashboard/data?${q}`, { headers: { cookie } })).json()).toEqual({ error })
    expect((await call('/dashboard/data')).status).toBe(401)
  })

  it('the page embeds the same data for its charts and shows every number in its tables', async () => {
    const cookie = await session()
    const html = await page(cookie, '/dashboard?from=2026-11-20&to=2026-11-24')
    const embedded = JSON.parse(/<script type="application\/json" id="dashboard-data">(.*?)<\/script>/s.exec(html)![1]!)
    expect(embedded).toEqual(await (await call('/dashboard/data?from=2026-11-20&to=2026-11-24', { headers: { cookie } })).json())
    expect(html).toMatch(/<tr data-key="2026-11-20"><th scope="row">2026-11-20<\/th><td data-field="records" data-value="2">2<\/td>/)
    expect(html).toContain('<tr data-key=""><th scope="row">unknown</th>')
    expect(html).toContain('<strong data-total="records">4</strong>')
    expect(html).toMatch(/<input type="date" name="from" value="2026-11-20" required>/)
    for (const chart of ['consent-rate', 'records', 'gpc-share', 'region', 'method']) expect(html).toContain(`data-chart="${chart}"`)
    // A bad range shows the default one, saying why.
    const bad = await call('/dashboard?from=nonsense', { headers: { cookie } })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('from: expected a day such as 2026-01-31, got &quot;nonsense&quot;: showing the last 30 days.')
  })

  it('no page has an inline script, an inline style or a style attribute (the CSP would block them)', async () => {
    for (const html of [await page(await session()), await (await call('/dashboard')).text()]) {
      for (const tag of html.match(/<script[^>]*>/g)!) expect(tag).toMatch(/ src="\/dashboard\/assets\/|type="application\/json"/)
      expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/i)
    }
  })

  it('record data cannot break out of the page: keys are escaped in tables and in the embedded JSON', () => {
    const row = { key: '</script><script>alert(1)</script>', records: 1, outcomes: { acceptAll: 1, rejectAll: 0, custom: 0, optOut: 0, gpc: 0 }, consentRate: { '<b>x</b>': 1 }, gpcShare: 0 }
    const table = statsTable('region', [row], 'By region')
    expect(table).not.toContain('<script>')
    expect(table).toContain('&lt;/script&gt;')
    expect(table).toContain('Consent: &lt;b&gt;x&lt;/b&gt;')
    const html = dashboardPage({ script: '/s.js', style: '/s.css' }, { range: { from: '2026-11-01', to: '2026-11-01' }, query: { from: '', to: '' }, day: [], region: [row], method: [] })
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>')
  })
})

describe('the assets', () => {
  it('the script (with uPlot) and the stylesheet are served from the service, cached by content hash, with uPlot’s MIT notice', async () => {
    const html = await (await call('/dashboard')).text()
    const script = /<script defer src="(\/dashboard\/assets\/dashboard\.[\da-f]{16}\.js)">/.exec(html)![1]!
    const style = /<link rel="stylesheet" href="(\/dashboard\/assets\/dashboard\.[\da-f]{16}\.css)">/.exec(html)![1]!
    for (const [path, type] of [[script, 'text/javascript; charset=utf-8'], [style, 'text/css; charset=utf-8']] as const) {
      const res = await call(path)
      expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control'), res.headers.get('content-security-policy')]).toEqual([200, type, 'public, max-age=31536000, immutable', CSP])
      const body = await res.text()
      expect(body).toMatch(/uPlot 1\.6\.\d+[\s\S]*Copyright \(c\) 2022 Leon Sorokin[\s\S]*Permission is hereby granted/)
    }
    expect(await (await call(script)).text()).toContain('dashboard-data')
    const missing = await call('/dashboard/assets/dashboard.0000000000000000.js')
    expect([missing.status, missing.headers.get('content-security-policy')]).toEqual([404, CSP])
    expect((await call(script, { method: 'POST' })).status).toBe(405)
  })

  it('unknown dashboard paths are a 404 and wrong methods a 405, under the CSP', async () => {
    for (const [path, method, status] of [['/dashboard/x', 'GET', 404], ['/dashboard', 'POST', 405], ['/dashboard/login', 'GET', 405], ['/dashboard/data', 'DELETE', 405]] as const) {
      const res = await call(path, { method })
      expect([path, method, res.status, res.headers.get('content-security-policy')]).toEqual([path, method, status, CSP])
    }
  })
})
