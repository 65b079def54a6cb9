/**
 * The promises that matter most, proven in Firefox ESR too (WebDriver BiDi):
 * blocked scripts neither run nor request their URL — in markup, inserted by a
 * tag-manager-style loader, or through HTML strings — and run once after
 * consent; strict mode refuses fetch, sendBeacon and images; a real GPC
 * signal (Firefox's own pref) opts a California visitor out; the GPP string
 * and `__uspapi` agree with Chromium's.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from './harness.js'
import { configBlock } from './pages.js'
import type { Page } from 'puppeteer-core'
import { launchFirefox, until, type Firefox } from './firefox.js'

let server: TestServer
let tracker: Server
let port: number
let hits: string[] = []
let firefox: Firefox
let gpcFirefox: Firefox
let site: string

const CONFIG = (extra: object = {}) => ({
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'tracker', label: 'Tracker Inc', hosts: ['tracker.test'], cookies: ['_tr'] }] },
  ],
  ...extra,
})

const LOADER = (t: string) => `
const s = document.createElement('script')
s.src = '${t}/gtm.js'
document.head.appendChild(s)
new Image().src = '${t}/beacon.gif'
const d = document.createElement('div')
d.innerHTML = '<img alt="" src="${t}/inner.gif">'
document.body.append(d)
`
const CALLS = (t: string) => `
window.calls = {}
fetch('${t}/fetch').then(() => (calls.fetch = 'ok'), (e) => (calls.fetch = e.name))
calls.beacon = navigator.sendBeacon('${t}/beacon', 'x')
const img = new Image()
img.onerror = () => (calls.img = 'error')
img.src = '${t}/pixel.gif'
`

const page = (script: string, config: object, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ff</title>
${configBlock(config)}
<script src="/dist/${script}"></script>
</head><body>${body}</body></html>`

beforeAll(async () => {
  server = await startServer()
  tracker = createServer((req, res) => {
    hits.push((req.url ?? '').replace(/\?.*/, ''))
    const js = req.url!.endsWith('.js')
    res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/plain', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' })
    res.end(js ? 'window.ran = (window.ran || 0) + 1' : '')
  })
  await new Promise<void>((ok) => tracker.listen(0, '127.0.0.1', ok))
  port = (tracker.address() as AddressInfo).port
  const t = `http://tracker.test:${port}`
  server.route('/ff/loader.js', { body: LOADER(t), type: 'text/javascript' })
  server.route('/ff/calls.js', { body: CALLS(t), type: 'text/javascript' })
  server.route('/ff/csp.js', { body: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective))", type: 'text/javascript' })
  server.route('/ff/frame.js', {
    body: `addEventListener('message', (e) => { const r = e.data && e.data.__gppReturn; const p = r && r.returnValue && r.returnValue.pingData; if (p && p.cmpStatus == 'loaded' && p.signalStatus == 'ready') document.title = JSON.stringify(p.applicableSections) })
let t = null; for (let f = window.parent; ; f = f.parent) { try { if (f.frames.__gppLocator) { t = f; break } } catch (e) {} if (f === window.top) break }
t && t.postMessage({ __gppCall: { command: 'addEventListener', version: '1.1', callId: 1 } }, '*')`,
    type: 'text/javascript',
  })
  server.route('/ff/frame.html', { body: '<!doctype html><title>waiting</title><script src="/ff/frame.js"></script>' })
  server.route('/ff/tags.js', {
    body: `window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments) } gtag('config', 'G-TEST')
!function (f) { var n = f.fbq = function () { n.callMethod ? n.callMethod.apply(n, arguments) : n.queue.push(arguments) }; if (!f._fbq) f._fbq = n; n.push = n; n.loaded = !0; n.version = '2.0'; n.queue = [] }(window)
fbq('init', '123')`,
    type: 'text/javascript',
  })
  site = server.origin.replace('127.0.0.1', 'www.site.test')
  ;[firefox, gpcFirefox] = await Promise.all([launchFirefox(), launchFirefox({ 'privacy.globalprivacycontrol.enabled': true })])
}, 60_000)
afterAll(async () => {
  await firefox?.close()
  await gpcFirefox?.close()
  await server?.close()
  await new Promise((ok) => tracker?.close(ok))
})

const open = async (ff: Firefox, html: string, headers?: Record<string, string>) => {
  const { page: p, errors } = await ff.page()
  await p.goto(site + server.route('/ff/page.html', { body: html, headers }).slice(server.origin.length))
  return { p, errors }
}
const shadowText = (p: Page, sel: string): Promise<string> =>
  p.evaluate((s: string) => document.querySelector('[data-consentry]')?.shadowRoot?.querySelector(s)?.textContent ?? '', sel)

