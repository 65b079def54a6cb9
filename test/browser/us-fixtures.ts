/**
 * What the US privacy suites (us-*.test.ts) share: the site, the vendor frames
 * that ask through the locator, a clock moved back, and a browser suite with a
 * second browser that sends Global Privacy Control. The page is www.site.test and
 * the frame tracker.test, both mapped to 127.0.0.1.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { sharedLaunch, watch, type BrowserName, type Session, type Tab } from './driver.js'
import { browserSuite, type BrowserSuite } from './suite.js'
import { configBlock } from './pages.js'

export const CSP = "default-src 'self'; script-src 'self' http://tracker.test:*; style-src 'self'; frame-src 'self' http://tracker.test:*"
export const SITE = {
  mode: 'auto',
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', default: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}

/**
 * A vendor frame on another origin: finds the locator up the tree, registers a
 * listener through postMessage (as vendors do, since the CMP may still be a
 * stub), and shows the ping data once the signal is ready.
 */
export const FRAME_JS = `
let target = null
for (let f = window.parent; ; f = f.parent) {
  try { if (f.frames.__gppLocator) { target = f; break } } catch (e) {}
  if (f === window.top) break
}
addEventListener('message', (e) => {
  const r = e.data && e.data.__gppReturn
  const ping = r && r.returnValue && r.returnValue.pingData
  if (ping && ping.cmpStatus == 'loaded' && ping.signalStatus == 'ready')
    document.getElementById('out').textContent = JSON.stringify({ callId: r.callId, applicableSections: ping.applicableSections, gppString: ping.gppString })
})
if (target) target.postMessage({ __gppCall: { command: 'addEventListener', version: '1.1', callId: 'frame-1' } }, '*')
else document.getElementById('out').textContent = 'no locator'
`

export const DAY = 864e5
/** Consentry's month (a twelfth of a Julian year), so 12 of them are exactly the default `lifetime`. */
export const MONTH = 2629800000

/**
 * Moves a tab's clock by `offset` ms before any page script runs: `Date.now()` and
 * `new Date()`, which is all Consentry reads. The browser's cookie jar keeps real
 * time, so the tests move the page's clock back for the first visit, and the
 * second visit runs at the real now, where the jar judges expiry (and Chrome's
 * 400-day cap) the same way.
 */
export const shiftClock = (tab: Tab, offset: number) =>
  tab.addInitScript((ms) => {
    const Real = Date
    // A subclass keeps Date.UTC, Date.parse and instanceof as they were.
    class Shifted extends Real {
      constructor(...args: unknown[]) {
        super(...((args.length ? args : [Real.now() + ms]) as [number]))
      }
      static override now() {
        return Real.now() + ms
      }
    }
    globalThis.Date = Shifted as DateConstructor
  }, offset)

/**
 * A vendor frame that asks odd and hostile questions through the locator once
 * the CMP has loaded (it pings until `cmpStatus` is `loaded`), as objects and
 * as JSON, and shows every reply it got, in order, when the last one comes.
 */
export const HOSTILE_FRAME_JS = `
let target = null
// Without the stub the locator comes with Consentry's signals module: look until it is there.
const find = () => {
  for (let f = window.parent; ; f = f.parent) {
    try { if (f.frames.__gppLocator) return f } catch (e) {}
    if (f === window.top) return null
  }
}
const replies = []
let started = false
const send = (m, json) => target.postMessage(json ? JSON.stringify(m) : m, '*')
const battery = () => {
  send({ __gppCall: { command: 'getSection', parameter: 'toString', version: '1.1', callId: 'toString' } })
  send({ __gppCall: { command: 'getSection', parameter: 'toString', version: '1.1', callId: 'toString-json' } }, true)
  send({ __gppCall: { command: 'hasSection', parameter: 'constructor', version: '1.1', callId: 'constructor' } }, true)
  send({ __gppCall: { command: 'getField', parameter: 'constructor.name', version: '1.1', callId: 'field' } })
  send({ __gppCall: { command: 'getField', parameter: 'usnat.__proto__', version: '1.1', callId: 'proto' } })
  send({ __gppCall: { command: 'getSection', parameter: 'usnat', version: '1.1', callId: 42 } }, true)
  send({ __gppCall: { command: 'ping', version: '1.1', callId: { odd: true } } })
  send({ __gppCall: { command: 'getGPPData', version: '1.1', callId: 'unknown' } })
  send({ __gppCall: { command: 'removeEventListener', parameter: { valueOf: 1 }, callId: 'remove' } })
  send('{"__gppCall": {"command": "ping", "callId": "broken"')
  send({ __gppCall: { command: 'getField', parameter: 'x'.repeat(200000), callId: 'huge' } })
  send({ __uspapiCall: { command: 'getUSPData', version: 1, callId: 'usp' } }, true)
  send({ __gppCall: { command: 'ping', version: '1.1', callId: 'done' } })
}
addEventListener('message', (e) => {
  let d = e.data
  if (typeof d == 'string') { try { d = JSON.parse(d) } catch (x) { return } }
  const r = d && (d.__gppReturn || d.__uspapiReturn)
  if (!r) return
  if (r.callId === 'wait') {
    if (!started && r.returnValue.cmpStatus == 'loaded') { started = true; battery() }
    return
  }
  replies.push({ callId: r.callId, success: r.success, value: r.callId == 'done' ? r.returnValue.cmpStatus : r.returnValue })
  if (r.callId === 'done') document.getElementById('out').textContent = JSON.stringify(replies)
})
const wait = () => {
  if (started) return
  target = target || find()
  if (target) send({ __gppCall: { command: 'ping', version: '1.1', callId: 'wait' } })
  setTimeout(wait, 20)
}
wait()
`

