/**
 * Proof of consent against a real, unreliable endpoint in Chromium and Firefox
 * ESR: the sync server fails its first requests, then is unreachable for a
 * while (closed), then comes back on the same port — with a page reload in
 * between. Every decision must arrive; after dropping duplicates by id,
 * exactly once.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readSyncRecord } from 'consentry/server'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
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
  const received: { id: string; analytics: boolean; marketing: boolean }[] = []
  let failNext = 0

  const listen = () => new Promise<void>((ok) => sync.listen(port, '127.0.0.1', ok))
  const close = () =>
    new Promise<void>((ok) => {
      sync.closeAllConnections()
      sync.close(() => ok())
    })

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
        received.push({ id: r.record.id, analytics: r.record.categories.analytics!, marketing: r.record.categories.marketing! })
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
      const destinations = { serverSync: { url: `http://127.0.0.1:${port}/consent`, retryDelay: 100, maxDelay: 400 } }
      const url = server.route('/sync/page.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sync</title>
${configBlock({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] })}
<script type="application/json" data-consentry-destinations>${JSON.stringify(destinations)}</script>
<script src="/dist/consentry.min.js"></script>
<script src="/dist/consentry-destinations.min.js"></script>
</head><body><p>page</p></body></html>`,
      })
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
  })
})
