/**
 * The demo as a visitor uses it: served by demo/server.mjs under its strict CSP,
 * driven by clicks in Chromium and Firefox ESR. Also checks the server cannot be
 * walked out of its roots.
 */
import { request, type Server } from 'node:http'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDemoServer, listen } from '../../demo/server.mjs'
import { BROWSERS, launch, watch, type PageLog, type Session, type Tab } from './driver.js'
import type { Snapshot } from './pages.js'

/** The real demo server on an ephemeral port, writing its proof-of-consent records to a file of its own. */
interface Demo {
  server: Server
  port: number
  records: string
}
const startDemo = async (): Promise<Demo> => {
  const records = join(mkdtempSync(join(tmpdir(), 'consentry-demo-')), 'records.jsonl')
  const server = createDemoServer(undefined, records)
  return { server, port: await listen(server, 0), records }
}
const stopDemo = async (demo: Demo | undefined): Promise<void> => {
  demo?.server.closeAllConnections()
  await new Promise((ok) => (demo ? demo.server.close(ok) : ok(undefined)))
}

describe.each(BROWSERS)('%s', (browserName) => {
  let demo: Demo
  let session: Session
  let page: Tab
  let log: PageLog
  const origin = () => `http://127.0.0.1:${demo.port}`

  beforeAll(async () => {
    demo = await startDemo()
    session = await launch(browserName)
  })
  afterAll(async () => {
    await session?.close()
    await stopDemo(demo)
  })
  /**
   * A new tab of a visitor with no decision stored. The demo server has no blank
   * page, so the tab starts on one of its HTML pages (a 404 or an SVG document
   * would make Chromium ask for /favicon.ico, a 404 in the console).
   */
  beforeEach(async () => {
    page = await session.visitor(origin(), '/privacy.html')
    page.setDefaultTimeout(10_000)
    log = watch(page)
  })
  afterEach(() => {
    expect(log.errors).toEqual([])
  })

  describe('demo', () => {
    it('each decision reaches the demo server as a proof-of-consent record, shown on the page', async () => {
      await page.goto(`${origin()}/`)
      await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
      await expect.poll(() => page.locator('#records li').first().textContent(), { timeout: 10_000 }).toContain('banner: necessary, analytics, marketing')
      const lines = readFileSync(demo.records, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
      expect(lines.at(-1)).toMatchObject({ v: 1, method: 'banner', categories: { analytics: true }, url: `${origin()}/` })
      const res = await fetch(`${origin()}/api/consent`, { method: 'POST', body: '{"v":2}', headers: { 'Content-Type': 'application/json' } })
      expect([res.status, await res.json()]).toEqual([400, { error: 'v: expected 1' }])
      expect(log.errors).toEqual([])
      // Leave the next visitor nothing to repair the cookie from.
      await page.evaluate(() => Consentry.reset())
    })

    it('a visitor decides on the real banner, changes their mind from the footer, and forgets, under a strict CSP', async () => {
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`))
      })
      await page.goto(`${origin()}/`)
      const printed = async (): Promise<Snapshot> => JSON.parse((await page.locator('#snapshot').textContent()) ?? '')
      const decided = async () => (await printed()).decided
      const banner = page.locator('[part=banner]')
      await banner.waitFor()
      expect(await printed()).toMatchObject({ decided: false, revision: 1 })
      await expect(page.locator('#decision').textContent()).resolves.toBe('Not made yet')

      // The banner's own button, inside its shadow root: the page has no accept button of its own.
      await banner.locator('[data-consentry-action=accept-all]').click()
      await expect.poll(decided, { timeout: 2000 }).toBe(true)
      expect(await printed()).toMatchObject({ method: 'banner', categories: { analytics: true, marketing: true }, services: { posthog: true } })
      await expect(page.locator('#analytics').textContent()).resolves.toBe('Allowed')
      await page.locator('[part=floating-button]').waitFor()

      // The footer's "Cookie settings" link opens the preferences centre (loaded on demand under the CSP).
      await page.locator('footer').getByRole('link', { name: 'Cookie settings' }).click()
      const prefs = page.locator('[part=preferences]')
      await prefs.waitFor()
      await page.getByRole('switch', { name: 'Marketing', exact: true }).click()
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

  it('serves the demo, dist and correct content types', async () => {
    expect(await rawGet('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/demo.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(await rawGet('/demo.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8' })
    expect(await rawGet('/privacy.html')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/dist/consentry.min.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
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