describe('Firefox ESR', () => {
  it('a blocked script neither runs nor requests its URL — in markup, from a loader, from innerHTML — and runs once after consent', async () => {
    hits = []
    const t = `http://tracker.test:${port}`
    const { p, errors } = await open(firefox, page('consentry.min.js', CONFIG(), `<script type="text/plain" data-consent="analytics" data-service="tracker" src="${t}/t.js"></script><script src="/ff/loader.js"></script>`))
    await new Promise((r) => setTimeout(r, 500))
    expect(hits).toEqual([])
    expect(await p.evaluate(() => (window as any).ran ?? 0)).toBe(0)
    await p.evaluate(() => (window as any).Consentry.acceptAll())
    await until(() => p.evaluate(() => (window as any).ran ?? 0), (n) => n == 2)
    await until(async () => [...hits].sort(), (h) => h.includes('/inner.gif'))
    expect([...new Set(hits)].sort()).toEqual(['/gtm.js', '/inner.gif', '/t.js'])
    expect(hits.filter((h) => h == '/t.js')).toHaveLength(1)
    expect(errors).toEqual([])
    await p.close()
  })

  it('strict mode: fetch, sendBeacon and images to the tracker fail as offline, and nothing leaves', async () => {
    hits = []
    const { p, errors } = await open(firefox, page('consentry.strict.min.js', CONFIG({ blocking: 'strict' }), '<script src="/ff/calls.js"></script>'))
    const calls = await until(() => p.evaluate(() => (window as any).calls), (c) => c && c.fetch && c.img)
    expect(calls).toEqual({ fetch: 'TypeError', beacon: false, img: 'error' })
    await new Promise((r) => setTimeout(r, 300))
    expect(hits).toEqual([])
    expect(errors).toEqual([])
    await p.close()
  })

  it('the banner works under a strict CSP with zero violations; Accept writes the cookie and localStorage; a reload restores it', async () => {
    const html = page('consentry.min.js', CONFIG(), '').replace('<head>', '<head><script src="/ff/csp.js"></script>')
    const { p, errors } = await open(firefox, html, { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" })
    await until(() => shadowText(p, '[part=banner]'), (t) => t.includes('Accept all'))
    await p.evaluate(() => ((document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[data-consentry-action=accept-all]') as HTMLElement).click()))
    const stored = await p.evaluate(() => [document.cookie.includes('consentry=1.'), (localStorage.getItem('consentry') ?? '').startsWith('1.')])
    expect(stored).toEqual([true, true])
    await p.reload()
    expect(await p.evaluate(() => (window as any).Consentry.get().decided)).toBe(true)
    expect(errors).toEqual([])
    await p.close()
  })

  it('an iframe on another origin hears the GPP signal through __gppLocator', async () => {
    const us = { mode: 'auto', region: 'US-CA', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] }
    const other = server.origin.replace('127.0.0.1', 'vendor.test')
    // The stub places the locator before any vendor frame can look for it, as the README asks sites to.
    const html = page('consentry.min.js', us, `<iframe id="v" title="vendor" src="${other}/ff/frame.html"></iframe>`).replace('<head>', '<head><script src="/dist/consentry-stub.min.js"></script>')
    const { p, errors } = await open(gpcFirefox, html)
    const frame = await until(async () => p.frames().find((f) => f.url().includes('vendor.test')), (f) => !!f)
    expect(await until(() => frame!.title() as Promise<string>, (t) => t != 'waiting')).toBe('[7]')
    expect(errors).toEqual([])
    await p.close()
  })

  it('destinations: consent default (arguments) before the page’s gtag config, Meta revoke before its init', async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>d</title>${configBlock(CONFIG())}
<script type="application/json" data-consentry-destinations>{ "googleConsentMode": {}, "metaPixel": true }</script>
<script src="/dist/consentry-destinations.min.js"></script><script src="/dist/consentry.min.js"></script><script src="/ff/tags.js"></script></head><body></body></html>`
    const { p, errors } = await open(firefox, html)
    const layer = await p.evaluate(() => (window as any).dataLayer.map((e: any) => [Object.prototype.toString.call(e), e[0], e[1]]))
    expect(layer).toEqual([['[object Arguments]', 'consent', 'default'], ['[object Arguments]', 'config', 'G-TEST']])
    expect(await p.evaluate(() => (window as any).fbq.queue.map((a: any) => Array.from(a)))).toEqual([['dataProcessingOptions', []], ['consent', 'revoke'], ['init', '123']])
    expect(errors).toEqual([])
    await p.close()
  })

  it('"Do Not Sell or Share" without GPC: one click, confirmed, 1YYN', async () => {
    const us = { mode: 'auto', region: 'US-CA', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] }
    const { p, errors } = await open(firefox, page('consentry.min.js', us, ''))
    await until(() => shadowText(p, '[part=notice]'), (t) => t.includes('Do Not Sell or Share'))
    await p.evaluate(() => (document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[data-consentry-action=opt-out]') as HTMLElement).click())
    expect(await until(() => shadowText(p, '[part=confirmation]'), (t) => t.length > 0)).toContain('has been honored')
    expect(await p.evaluate(() => { let u = ''; (window as any).__uspapi('getUSPData', 1, (d: any) => (u = d.uspString)); return u })).toBe('1YYN')
    expect(errors).toEqual([])
    await p.close()
  })

  it('a real GPC signal (Firefox pref) opts a California visitor out: usnat with Gpc, 1YYN, the indicator, no prompt', async () => {
    const us = { mode: 'auto', region: 'US-CA', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] }
    const { p, errors } = await open(gpcFirefox, page('consentry.min.js', us, ''))
    expect(await p.evaluate(() => (navigator as any).globalPrivacyControl)).toBe(true)
    const s = await p.evaluate(() => (window as any).Consentry.get())
    expect(s).toMatchObject({ method: 'gpc', gpc: true, optOut: { sale: true, sharing: true, targetedAds: true }, categories: { marketing: false } })
    const ping = await until(() => p.evaluate(() => new Promise<any>((r) => (window as any).__gpp ? (window as any).__gpp('ping', r) : r(null))), (x) => x?.signalStatus == 'ready')
    expect(ping).toMatchObject({ applicableSections: [7], gppString: 'DBABLA~CVQVAAAAAACA.YA' })
    expect(await p.evaluate(() => { let u = ''; (window as any).__uspapi('getUSPData', 1, (d: any) => (u = d.uspString)); return u })).toBe('1YYN')
    const notice = await until(() => p.evaluate(() => document.querySelector('[data-consentry]')?.shadowRoot?.querySelector('[part=notice]')?.textContent ?? ''), (x) => x.length > 0)
    expect(notice).toContain('Opt-out preference signal honored')
    expect(errors).toEqual([])
    await p.close()
  })
})
