/**
 * Blocking in real Chromium and Firefox ESR. A local "tracker" answers on a
 * second host name, tracker.test, and the page itself on www.site.test; both
 * browsers resolve both to 127.0.0.1 (Chromium --host-resolver-rules, Firefox
 * network.dns.forceResolve), so every request stays on this machine and the
 * tracker counts exactly what reached it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const TRACKER_JS = `window.trackerRan = (window.trackerRan || 0) + 1
document.cookie = '_tr=host; path=/'
document.cookie = '_tr=deep; path=/blocking'
document.cookie = '_tr_id=site; path=/; domain=.site.test'`

const config = () => ({
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'tracker', cookies: ['_tr', '_tr_*'], hosts: ['tracker.test'] }] },
  ],
  revision: 1,
})

const html = (site: string, trackerPort: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blocking</title>
${configBlock(config())}
<script src="${site}/dist/consentry.min.js"></script>
</head><body>
<script type="text/plain" data-consent="analytics" data-service="tracker" src="http://tracker.test:${trackerPort}/t.js"></script>
<script type="text/plain" data-consent="analytics" id="after">window.order = (window.trackerRan || 0)</script>
<img alt="" data-consent="analytics" data-src="http://tracker.test:${trackerPort}/pixel.gif">
<iframe title="embed" data-consent="analytics" data-src="http://tracker.test:${trackerPort}/embed.html"></iframe>
<script src="/blocking/loader.js"></script>
</body></html>`

/** What a tag manager's snippet does: create a script, set its src, insert it; fire a pixel; add an iframe. */
const LOADER = `
const s = document.createElement('script')
s.async = true
s.onload = () => { window.loaderSawLoad = (window.loaderSawLoad || 0) + 1 }
s.src = 'http://tracker.test:${'${PORT}'}/gtm.js'
document.head.appendChild(s)
new Image().src = 'http://tracker.test:${'${PORT}'}/beacon.gif'
const f = document.createElement('iframe')
f.setAttribute('src', 'http://tracker.test:${'${PORT}'}/widget.html')
f.title = 'widget'
document.body.appendChild(f)
fetch('/blocking/first-party.json').catch(() => {})
`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, { launch: { testHosts: true }, start: () => `${site}/__blank` })
  let server: TestServer
  let tracker: Server
  let trackerPort: number
  let hits: string[] = []
  let session: Session
  let page: Tab
  let log: PageLog
  let site: string
  let url: string

  beforeAll(async () => {
    ;({ server, session } = suite)
    tracker = createServer((req, res) => {
      hits.push(req.url ?? '')
      const js = req.url?.startsWith('/t.js') || req.url?.startsWith('/gtm.js')
      res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : req.url?.endsWith('.gif') ? 'image/gif' : 'text/html', 'Cache-Control': 'no-store' })
      res.end(req.url?.startsWith('/gtm.js') ? 'window.gtmRan = (window.gtmRan || 0) + 1' : js ? TRACKER_JS : req.url?.endsWith('.gif') ? Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') : '<!doctype html><title>embed</title>')
    })
    await new Promise<void>((ok) => tracker.listen(0, '127.0.0.1', ok))
    trackerPort = (tracker.address() as AddressInfo).port
    site = server.origin.replace('127.0.0.1', 'www.site.test')
    url = server.route('/blocking/page.html', { body: '' }).replace('127.0.0.1', 'www.site.test')
  })
  afterAll(async () => {
    await new Promise((ok) => tracker?.close(ok))
  })
  beforeEach(async () => {
    server.route('/blocking/page.html', { body: html(site, trackerPort) })
    server.route('/blocking/loader.js', { body: LOADER.replaceAll('${PORT}', String(trackerPort)), type: 'text/javascript' })
    server.route('/blocking/first-party.json', { body: '{}', type: 'application/json' })
    ;({ page, log } = suite)
    hits = []
  })

  const settle = () => page.waitForTimeout(400)
  /** The tracker's cookies in the visitor's cookie jar, as `name@domain/path`. */
  const names = async () => (await session.context().cookies()).filter((c) => c.name.startsWith('_tr')).map((c) => `${c.name}@${c.domain}${c.path}`)

  describe('blocking markup', () => {
    it('before consent the tracker host receives no request, from markup or from code that inserts tags, and nothing runs', async () => {
      await page.goto(url)
      await settle()
      expect(hits).toEqual([])
      expect(await page.evaluate(() => (window as { trackerRan?: number }).trackerRan)).toBeUndefined()
      expect(log.errors).toEqual([])
    })

    it('after consent each script runs once, in document order, and the requests arrive', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.acceptAll())
      await page.waitForFunction(() => (window as { order?: number }).order !== undefined)
      await settle()
      // The inline script after the tracker ran after it, as the parser would have run them.
      expect(await page.evaluate(() => [(window as { trackerRan?: number }).trackerRan, (window as { order?: number }).order])).toEqual([1, 1])
      await page.waitForFunction(() => (window as { loaderSawLoad?: number }).loaderSawLoad === 1)
      // Markup and what the loader inserted arrive; the detached pixel fired before consent is not replayed.
      await expect.poll(() => [...hits].sort()).toEqual(['/embed.html', '/gtm.js', '/pixel.gif', '/t.js', '/widget.html'])
      expect(await page.evaluate(() => (window as { gtmRan?: number }).gtmRan)).toBe(1)
      // Deciding again does not run anything twice.
      await page.evaluate(() => Consentry.set({ analytics: true }))
      await settle()
      expect(await page.evaluate(() => (window as { trackerRan?: number }).trackerRan)).toBe(1)
      // A returning visitor: runs at load, once.
      hits = []
      await page.reload()
      await page.waitForFunction(() => (window as { trackerRan?: number }).trackerRan === 1)
      await settle()
      expect(hits.filter((h) => h == '/t.js')).toHaveLength(1)
    })

    it('a page arriving in pieces: an inline tag the parser reads in two runs whole, in page order, for a returning visitor', async () => {
      // The parser inserts a script at its start tag and appends its code as it arrives (HTML §13.2.6.4.8);
      // Consentry, first in <head>, sees the element before its code. Both tags end their piece mid-code.
      const tag = (code: string) => `<script type="text/plain" data-consent="analytics">${code}`
      const streamed = server.route('/blocking/streamed.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>streamed</title>
${configBlock(config())}
<script src="/dist/consentry.min.js"></script>
</head><body><p>start</p>
${tag("window.tags = []; window.tags.push('first-")}`,
        pieces: [`half')</script>
${tag("window.tags.push('second')")}</script>
${tag("window.tags.push('last-")}`, `half')</script></body></html>`],
        gap: 300,
      }).replace('127.0.0.1', 'www.site.test')
      await page.goto(url)
      await page.evaluate(() => Consentry.acceptAll())
      await page.goto(streamed)
      await page.waitForFunction(() => document.readyState == 'complete')
      await settle()
      expect(await page.evaluate(() => (window as { tags?: string[] }).tags)).toEqual(['first-half', 'second', 'last-half'])
      expect(log.errors).toEqual([])
    })

    it('waiting scripts from files are fetched side by side and run in page order, inline code after those before it', async () => {
      // The server answers the first file only once the third has been asked for, and the three in
      // reverse order: fetched one after another, the first would wait for the third for ever (here 5 s).
      let thirdAsked = false
      let thirdAskedFirst: boolean | undefined
      const asked = new Promise<void>((ok) => {
        const t = setInterval(() => server.requests('/blocking/in-order-3.js') && (clearInterval(t), (thirdAsked = true), ok()), 10)
        setTimeout(() => (clearInterval(t), ok()), 5000)
      })
      const later = (ms: number) => asked.then(() => new Promise((ok) => setTimeout(ok, ms)))
      const js = (n: number) => ({ body: `window.order.push(${n})`, type: 'text/javascript' })
      server.route('/blocking/in-order-1.js', { ...js(1), until: later(400).then(() => (thirdAskedFirst = thirdAsked)) })
      server.route('/blocking/in-order-2.js', { ...js(2), until: later(200) })
      server.route('/blocking/in-order-3.js', js(3))
      const ordered = server.route('/blocking/in-order.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>in order</title>
${configBlock(config())}
<script src="/dist/consentry.min.js"></script>
</head><body><script>window.order = []</script>
${[1, 2, 3].map((n) => `<script type="text/plain" data-consent="analytics" src="/blocking/in-order-${n}.js"></script>`).join('\n')}
<script type="text/plain" data-consent="analytics">window.order.push('inline')</script>
</body></html>`,
      }).replace('127.0.0.1', 'www.site.test')
      await page.goto(ordered)
      await page.evaluate(() => Consentry.acceptAll())
      await page.waitForFunction(() => (window as { order?: unknown[] }).order?.length == 4, undefined, { timeout: 15_000 })
      expect(await page.evaluate(() => (window as { order?: unknown[] }).order)).toEqual([1, 2, 3, 'inline'])
      expect(thirdAskedFirst).toBe(true)
    })

    it('after withdrawal the service cookies are gone on every path and domain variant', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.acceptAll())
      await page.waitForFunction(() => document.cookie.includes('_tr_id='))
      // document.cookie writes reach the browser's cookie store asynchronously.
      await expect.poll(async () => (await names()).sort()).toEqual(['_tr@www.site.test/', '_tr@www.site.test/blocking', '_tr_id@.site.test/'])
      await page.evaluate(() => Consentry.rejectAll())
      await expect.poll(names).toEqual([])
      expect(await page.evaluate(() => document.cookie)).not.toContain('_tr')
    })

    it('service cookies left from an earlier visit are deleted at start-up when there is no consent', async () => {
      await session.context().addCookies([
        { name: '_tr', value: 'old', domain: 'www.site.test', path: '/' },
        { name: '_tr_id', value: 'old', domain: '.site.test', path: '/' },
      ])
      expect((await names()).sort()).toEqual(['_tr@www.site.test/', '_tr_id@.site.test/'])
      await page.goto(url)
      await expect.poll(async () => (await session.context().cookies()).filter((c) => c.name.startsWith('_tr'))).toEqual([])
    })
  })
})
