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
  site = server.origin.replace('127.0.0.1', 'www.site.test')
  ;[firefox, gpcFirefox] = await Promise.all([launchFirefox(), launchFirefox({ 'privacy.globalprivacycontrol.enabled': true })])
}, 60_000)
afterAll(async () => {
  await firefox?.close()
  await gpcFirefox?.close()
  await server?.close()
  await new Promise((ok) => tracker?.close(ok))
})

const open = async (ff: Firefox, html: string) => {
  const { page: p, errors } = await ff.page()
  await p.goto(site + server.route('/ff/page.html', { body: html }).slice(server.origin.length))
  return { p, errors }
}

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
