/**
 * Strict mode's network guard, HTML-string insertion, Trusted Types and embed
 * placeholders in real Chromium and Firefox ESR. As in blocking.test.ts, a
 * local "tracker" answers on tracker.test and the page on www.site.test, both
 * mapped to 127.0.0.1, so the tracker counts every request (and WebSocket
 * upgrade) that reached it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' http://tracker.test:*; connect-src 'self' http://tracker.test:* ws://tracker.test:*; frame-src 'self' http://tracker.test:*"

const config = (extra: object = {}) => ({
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'tracker', label: 'Tracker Inc', hosts: ['tracker.test'] }] },
  ],
  ...extra,
})

const page_ = (site: string, script: string, cfg: object, body = '<script src="/net/calls.js"></script>') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>network</title>
${configBlock(cfg)}
<script src="${site}/dist/${script}"></script>
</head><body>${body}</body></html>`

/** What analytics code does once it runs: every way a page can phone home. Results land in window.calls. */
const CALLS = (t: string) => `
const T = '${t}'
const calls = (window.calls = {})
fetch(T + '/fetch?n=1', { method: 'POST', body: 'a' }).then((r) => (calls.fetch = 'ok ' + r.status), (e) => (calls.fetch = e.name))
calls.beacon = navigator.sendBeacon(T + '/beacon?n=2', 'b')
const x = new XMLHttpRequest()
x.open('GET', T + '/xhr?n=3')
x.onerror = () => (calls.xhr = 'error ' + x.readyState + ' ' + x.status)
x.onload = () => (calls.xhr = 'load ' + x.status)
x.send()
const img = new Image()
img.onerror = () => (calls.img = 'error')
img.onload = () => (calls.img = 'load')
img.src = T + '/pixel.gif?n=4'
try {
  const ws = new WebSocket(T.replace('http', 'ws') + '/socket')
  ws.onerror = () => (calls.ws = 'error ' + (ws instanceof WebSocket))
  ws.onclose = (e) => (calls.wsClose = e.code)
} catch (e) {
  calls.ws = 'threw ' + e.name
}
const div = document.createElement('div')
div.innerHTML = '<img alt="" src="' + T + '/inner.gif">'
document.body.append(div)
document.body.insertAdjacentHTML('beforeend', '<iframe title="w" src="' + T + '/adjacent.html"></iframe>')
`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, { launch: { testHosts: true }, start: () => `${site}/__blank` })
  let server: TestServer
  let tracker: Server
  let port: number
  let hits: string[] = []
  let session: Session
  let page: Tab
  let log: PageLog
  let site: string

  beforeAll(async () => {
    ;({ server, session } = suite)
    tracker = createServer((req, res) => {
      hits.push((req.url ?? '').replace(/\?.*/, ''))
      const gif = req.url?.includes('.gif')
      res.writeHead(200, { 'Content-Type': gif ? 'image/gif' : 'text/html', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' })
      res.end(gif ? Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64') : '<!doctype html><title>tracker</title><p id="content">tracked content</p>')
    })
    // A WebSocket handshake is an HTTP upgrade request: count it, then hang up.
    tracker.on('upgrade', (req, socket) => {
      hits.push('upgrade ' + req.url)
      socket.destroy()
    })
    await new Promise<void>((ok) => tracker.listen(0, '127.0.0.1', ok))
    port = (tracker.address() as AddressInfo).port
    site = server.origin.replace('127.0.0.1', 'www.site.test')
  })
  afterAll(async () => {
    await new Promise((ok) => tracker?.close(ok))
  })
  beforeEach(async () => {
    server.route('/net/calls.js', { body: CALLS(`http://tracker.test:${port}`), type: 'text/javascript' })
    ;({ page, log } = suite)
    hits = []
  })

  /**
   * The tracker hangs up on every WebSocket handshake, and a browser whose socket really went out
   * says so: Chromium "WebSocket connection to 'ws://…/socket' failed: …", Firefox (as a page
   * error) "Firefox can’t establish a connection to the server at ws://…/socket.". Tests whose
   * socket is meant to reach the tracker expect exactly that message; in the others it fails them.
   */
  const wsRefused = () =>
    new RegExp(`^(WebSocket connection to 'ws://tracker\\.test:${port}/socket' failed: |(Error: )?Firefox can’t establish a connection to the server at ws://tracker\\.test:${port}/socket\\.$)`)
  const open = async (script: string, cfg: object, body?: string) => {
    await page.goto(site + server.route('/net/page.html', { body: page_(site, script, cfg, body), headers: { 'Content-Security-Policy': CSP } }).slice(server.origin.length))
  }
  const calls = () => page.evaluate(() => (window as unknown as { calls: Record<string, unknown> }).calls)
  const settle = () => page.waitForTimeout(400)

  describe('strict mode (consentry.strict.min.js)', () => {
    it('before consent the tracker receives nothing from fetch, sendBeacon, XHR, Image, WebSocket or HTML strings, and each caller sees an ordinary failure', async () => {
      await open('consentry.strict.min.js', config({ blocking: 'strict' }))
      await expect.poll(async () => Object.keys(await calls()).length).toBeGreaterThanOrEqual(6)
      await settle()
      expect(hits).toEqual([])
      expect(await calls()).toEqual({ fetch: 'TypeError', beacon: false, xhr: 'error 4 0', img: 'error', ws: 'error true', wsClose: 1006 })
      expect(log.errors).toEqual([])
    })

    it('with a quarantine, what was refused is sent in order once the visitor agrees, and the callers get their responses', async () => {
      await open('consentry.strict.min.js', config({ blocking: 'strict', quarantine: true }))
      await settle()
      expect(hits).toEqual([])
      await page.evaluate(() => Consentry.acceptAll())
      await expect.poll(() => hits.length).toBeGreaterThanOrEqual(6)
      // They are sent in the order they were made (the unit suite checks the order of the calls); over
      // parallel connections they may reach the server in any order.
      expect([...hits].sort()).toEqual(['/adjacent.html', '/beacon', '/fetch', '/inner.gif', '/pixel.gif', '/xhr'])
      await expect.poll(calls).toMatchObject({ fetch: 'ok 200', beacon: true, xhr: 'load 200', img: 'load' })
    })

    it('a returning visitor who agreed sends at once', async () => {
      suite.expected = [wsRefused()]
      await open('consentry.strict.min.js', config({ blocking: 'strict' }))
      await page.evaluate(() => Consentry.acceptAll())
      // Without a quarantine nothing refused comes back; the parked HTML-string elements load.
      await expect.poll(() => [...hits].sort()).toEqual(['/adjacent.html', '/inner.gif'])
      await settle()
      hits = []
      await page.reload()
      await expect.poll(() => hits.filter((h) => !h.startsWith('upgrade')).sort()).toEqual(['/adjacent.html', '/beacon', '/fetch', '/inner.gif', '/pixel.gif', '/xhr'])
      await expect.poll(() => hits.some((h) => h.startsWith('upgrade'))).toBe(true)
    })

    it('the plain script tag refuses blocking: strict with a typed error naming the field, and blocks elements as usual', async () => {
      const refusal = `config.blocking: expected 'elements', or 'strict' with consentry/strict or consentry.strict.min.js, got "strict"`
      // The refusal is logged (init's rejection goes to console.error), and this page's socket is not guarded.
      suite.expected = [new RegExp(`^(ConsentryError|Error): \\[consentry\\] ${refusal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), wsRefused()]
      await open('consentry.min.js', config({ blocking: 'strict' }))
      await settle()
      expect(log.errors.join('\n')).toContain(refusal)
    })
  })

  describe('HTML strings without strict mode (consentry.min.js)', () => {
    it('images and iframes inserted with innerHTML or insertAdjacentHTML do not load before consent, and load after', async () => {
      // Without strict mode the page's WebSocket is not guarded: it reaches the tracker, which hangs up.
      suite.expected = [wsRefused()]
      await open('consentry.min.js', config())
      await settle()
      expect(hits.filter((h) => h == '/inner.gif' || h == '/adjacent.html')).toEqual([])
      await page.evaluate(() => Consentry.acceptAll())
      await expect.poll(() => hits.filter((h) => h == '/inner.gif' || h == '/adjacent.html').sort()).toEqual(['/adjacent.html', '/inner.gif'])
    })
  })

  describe('Trusted Types', () => {
    // Both browsers support and enforce Trusted Types ('trustedTypes' in window; Firefox ESR 153 too): the same assertions hold in each.
    it("under require-trusted-types-for 'script', a page's own TrustedHTML through innerHTML still works, and its blocked image is parked", async () => {
      const TT_PAGE = `
const policy = trustedTypes.createPolicy('app', { createHTML: (s) => s })
const div = document.createElement('div')
div.innerHTML = policy.createHTML('<img alt="" src="http://tracker.test:${'${PORT}'}/tt.gif"><b>ok</b>')
document.body.append(div)
window.ttDone = div.querySelector('b').textContent + ' ' + div.querySelector('img').getAttribute('data-src')
`
      server.route('/net/tt.js', { body: TT_PAGE.replaceAll('${PORT}', String(port)), type: 'text/javascript' })
      const body = page_(site, 'consentry.min.js', config(), '<script src="/net/tt.js"></script>')
      const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' http://tracker.test:*; require-trusted-types-for 'script'; trusted-types app"
      await page.goto(site + server.route('/net/tt.html', { body, headers: { 'Content-Security-Policy': csp } }).slice(server.origin.length))
      expect(await page.evaluate(() => 'trustedTypes' in window)).toBe(true)
      await expect.poll(() => page.evaluate(() => (window as unknown as { ttDone?: string }).ttDone)).toBe(`ok http://tracker.test:${port}/tt.gif`)
      await settle()
      expect(hits).not.toContain('/tt.gif')
      expect(log.errors).toEqual([])
      // Control: the header is enforced in this browser, so the above is not vacuous. A plain string
      // through the same sink is refused, and the browser reports it (that one message is expected).
      suite.expected = [/^(This document requires 'TrustedHTML' assignment\. The action has been blocked\.|(Error: )?Content-Security-Policy: The page’s settings blocked assigning to an injection sink because it violates the following directive: “require-trusted-types-for ’script’“)$/]
      expect(await page.evaluate(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return 'assigned' } catch (e) { return (e as Error).name } })).toBe('TypeError')
      await expect.poll(() => log.errors.length).toBe(1)
      expect(log.errors[0]).toMatch(suite.expected[0]!)
    })
  })

  describe('the banner under this strict CSP', () => {
    it("shows, takes a real click on Accept all, writes the cookie and localStorage, and a reload restores the decision, with zero CSP violations", async () => {
      // Loaded first (script-src 'self' allows it), it reports every violation of the document as a console error.
      server.route('/net/csp.js', { body: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))", type: 'text/javascript' })
      const body = page_(site, 'consentry.min.js', config(), '').replace('<head>', '<head><script src="/net/csp.js"></script>')
      await page.goto(site + server.route('/net/banner.html', { body, headers: { 'Content-Security-Policy': CSP } }).slice(server.origin.length))
      const accept = page.locator('[data-consentry] >>> [data-consentry-action=accept-all]')
      await expect.poll(() => accept.textContent()).toContain('Accept all')
      await accept.click()
      await expect.poll(() => page.evaluate(() => [document.cookie.includes('consentry=2.'), (localStorage.getItem('consentry') ?? '').startsWith('2.')])).toEqual([true, true])
      expect(await page.evaluate(() => Consentry.get().method)).toBe('banner')
      await page.reload()
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ decided: true, method: 'banner', categories: { analytics: true } })
      expect(log.errors).toEqual([])
    })
  })

  describe('embed placeholders', () => {
    const EMBED = () => `<iframe id="video" title="Video" width="560" height="315" data-consent="analytics" data-service="tracker" data-src="http://tracker.test:${port}/embed.html"></iframe>`
    const frameText = () =>
      page.evaluate(() => (document.getElementById('video') as HTMLIFrameElement).contentDocument?.body?.innerText ?? null)

    it('a blocked iframe shows who the content is from and a button, in the page language, under a strict CSP', async () => {
      await open('consentry.min.js', config(), EMBED())
      await expect.poll(frameText).toContain('This content is from Tracker Inc.')
      expect(await frameText()).toContain('Load content')
      // The box the page gave the embed is kept.
      expect(await page.evaluate(() => document.getElementById('video')!.clientWidth)).toBe(560)
      expect(hits).not.toContain('/embed.html')
      expect(log.errors).toEqual([])
    })

    it('its button allows that service only, loads the embed, and records the decision as made from an embed', async () => {
      await open('consentry.min.js', config(), EMBED())
      await expect.poll(frameText).toContain('Load content')
      await page.frameLocator('#video').getByRole('button', { name: 'Load content' }).click()
      await expect.poll(() => hits).toContain('/embed.html')
      await expect.poll(() => page.frameLocator('#video').locator('#content').textContent()).toBe('tracked content')
      expect(await page.evaluate(() => [Consentry.get().method, Consentry.has('tracker')])).toEqual(['embed', true])
    })

    it('is translated: German page, German placeholder', async () => {
      const de = page_(site, 'consentry.min.js', config(), EMBED()).replace('<html lang="en">', '<html lang="de">')
      await page.goto(site + server.route('/net/de.html', { body: de, headers: { 'Content-Security-Policy': CSP } }).slice(server.origin.length))
      await expect.poll(frameText).toContain('Dieser Inhalt stammt von Tracker Inc.')
      expect(await frameText()).toContain('Inhalt laden')
    })
  })
})
