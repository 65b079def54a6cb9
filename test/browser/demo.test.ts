/**
 * The demo as a visitor uses it: served by demo/server.mjs under its strict CSP,
 * driven by clicks in Chromium and Firefox ESR through every page — the
 * marketing site (blocked tags, an embed placeholder), the SPA on the ESM
 * build and its hooks, the US opt-out page and its GPP/USP inspector, and the
 * records page. Also checks the server's API, its per-page CSP, and that it
 * cannot be walked out of its roots.
 */
import { request } from 'node:http'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CSP, createDemoServer, listen, policyFor, type DemoServer } from '../../demo/server.mjs'
import { BROWSERS, launch, watch, type PageLog, type Tab } from './driver.js'
import { browserSuite } from './suite.js'
import type { Snapshot } from './pages.js'

/** The real demo server on an ephemeral port, its records service on PGlite in a directory of its own. */
interface Demo {
  server: DemoServer
  port: number
}
const startDemo = async (): Promise<Demo> => {
  const server = createDemoServer(undefined, { dataDir: mkdtempSync(join(tmpdir(), 'consentry-demo-')) })
  return { server, port: await listen(server, 0) }
}
const stopDemo = async (demo: Demo | undefined): Promise<void> => {
  if (!demo) return
  demo.server.closeAllConnections()
  await new Promise((ok) => demo.server.close(ok))
  await demo.server.records.close()
  rmSync(demo.server.records.dataDir, { recursive: true, force: true })
}

/** A record as the records service keeps it. */
interface Stored {
  id: string
  consentId: string
  method: string
  jurisdiction: string
  usp?: string
  url: string
  categories: Record<string, boolean>
  receivedAt: string
}
/** What the demo's records service holds, through its admin API (GET /v1/consent/:id, or the whole export). */
const storedFor = async (demo: Demo, consentId: string): Promise<Stored[]> =>
  (await (await fetch(`http://127.0.0.1:${demo.port}/v1/consent/${consentId}`, { headers: { authorization: `Bearer ${demo.server.records.adminToken}` } })).json()).records

/** One thing a demo vendor tag did, as the demo server saw it (`GET /api/tags`). */
interface TagHit {
  kind: 'script' | 'beacon' | 'pixel'
  path: string
  detail: string
}

/** Reports every CSP violation as a console error, which fails the test (see afterEach). */
const reportCsp = () => {
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
}