export const html = (config: object, region: string, extra = '', stub = true) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>us</title>
${stub ? '<script src="/dist/consentry-stub.min.js"></script>\n<script src="/us/early.js"></script>' : ''}
${configBlock(config)}
<script src="/dist/consentry.min.js" data-region="${region}"></script>
</head><body><p><a href="#" data-consentry-open data-consentry-choices></a></p>${extra}</body></html>`

/** A tag that runs before Consentry: it can only talk to the stub. */
export const EARLY = `window.early = []
__gpp('addEventListener', (e) => early.push(e.eventName + ':' + (typeof e.data == 'string' ? e.data : JSON.stringify(e.data))))
__uspapi('getUSPData', 1, (d) => (window.earlyUsp = d && d.uspString))`

export interface UsOpen {
  region: string
  gpc?: boolean
  config?: object
  extra?: string
  stub?: boolean
}

export interface UsSuite extends BrowserSuite {
  /** The same browser with Global Privacy Control on (Firefox: its real pref). */
  gpcSession: Session
  /** The test server as www.site.test, and as tracker.test. */
  site: string
  other: string
  /** Opens the US page in this test's tab, or (`gpc`) in a new one of the GPC browser; resolves to that tab. */
  open(opts: UsOpen): Promise<Tab>
  /**
   * This test's tab: its first-time visitor of the suite's browser, made at the first call (or the GPC visitor's tab, once
   * opened). For what a test does to the tab before {@link open} (an init script).
   */
  visitor(): Promise<Tab>
}

/** A browser suite for the US page: test hosts, the GPC browser beside it, the page's scripts and frames served. */
export const usSuite = (browserName: BrowserName): UsSuite => {
  // No tab before each test: its visitor is made when it opens the page (see visitor), in the browser it needs. A GPC
  // test's visitor is the GPC browser's, and a tab of the other made for it first went unused, while a new context's
  // first tab costs Chromium most of a second (measured).
  const suite = browserSuite(browserName, { launch: { testHosts: true }, start: () => null }) as UsSuite
  let visited = false
  beforeEach(() => {
    visited = false
  })
  beforeAll(async () => {
    const { server } = suite
    // Shared as the suite's own browser is (driver.ts sharedLaunch): us-signals and us-choices, in one worker, launch
    // it once. Each GPC visitor is still a context of its own.
    suite.gpcSession = await sharedLaunch(browserName, { testHosts: true, gpc: true })
    suite.site = server.origin.replace('127.0.0.1', 'www.site.test')
    suite.other = server.origin.replace('127.0.0.1', 'tracker.test')
    server.route('/us/early.js', { body: EARLY, type: 'text/javascript' })
    server.route('/us/frame.js', { body: FRAME_JS, type: 'text/javascript' })
    server.route('/us/frame.html', { body: '<!doctype html><title>vendor</title><pre id="out">waiting</pre><script src="/us/frame.js"></script>' })
    server.route('/us/hostile.js', { body: HOSTILE_FRAME_JS, type: 'text/javascript' })
    server.route('/us/hostile.html', { body: '<!doctype html><title>vendor</title><pre id="out">waiting</pre><script src="/us/hostile.js"></script>' })
  })
  afterAll(async () => {
    await suite.gpcSession?.release()
  })
  suite.visitor = async () => {
    if (!visited) await suite.visit(`${suite.site}/__blank`)
    visited = true
    return suite.page
  }
  suite.open = async (opts) => {
    const { server, site } = suite
    // A visitor whose browser sends GPC: a first-time visitor of the GPC browser, watched into the same log.
    if (opts.gpc) suite.page = await suite.gpcSession.visitor(site)
    if (opts.gpc) watch(suite.page, suite.log)
    if (opts.gpc) visited = true
    else await suite.visitor()
    const path = server.route('/us/page.html', { body: html(opts.config ?? SITE, opts.region, opts.extra, opts.stub), headers: { 'Content-Security-Policy': CSP } })
    await suite.page.goto(site + path.slice(server.origin.length))
    return suite.page
  }
  return suite
}

/** The page's GPP ping, and its USP string now. */
export const gppPing = (page: Tab) => page.evaluate(() => new Promise<any>((r) => (window as any).__gpp('ping', r)))
export const uspString = (page: Tab) => page.evaluate(() => { let s = ''; (window as any).__uspapi('getUSPData', 1, (d: any) => (s = d.uspString)); return s })
