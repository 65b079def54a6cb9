/**
 * Proof of consent against a real, unreliable endpoint in Chromium and Firefox
 * ESR: the sync server fails its first requests, then is unreachable for a
 * while (closed), then comes back on the same port — with a page reload in
 * between. Every decision must arrive; after dropping duplicates by id,
 * exactly once.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readSyncRecord } from 'consentry/server'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import { DIST, type TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

/**
 * What Chromium logs while the sync endpoint answers 500 or is down ("Failed to load
 * resource … 500", ERR_CONNECTION_REFUSED). Firefox reports nothing for either to the
 * page's console, so there the log must stay empty. Nothing else is expected.
 */
const NETWORK_FAILURE = /Failed to load resource|ERR_CONNECTION_REFUSED|Failed to fetch/

describe.each(BROWSERS)('%s', (browserName) => {
  // The outage is the only thing allowed to show in the console.
  const suite = browserSuite(browserName, { expectedErrors: browserName == 'chromium' ? NETWORK_FAILURE : undefined })
  let server: TestServer
  let session: Session
  let page: Tab
  let log: PageLog
  let sync: Server
  let port = 0
  const received: { id: string; consentId: string; analytics: boolean; marketing: boolean }[] = []
  let failNext = 0

  const listen = () => new Promise<void>((ok) => sync.listen(port, '127.0.0.1', ok))
  const close = () =>
    new Promise<void>((ok) => {
      sync.closeAllConnections()
      sync.close(() => ok())
    })

  /** Serves `name` from consentry's dist/ under `folder` (held back until `until`, when given). */
  const serveIn = (folder: string, name: string, until?: Promise<void>) =>
    server.route(`${folder}/${name}`, { body: readFileSync(DIST + name, 'utf8'), type: 'text/javascript', ...(until && { until }) })
  /**
   * A page with the script tag and the destinations file from `folder` (before it, or after with `consentryFirst`),
   * the destinations block as given, and the categories necessary, analytics and marketing (or those given).
   */
  const syncPage = (path: string, destinations: object, o: { folder?: string; consentryFirst?: boolean; categories?: string[] } = {}) => {
    const tags = [`<script src="${o.folder ?? '/dist'}/consentry-destinations.min.js"></script>`, '<script src="/dist/consentry.min.js"></script>']
    return server.route(path, {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${path}</title>
${configBlock({ categories: [{ id: 'necessary', necessary: true }, ...(o.categories ?? ['analytics', 'marketing']).map((id) => ({ id }))] })}
<script type="application/json" data-consentry-destinations>${JSON.stringify(destinations)}</script>
${(o.consentryFirst ? tags.reverse() : tags).join('\n')}
</head><body><p>page</p></body></html>`,
    })
  }
  const syncAt = () => ({ url: `http://127.0.0.1:${port}/consent` })

  beforeAll(async () => {
    ;({ server, session } = suite)
    sync = createServer((req, res) => {
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Allow-Methods': 'POST' }
      if (req.method == 'OPTIONS') return void res.writeHead(204, cors).end()
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        if (failNext > 0) {
          failNext--
          return void res.writeHead(500, cors).end()
        }
        const r = readSyncRecord(body, req.headers['content-type'])
        if (!r.ok) return void res.writeHead(r.status, cors).end(r.reason)
        received.push({ id: r.record.id, consentId: r.record.consentId, analytics: r.record.categories.analytics!, marketing: r.record.categories.marketing! })
        res.writeHead(204, cors).end()
      })
    })
    await listen()
    port = (sync.address() as AddressInfo).port
  })
  afterAll(async () => {
    await close().catch(() => {})
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  describe('server sync', () => {
    it('every decision arrives exactly once (after de-duplication) through 5xx, an outage and a reload', async () => {
      const url = syncPage('/sync/page.html', { serverSync: { ...syncAt(), retryDelay: 100, maxDelay: 400 } }, { consentryFirst: true })
      const decided: [boolean, boolean][] = [[true, true], [true, false], [false, false], [false, true]]
      const decide = (i: number) => page.evaluate(([analytics, marketing]) => Consentry.set({ analytics, marketing }), decided[i]!)
      const outbox = () => page.evaluate(() => JSON.parse(localStorage.getItem('consentry-outbox') || '[]').length as number)

      await page.goto(url)
      // 1. The endpoint answers 500 to the first requests.
      failNext = 2
      await decide(0)
      await page.waitForTimeout(5)
      await decide(1)
      await expect.poll(() => new Set(received.map((r) => r.id)).size, { timeout: 10000 }).toBe(2)
      // 2. Then it is unreachable: two more decisions wait in the outbox, across a reload.
      await close()
      await decide(2)
      await page.waitForTimeout(5)
      await decide(3)
      await expect.poll(outbox, { timeout: 5000 }).toBe(2)
      // Let the outbox fail against the closed port at least once before the reload.
      await page.waitForTimeout(500)
      await page.reload()
      expect(await outbox()).toBe(2)
      await page.waitForTimeout(300)
      // 3. It comes back.
      await listen()
      await expect.poll(() => new Set(received.map((r) => r.id)).size, { timeout: 15000 }).toBe(4)
      await expect.poll(() => page.evaluate(() => localStorage.getItem('consentry-outbox')), { timeout: 5000 }).toBe('[]')

      const unique = new Map(received.map((r) => [r.id, r]))
      expect([...unique.values()].map((r) => [r.analytics, r.marketing])).toEqual(decided)
      // Retries and beacons may deliver a record more than once; its id makes that harmless.
      expect(received.length).toBeGreaterThanOrEqual(4)
    })

    it('the outbox file is fetched only where the block names a sync, and a decision made before it arrives is still sent', async () => {
      // The destinations file and the outbox from a folder of their own, the outbox held back until the test lets it go.
      let arrive = () => {}
      const held = new Promise<void>((ok) => (arrive = ok))
      serveIn('/late', 'consentry-destinations.min.js')
      serveIn('/late', 'consentry-sync.mjs', held)
      const pageWith = (name: string, destinations: object) => syncPage(`/late/${name}.html`, destinations, { folder: '/late' })

      await page.goto(pageWith('without', { googleConsentMode: true }))
      await page.evaluate(() => Consentry.acceptAll())
      await page.waitForTimeout(300)
      expect(server.requests('/late/consentry-sync.mjs')).toBe(0)

      // Not to `load`: Firefox holds the load event until a pending import() arrives, and this one waits for the test.
      await page.goto(pageWith('with', { googleConsentMode: true, sync: syncAt() }), { waitUntil: 'domcontentloaded' })
      const consentId = await page.evaluate(() => (Consentry.set({ analytics: true, marketing: false }), Consentry.get().id))
      const mine = () => received.filter((r) => r.consentId == consentId).map((r) => [r.analytics, r.marketing])
      // Decided while the outbox is held back: no record can leave until it arrives, and none is lost meanwhile.
      expect(mine()).toEqual([])
      await expect.poll(() => server.requests('/late/consentry-sync.mjs')).toBe(1)
      await page.waitForTimeout(300)
      expect(mine()).toEqual([])
      arrive()
      await expect.poll(mine, { timeout: 10000 }).toContainEqual([true, false])
    })

    it('a missing outbox file is named in the console, with what to upload', async () => {
      serveIn('/missing', 'consentry-destinations.min.js')
      const url = syncPage('/missing/page.html', { sync: syncAt() }, { folder: '/missing', categories: ['analytics'] })
      // The browser's own report of the 404, and ours.
      suite.expected.push(/404|Failed to load resource|dynamically imported module|consentry-sync\.mjs/)
      await page.goto(url)
      await expect
        .poll(() => log.errors.filter((e) => e.includes('[consentry]')), { timeout: 5000 })
        .toEqual([expect.stringMatching(/\/missing\/consentry-sync\.mjs failed to load: upload consentry-sync\.mjs from consentry's dist\/ beside consentry-destinations\.min\.js/)])
    })

    it('a decision made on a page left before the outbox file arrived is sent from the next page with a sync', async () => {
      let arrive = () => {}
      const held = new Promise<void>((ok) => (arrive = ok))
      const pageIn = (folder: string) => {
        serveIn(`/${folder}`, 'consentry-destinations.min.js')
        serveIn(`/${folder}`, 'consentry-sync.mjs', folder == 'lost' ? held : undefined)
        return syncPage(`/${folder}/page.html`, { sync: syncAt() }, { folder: `/${folder}` })
      }
      try {
        await page.goto(pageIn('lost'), { waitUntil: 'domcontentloaded' })
        const consentId = await page.evaluate(() => (Consentry.set({ analytics: false, marketing: true }), Consentry.get().id))
        // One record per decision, by id: a copy of the same record may come again (a beacon at pagehide, a retry)
        // while the page has not yet heard that it arrived; the receiver drops it by its id.
        const mine = () => [...new Map(received.filter((r) => r.consentId == consentId).map((r) => [r.id, [r.analytics, r.marketing]])).values()]
        await expect.poll(() => server.requests('/lost/consentry-sync.mjs')).toBe(1)
        // The visitor moves on while the outbox file is still on its way: this page never records the decision.
        await page.goto(pageIn('found'))
        await expect.poll(mine, { timeout: 10000 }).toEqual([[false, true]])
        // The page after that knows it reached the outbox, and sends nothing again.
        await page.reload()
        await page.waitForFunction(() => window.Consentry?.get().decided)
        await page.waitForTimeout(500)
        expect(mine()).toEqual([[false, true]])
      } finally {
        arrive()
      }
    })
  })
})