describe.each(BROWSERS)('%s', (browserName) => {
  /**
   * A new tab of a visitor with no decision stored. The demo server has no blank
   * page, so the tab starts on one of its HTML pages (a 404 or an SVG document
   * would make Chromium ask for /favicon.ico, a 404 in the console).
   */
  const suite = browserSuite(browserName, { start: () => `${origin()}/privacy.html` })
  let demo: Demo
  let page: Tab
  let log: PageLog
  const origin = () => `http://127.0.0.1:${demo.port}`

  beforeAll(async () => {
    demo = await startDemo()
  })
  afterAll(async () => {
    await stopDemo(demo)
  })
  beforeEach(() => void ({ page, log } = suite))

  describe('demo', () => {
    it('a visitor clicks through every demo page: site, SPA, US opt-out, records', async () => {
      await page.addInitScript(reportCsp)
      const tags = async (): Promise<TagHit[]> => (await fetch(`${origin()}/api/tags`)).json() as Promise<TagHit[]>
      const seenBefore = (await tags()).length
      const tagsNow = async () => (await tags()).slice(seenBefore)
      const cookieNames = async () => (await page.context().cookies()).map((c) => c.name)
      const demoBar = (name: string) => page.locator('.demo-bar').getByRole('link', { name })

      // 1. The marketing site, first visit: the banner asks; the tags and the video wait, and have asked for nothing.
      await page.goto(`${origin()}/`)
      const banner = page.locator('[data-consentry] >>> [part=banner]')
      await banner.waitFor()
      expect(await page.evaluate(() => [typeof (window as any).meadowlark, typeof (window as any).adfinch])).toEqual(['undefined', 'undefined'])
      await expect.poll(() => page.locator('#tag-meadowlark').getAttribute('data-state')).toBe('blocked')
      expect(await page.locator('#tag-adfinch').getAttribute('data-state')).toBe('blocked')
      expect(await tagsNow()).toEqual([])
      expect(await cookieNames()).not.toContain('_mla_id')

      // The video waits too: a placeholder drawn inside its frame, and no request to the video host.
      const video = page.locator('iframe.embed')
      const frame = page.frameLocator('iframe.embed')
      await frame.getByRole('button', { name: 'Load content' }).waitFor()
      expect(await video.getAttribute('src')).toBeNull()

      // Accept analytics and marketing from the banner's preferences: both tags run, set their cookies, reach the server.
      await banner.getByRole('button', { name: 'Manage preferences' }).click()
      const prefs = page.locator('[data-consentry] >>> [part=preferences]')
      await prefs.waitFor()
      await prefs.getByRole('switch', { name: 'Analytics' }).click()
      await prefs.getByRole('switch', { name: 'Marketing' }).click()
      await prefs.locator('[data-consentry-action=save]').click()
      await expect
        .poll(async () => (await tagsNow()).map((h) => `${h.kind} ${h.path}`).sort())
        .toEqual(['beacon /collect', 'pixel /pixel.gif', 'script /vendor/adfinch.js', 'script /vendor/meadowlark.js'])
      await expect.poll(cookieNames).toEqual(expect.arrayContaining(['_mla_id', '_afp']))
      const visitor = await page.evaluate(() => (window as any).meadowlark.visitor as string)
      expect((await tagsNow()).find((h) => h.kind == 'beacon')?.detail).toContain(visitor)
      await expect.poll(() => page.locator('#tag-meadowlark').getAttribute('data-state')).toBe('running')
      expect(await page.locator('#tag-adfinch').getAttribute('data-state')).toBe('running')
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ method: 'preferences', categories: { functional: false, analytics: true, marketing: true } })
      expect(await video.getAttribute('src')).toBeNull()

      // The placeholder's "Load content" grants the video service alone, and the player loads and plays.
      await frame.getByRole('button', { name: 'Load content' }).click()
      await expect.poll(() => video.getAttribute('src')).toBe('/embed/video.html')
      await frame.getByRole('button', { name: 'Play' }).click()
      await expect.poll(() => frame.locator('#play').getAttribute('aria-pressed')).toBe('true')
      const site = await page.evaluate(() => Consentry.get())
      expect(site).toMatchObject({ decided: true, method: 'embed', services: { reelbox: true }, categories: { analytics: true, marketing: true } })

      // 2. The SPA (ESM build, Preact hooks): same cookie, so the hooks' UI shows the decision made on the site.
      await demoBar('SPA (ESM + hooks)').click()
      const row = (id: string) => page.locator(`.category-row[data-category=${id}]`)
      await expect.poll(() => row('analytics').getAttribute('data-granted')).toBe('true')
      expect(await row('marketing').getAttribute('data-granted')).toBe('true')
      expect(await page.locator('#spa-consent-id').textContent()).toBe(site.id)
      expect(await page.locator('#spa-decision').textContent()).toContain('Decided via embed')
      expect(await page.locator('#spa-insights').getAttribute('data-granted')).toBe('true')
      expect(await page.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)

      // Changing it there: the app's own buttons call the API, and every hook redraws.
      await row('analytics').getByRole('button', { name: 'Turn analytics off' }).click()
      await expect.poll(() => row('analytics').getAttribute('data-granted')).toBe('false')
      await expect.poll(() => page.locator('#spa-insights').textContent()).toContain('Analytics are off')
      expect(await row('marketing').getAttribute('data-granted')).toBe('true')
      expect(await page.locator('#spa-decision').textContent()).toContain('Decided via api')
      // Withdrawal deletes the vendor's cookie (the service lists it).
      await expect.poll(cookieNames).not.toContain('_mla_id')
      await page.locator('header').getByRole('link', { name: 'Snapshot' }).click()
      await expect.poll(async () => JSON.parse((await page.locator('#spa-snapshot').textContent()) ?? '{}').categories).toMatchObject({ analytics: false, marketing: true })

      // 3. The US page: a California visitor in opt-out mode. A notice, no banner in the way; the pixel runs by default.
      await demoBar('US opt-out').click()
      const notice = page.locator('[data-consentry] >>> [part=notice]')
      await notice.waitFor()
      expect(await page.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)
      expect(await page.locator('[data-consentry] >>> [part=backdrop]').count()).toBe(0)
      await expect.poll(() => page.locator('#usp-string').textContent()).toBe('1YNN')
      expect(await page.locator('#gpp-string').textContent()).toBe('DBABLA~CVQqAAAAAACA.QA')
      expect(await page.locator('#section-name').textContent()).toBe('usnat')
      // getSection gives the spec's sub-sections: the core, then GPC.
      expect(JSON.parse((await page.locator('#gpp-section').textContent()) ?? '[]')).toMatchObject([{ SaleOptOut: 2, SharingOptOut: 2 }, { SubsectionType: 1 }])
      expect(JSON.parse((await page.locator('#gpp-ping').textContent()) ?? '{}')).toMatchObject({ gppVersion: '1.1', applicableSections: [7], signalStatus: 'ready' })
      expect(await page.locator('#gpc-hint').textContent()).toContain('To try it, turn GPC on')
      await expect.poll(async () => (await tagsNow()).find((h) => h.kind == 'pixel' && h.detail.includes('us_privacy'))?.detail).toContain('us_privacy=1YNN')

      // "Your Privacy Choices" (the footer link, with its icon) opens the preferences; "Do Not Sell or Share" is a switch.
      const choices = page.locator('footer').getByRole('link', { name: 'Your Privacy Choices' })
      expect(await choices.locator('svg').count()).toBe(1)
      await choices.click()
      await prefs.waitFor()
      await prefs.getByRole('switch', { name: 'Do Not Sell or Share My Personal Information' }).click()
      await prefs.locator('[data-consentry-action=save]').click()
      // The inspector redraws from the GPP events: both strings now say "opted out".
      await expect.poll(() => page.locator('#usp-string').textContent()).toBe('1YYN')
      await expect.poll(() => page.locator('#gpp-string').textContent()).toBe('DBABLA~CVQVAAAAAACA.QA')
      expect(JSON.parse((await page.locator('#gpp-section').textContent()) ?? '[]')).toMatchObject([{ SaleOptOut: 1, SharingOptOut: 1 }, { SubsectionType: 1 }])
      expect(await page.locator('#opted-out').textContent()).toBe('Yes, via preferences')
      expect(await page.locator('#gpp-event').textContent()).toMatch(/^(sectionChange: usnat|signalStatus: ready)/)
      const us = await page.evaluate(() => Consentry.get())
      expect(us).toMatchObject({ mode: 'opt-out', jurisdiction: 'US-CA', optOut: { sale: true, sharing: true }, categories: { marketing: false } })
      expect(us.id).not.toBe(site.id)

      // 4. The records page: this session's decisions, newest first, with their consent ids.
      await demoBar('Server records').click()
      const rows = page.locator('#records tbody tr')
      const methodsOf = (id: string) => page.locator(`#records tr[data-consent-id="${id}"] td.method`).allTextContents()
      await expect.poll(() => methodsOf(site.id!), { timeout: 10_000 }).toEqual(['api', 'embed', 'preferences'])
      // Saving "Do Not Sell or Share" makes two decisions (the choices, then the opt-out): one record or two, all from the preferences.
      await expect.poll(async () => [...new Set(await methodsOf(us.id!))]).toEqual(['preferences'])
      const usRows = await page.locator(`#records tr[data-consent-id="${us.id}"]`).allTextContents()
      expect(usRows.some((t) => t.includes('USP 1YYN') && t.includes('US-CA (opt-out)'))).toBe(true)
      // Newest first: the US decisions came last.
      expect(await rows.first().getAttribute('data-consent-id')).toBe(us.id)
      // The same records, as the service's admin API gives them.
      expect((await storedFor(demo, us.id!)).filter((r) => r.usp == '1YYN')).toMatchObject([{ method: 'preferences', jurisdiction: 'US-CA', url: `${origin()}/us.html` }])
      expect(await page.locator('#dashboard-link').getAttribute('href')).toBe('/dashboard')

      // Every page links to every other.
      for (const path of ['/', '/privacy.html', '/app.html', '/us.html', '/records.html']) {
        await page.goto(`${origin()}${path}`)
        const links = await page.locator('.demo-bar').evaluate((nav: HTMLElement) => [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href')))
        expect(links).toEqual(['/', '/app.html', '/us.html', '/records.html'])
      }
      expect(log.errors).toEqual([])
    })

    // Launching the second browser is part of the test: on a loaded machine that alone can take 15 s.
    it('a visitor whose browser sends GPC is opted out on the US page on arrival, and the inspector says so', { timeout: 60_000 }, async () => {
      // A second browser with Global Privacy Control on (Firefox: its real pref; Chromium: the header and navigator.globalPrivacyControl).
      const gpcSession = await launch(browserName, { gpc: true })
      try {
        const tab = await gpcSession.visitor(origin(), '/privacy.html')
        const gpcLog = watch(tab)
        await tab.goto(`${origin()}/us.html`)
        await tab.locator('[data-consentry] >>> [part=notice]').waitFor()
        await expect.poll(() => tab.locator('#usp-string').textContent()).toBe('1YYN')
        expect(await tab.locator('#gpp-string').textContent()).toBe('DBABLA~CVQVAAAAAACA.YA')
        expect(await tab.locator('#opted-out').textContent()).toBe('Yes, via gpc')
        expect(await tab.locator('#gpc-status').textContent()).toContain('Your browser sends Global Privacy Control')
        expect(JSON.parse((await tab.locator('#gpp-section').textContent()) ?? '[]')).toMatchObject([{ SaleOptOut: 1, SharingOptOut: 1 }, { SubsectionType: 1, Gpc: true }])
        // The ad pixel is a sale or share: refused before it ran.
        expect(await tab.evaluate(() => typeof (window as any).adfinch)).toBe('undefined')
        expect(gpcLog.errors).toEqual([])
      } finally {
        await gpcSession.close()
      }
    })

    it('each decision reaches the demo server as a proof-of-consent record', async () => {
      await page.goto(`${origin()}/`)
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      const id = (await page.evaluate(() => Consentry.get().id))!
      await expect.poll(async () => (await storedFor(demo, id)).length, { timeout: 10_000 }).toBe(1)
      expect((await storedFor(demo, id))[0]).toMatchObject({ v: 1, consentId: id, method: 'banner', categories: { analytics: true }, url: `${origin()}/` })
      const res = await fetch(`${origin()}/v1/consent`, { method: 'POST', body: '{"v":2}', headers: { 'Content-Type': 'application/json' } })
      expect([res.status, await res.json()]).toEqual([400, { error: 'v: expected 1' }])
      expect(log.errors).toEqual([])
      // Leave the next visitor nothing to repair the cookie from.
      await page.evaluate(() => Consentry.reset())
    })

    it('a visitor decides on the real banner, changes their mind from the footer, and forgets, under a strict CSP', async () => {
      await page.addInitScript(reportCsp)
      await page.goto(`${origin()}/`)
      const printed = async (): Promise<Snapshot> => JSON.parse((await page.locator('#snapshot').textContent()) ?? '')
      const decided = async () => (await printed()).decided
      const banner = page.locator('[part=banner]')
      await banner.waitFor()
      expect(await printed()).toMatchObject({ decided: false, revision: 2 })
      await expect(page.locator('#decision').textContent()).resolves.toBe('Not made yet')

      // The banner's own button, inside its shadow root: the page has no accept button of its own.
      await banner.locator('[data-consentry-action=accept-all]').click()
      await expect.poll(decided, { timeout: 2000 }).toBe(true)
      expect(await printed()).toMatchObject({ method: 'banner', categories: { analytics: true, marketing: true }, services: { meadowlark: true, adfinch: true } })
      await expect(page.locator('#analytics').textContent()).resolves.toBe('Allowed')
      await page.locator('[part=floating-button]').waitFor()

      // The footer's "Cookie settings" link opens the preferences centre (loaded on demand under the CSP).
      await page.locator('footer').getByRole('link', { name: 'Cookie settings' }).click()
      const prefs = page.locator('[part=preferences]')
      await prefs.waitFor()
      await page.getByRole('switch', { name: 'Marketing' }).click()
      await prefs.locator('[data-consentry-action=save]').click()
      await expect.poll(async () => (await printed()).categories.marketing, { timeout: 2000 }).toBe(false)
      expect(await printed()).toMatchObject({ method: 'preferences', categories: { analytics: true } })
      await expect(page.locator('#marketing').textContent()).resolves.toBe('Not allowed')
      expect(new URL(page.url()).pathname).toBe('/')

      await page.getByRole('button', { name: 'Forget my choice' }).click()
      await expect.poll(decided, { timeout: 2000 }).toBe(false)
      await banner.waitFor()
      expect(log.errors).toEqual([])
    })

    it('the privacy page shows the banner too, and its own cookie-settings link works', async () => {
      await page.goto(`${origin()}/privacy.html`)
      await page.locator('[part=banner]').waitFor()
      await page.locator('main').getByRole('link', { name: 'cookie settings' }).click()
      await page.locator('[part=preferences]').waitFor()
      await page.locator('[part=preferences] [data-consentry-action=reject-all]').click()
      await expect.poll(() => page.evaluate(() => Consentry.get().decided)).toBe(true)
      expect(log.errors).toEqual([])
    })
  })
})

