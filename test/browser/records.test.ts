/**
 * The records service with real browsers (Chromium and Firefox ESR): a site's
 * page on one origin, the service on another, the script-tag build's
 * serverSync between them — fetch(keepalive) with its CORS preflight, and
 * sendBeacon's text/plain. The admin reads the proof back with the token.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createRecordsService, nodeListener, type RecordsService } from 'consentry/records'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const TOKEN = 'browser-test-token-0123456789abcdef'

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  let site: TestServer
  let service: RecordsService
  let records: Server
  let base = ''
  let page: Tab
  let log: PageLog

  const history = async (consentId: string) =>
    (await fetch(`${base}/v1/consent/${consentId}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json() as Promise<{
      records: { id: string; method: string; categories: Record<string, boolean>; url: string }[]
      inForce: { id: string; categories: Record<string, boolean> } | null
    }>
  const pageWithSync = (path: string) =>
    site.route(path, {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>
${configBlock({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] })}
<script type="application/json" data-consentry-destinations>${JSON.stringify({ serverSync: { url: `${base}/v1/consent` } })}</script>
<script src="/dist/consentry.min.js"></script>
<script src="/dist/consentry-destinations.min.js"></script>
</head><body><p>A shop</p></body></html>`,
    })

  beforeAll(async () => {
    site = suite.server
    service = createRecordsService({ store: { engine: 'pglite', dataDir: 'memory://' }, adminToken: TOKEN, allowedOrigins: [site.origin], prune: false })
    records = createServer(nodeListener(service))
    await new Promise<void>((ok) => records.listen(0, '127.0.0.1', ok))
    base = `http://127.0.0.1:${(records.address() as AddressInfo).port}`
    // The service opens its store on its first request. PGlite starts in this process, beside the site's server, and
    // on a loaded machine that took seconds inside the first test (whose page then loaded slowly): open it now.
    expect((await history('00000000-0000-4000-8000-000000000000')).records).toEqual([])
  }, 120_000)
  afterAll(async () => {
    records?.closeAllConnections()
    await new Promise((ok) => records?.close(ok))
    await service?.close()
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  it("each decision on the site's page arrives at the service on another origin, and the admin sees the one in force", async () => {
    await page.goto(pageWithSync('/shop.html'))
    const banner = page.locator('[data-consentry] >>> [part=banner]')
    await banner.waitFor()
    await banner.locator('[data-consentry-action=accept-all]').click()
    const id = (await page.evaluate(() => Consentry.get().id))!
    await expect.poll(async () => (await history(id)).records.length, { timeout: 10_000 }).toBe(1)
    await page.evaluate(() => Consentry.set({ marketing: false }))
    await expect.poll(async () => (await history(id)).records.length, { timeout: 10_000 }).toBe(2)
    const h = await history(id)
    expect(h.records.map((r) => [r.method, r.categories.marketing])).toEqual([
      ['banner', true],
      ['api', false],
    ])
    expect(h.inForce).toMatchObject({ id: h.records[1]!.id, categories: { analytics: true, marketing: false } })
    expect(h.records[0]!.url).toBe(`${site.origin}/shop.html`)
    // Delivered: the outbox is empty.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('consentry-outbox'))).toBe('[]')
  })

  it('a beacon (text/plain, no preflight) from an allowed page is stored', async () => {
    await page.goto(pageWithSync('/beacon.html'))
    await page.locator('[data-consentry] >>> [part=banner]').waitFor()
    const consentId = '5d2c8e4a-7f1b-4c3d-9e8f-0a1b2c3d4e5f'
    const sent = await page.evaluate(
      ([url, consentId]) =>
        navigator.sendBeacon(url!, JSON.stringify({
          v: 1, id: crypto.randomUUID(), consentId, createdAt: '2026-11-25T10:00:00.000Z', updatedAt: '2026-11-25T10:00:00.000Z',
          method: 'banner', mode: 'opt-in', jurisdiction: '', revision: 0, categories: { analytics: false }, services: {},
          optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, gpc: false, url: location.origin + '/beacon.html',
        })),
      [`${base}/v1/consent`, consentId],
    )
    expect(sent).toBe(true)
    await expect.poll(async () => (await history(consentId)).records.length, { timeout: 10_000 }).toBe(1)
  })

  it('a page on an origin that is not allowed stores nothing, by fetch or by beacon', async () => {
    // The same static server under another host name: another origin.
    const other = site.origin.replace('127.0.0.1', 'localhost')
    pageWithSync('/other.html')
    await page.goto(`${other}/other.html`)
    const banner = page.locator('[data-consentry] >>> [part=banner]')
    await banner.waitFor()
    await banner.locator('[data-consentry-action=accept-all]').click()
    const id = (await page.evaluate(() => Consentry.get().id))!
    const beacon = await page.evaluate((url) => navigator.sendBeacon(url, '{}'), `${base}/v1/consent`)
    expect(typeof beacon).toBe('boolean')
    await page.waitForTimeout(1500)
    expect((await history(id)).records).toEqual([])
    // The browser reports the refused preflight (Chromium) or nothing (Firefox): only CORS errors are expected here.
    log.errors.splice(0, log.errors.length, ...log.errors.filter((e) => !/CORS|Access-Control|Failed to load resource|Failed to fetch|NetworkError/i.test(e)))
  })
})