/** The demo server alone, byte for byte: no browser involved, so these run once, not per browser. */
describe('demo', () => {
  let demo: Demo

  beforeAll(async () => {
    demo = await startDemo()
  })
  afterAll(() => stopDemo(demo))

  /** GETs `path` byte for byte: fetch() would normalise `..` away before sending. */
  const rawGet = (path: string): Promise<{ status: number; type: string }> =>
    new Promise((ok, fail) => {
      request({ host: '127.0.0.1', port: demo.port, path }, (res) => {
        res.resume()
        ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) })
      })
        .on('error', fail)
        .end()
    })
  const cspOf = async (path: string) => (await fetch(`http://127.0.0.1:${demo.port}${path}`)).headers.get('content-security-policy')
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${demo.port}${path}`, init)

  it('serves the demo, dist and correct content types', async () => {
    expect(await rawGet('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/demo.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(await rawGet('/demo.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8' })
    expect(await rawGet('/privacy.html')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/dist/consentry.min.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
  })

  it('serves every demo page, the vendor stand-ins, and the packages the import map names', async () => {
    const html = { status: 200, type: 'text/html; charset=utf-8' }
    const js = { status: 200, type: 'text/javascript; charset=utf-8' }
    for (const page of ['/app.html', '/us.html', '/records.html', '/embed/video.html']) expect(await rawGet(page)).toEqual(html)
    for (const file of ['/spa/app.mjs', '/us.js', '/records.js', '/vendor/meadowlark.js', '/vendor/adfinch.js']) expect(await rawGet(file)).toEqual(js)
    const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(readFileSync(new URL('../../demo/app.html', import.meta.url), 'utf8'))![1]!)
    for (const url of Object.values(map.imports) as string[]) expect([url, await rawGet(url)]).toEqual([url, js])
  })

  it.each(['/modules/preact/../../package.json', '/modules/preact/%2e%2e/%2e%2e/package.json', '/modules/typescript/package.json', '/modules/preact/..%2fnanostores/index.js'])(
    'serves only the named packages from node_modules: refuses %s',
    async (path) => {
      expect((await rawGet(path)).status).toBe(404)
    },
  )

  it("allows the SPA's inline import map by its hash, and nothing else inline; only the embed may be framed, by the demo itself", async () => {
    const app = readFileSync(new URL('../../demo/app.html', import.meta.url), 'utf8')
    const text = /<script type="importmap">([\s\S]*?)<\/script>/.exec(app)![1]!
    const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(await cspOf('/app.html')).toBe(CSP.replace("script-src 'self'", `script-src 'self' ${hash}`))
    for (const page of ['/', '/privacy.html', '/us.html', '/records.html', '/demo.js']) expect(await cspOf(page)).toBe(CSP)
    expect(await cspOf('/embed/video.html')).toBe(CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'"))
    // No inline script on any page but that map (a hash allows only the exact text it was made from).
    for (const page of ['index', 'privacy', 'app', 'us', 'records', 'embed/video']) {
      const source = readFileSync(new URL(`../../demo/${page}.html`, import.meta.url), 'utf8')
      const inline = [...source.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]!.trim())
      expect(inline.every((attrs) => /type="(application\/json|importmap|text\/plain)"/.test(attrs))).toBe(true)
      expect(source).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i)
    }
    expect(policyFor('/x.html', '<script type="importmap">{}</script>')).toContain("'sha256-RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o='")
  })

  it('GET /api/records lists what the records service holds, once per id, newest first; DELETE erases it all', async () => {
    const record = (id: string, consentId: string, method: string, updatedAt: string) =>
      JSON.stringify({
        v: 1, id, consentId, createdAt: '2026-01-01T00:00:00.000Z', updatedAt, method, mode: 'opt-in', jurisdiction: 'DE', revision: 1,
        categories: { necessary: true }, services: {}, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, gpc: false,
        url: 'http://127.0.0.1/',
      })
    const c = 'c0ffee00-0000-4000-8000-000000000001'
    const posts = [
      record('00000000-0000-4000-8000-000000000001', c, 'banner', '2026-01-01T00:00:00.000Z'),
      record('00000000-0000-4000-8000-000000000002', c, 'api', '2026-01-02T00:00:00.000Z'),
      // Delivered twice (a retry, a beacon): stored once.
      record('00000000-0000-4000-8000-000000000001', c, 'banner', '2026-01-01T00:00:00.000Z'),
    ]
    for (const body of posts) expect((await api('/v1/consent', { method: 'POST', body, headers: { 'content-type': 'application/json' } })).status).toBe(204)
    const listed = (await (await api('/api/records')).json()) as { id: string; method: string; receivedAt: string }[]
    expect(listed.map((r) => [r.id, r.method])).toEqual([
      ['00000000-0000-4000-8000-000000000002', 'api'],
      ['00000000-0000-4000-8000-000000000001', 'banner'],
    ])
    expect(Date.parse(listed[0]!.receivedAt)).not.toBeNaN()
    // The admin API itself stays closed to anyone without the token.
    expect((await api('/v1/export')).status).toBe(401)
    expect((await api('/api/records', { method: 'DELETE' })).status).toBe(204)
    expect(await (await api('/api/records')).json()).toEqual([])
  })

  it('runs the records service: health, region and the dashboard on the demo origin', async () => {
    expect(await (await api('/healthz')).json()).toEqual({ ok: true })
    expect(await (await api('/v1/region', { headers: { 'cf-ipcountry': 'DE' } })).json()).toEqual({ region: 'DE' })
    expect((await api('/dashboard')).status).toBe(200)
  })

  it("GET /api/tags lists what the vendor tags sent: the analytics beacon, the pixel, the scripts fetched", async () => {
    const before = ((await (await api('/api/tags')).json()) as TagHit[]).length
    await api('/collect', { method: 'POST', body: '{"event":"pageview","visitor":"v-1"}' })
    expect((await api('/pixel.gif?ev=PageView&us_privacy=1YYN')).headers.get('content-type')).toBe('image/gif')
    await api('/vendor/meadowlark.js')
    const hits = ((await (await api('/api/tags')).json()) as TagHit[]).slice(before)
    expect(hits.map((h) => [h.kind, h.path, h.detail])).toEqual([
      ['beacon', '/collect', '{"event":"pageview","visitor":"v-1"}'],
      ['pixel', '/pixel.gif', 'ev=PageView&us_privacy=1YYN'],
      ['script', '/vendor/meadowlark.js', ''],
    ])
  })

  it('the script-tag pages carry the same site config as the SPA imports (one cookie serves them all)', async () => {
    const { siteConfig } = (await import(pathToFileURL(join(import.meta.dirname, '../../demo/spa/config.mjs')).href)) as { siteConfig: object }
    for (const page of ['index', 'privacy']) {
      const source = readFileSync(new URL(`../../demo/${page}.html`, import.meta.url), 'utf8')
      const block = /<script type="application\/json" data-consentry-config>([\s\S]*?)<\/script>/.exec(source)![1]!
      expect([page, JSON.parse(block)]).toEqual([page, siteConfig])
    }
  })

  it.each([
    '/../package.json',
    '/dist/../package.json',
    '/dist/..%2fpackage.json',
    '/dist/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/dist/%00',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect((await rawGet(path)).status).toBe(404)
  })
})
