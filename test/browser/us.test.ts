/**
 * US privacy in real Chromium and Firefox ESR: opt-out mode, Global Privacy
 * Control, the "Do Not Sell or Share" click, the stub hand-off, and a frame on
 * another origin asking through the locator. GPC comes from a second browser
 * launched with the `gpc` option: in Firefox that is the real pref
 * (privacy.globalprivacycontrol.enabled: Sec-GPC header and
 * navigator.globalPrivacyControl); Chromium has no switch, so there it is the
 * header plus an init script. The page is www.site.test and the frame
 * tracker.test, both mapped to 127.0.0.1. Both browsers must give the same
 * GPP strings and `__uspapi` strings: the same literals are asserted in each.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { consentCookieHeader, readConsent } from 'consentry/server'
import { BROWSERS, launch, watch, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const CSP = "default-src 'self'; script-src 'self' http://tracker.test:*; style-src 'self'; frame-src 'self' http://tracker.test:*"
const SITE = {
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
const FRAME_JS = `
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

const DAY = 864e5
/** Consentry's month (a twelfth of a Julian year), so 12 of them are exactly the default `lifetime`. */
const MONTH = 2629800000

/**
 * Moves a tab's clock by `offset` ms before any page script runs: `Date.now()` and
 * `new Date()`, which is all Consentry reads. The browser's cookie jar keeps real
 * time, so the tests move the page's clock back for the first visit, and the
 * second visit runs at the real now, where the jar judges expiry (and Chrome's
 * 400-day cap) the same way.
 */
const shiftClock = (tab: Tab, offset: number) =>
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
const HOSTILE_FRAME_JS = `
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

const html = (config: object, region: string, extra = '', stub = true) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>us</title>
${stub ? '<script src="/dist/consentry-stub.min.js"></script>\n<script src="/us/early.js"></script>' : ''}
${configBlock(config)}
<script src="/dist/consentry.min.js" data-region="${region}"></script>
</head><body><p><a href="#" data-consentry-open data-consentry-choices></a></p>${extra}</body></html>`

/** A tag that runs before Consentry: it can only talk to the stub. */
const EARLY = `window.early = []
__gpp('addEventListener', (e) => early.push(e.eventName + ':' + (typeof e.data == 'string' ? e.data : JSON.stringify(e.data))))
__uspapi('getUSPData', 1, (d) => (window.earlyUsp = d && d.uspString))`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, { launch: { testHosts: true }, start: () => `${site}/__blank` })
  let server: TestServer
  let session: Session
  /** The same browser with Global Privacy Control on (Firefox: its real pref). */
  let gpcSession: Session
  let page: Tab
  let log: PageLog
  let site: string
  let other: string

  beforeAll(async () => {
    ;({ server, session } = suite)
    gpcSession = await launch(browserName, { testHosts: true, gpc: true })
    site = server.origin.replace('127.0.0.1', 'www.site.test')
    other = server.origin.replace('127.0.0.1', 'tracker.test')
    server.route('/us/early.js', { body: EARLY, type: 'text/javascript' })
    server.route('/us/frame.js', { body: FRAME_JS, type: 'text/javascript' })
    server.route('/us/frame.html', { body: '<!doctype html><title>vendor</title><pre id="out">waiting</pre><script src="/us/frame.js"></script>' })
    server.route('/us/hostile.js', { body: HOSTILE_FRAME_JS, type: 'text/javascript' })
    server.route('/us/hostile.html', { body: '<!doctype html><title>vendor</title><pre id="out">waiting</pre><script src="/us/hostile.js"></script>' })
  })
  afterAll(async () => {
    await gpcSession?.close()
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  const open = async (opts: { region: string; gpc?: boolean; config?: object; extra?: string; stub?: boolean }) => {
    // A visitor whose browser sends GPC: a first-time visitor of the GPC browser, watched into the same log.
    if (opts.gpc) page = await gpcSession.visitor(site)
    if (opts.gpc) watch(page, log)
    const path = server.route('/us/page.html', { body: html(opts.config ?? SITE, opts.region, opts.extra, opts.stub), headers: { 'Content-Security-Policy': CSP } })
    await page.goto(site + path.slice(server.origin.length))
  }
  const ping = () => page.evaluate(() => new Promise<any>((r) => (window as any).__gpp('ping', r)))
  const uspNow = () => page.evaluate(() => { let s = ''; (window as any).__uspapi('getUSPData', 1, (d: any) => (s = d.uspString)); return s })
  const notice = () => page.locator('[data-consentry] >>> [part=notice]')

  describe('US privacy', () => {
    it('a GPC visitor in California is opted out at once: indicator shown, no prompt to opt back in, 1YYN', async () => {
      await open({ region: 'US-CA', gpc: true })
      // The signal is the browser's own (Firefox: the pref), not something the page set.
      expect(await page.evaluate(() => (navigator as any).globalPrivacyControl)).toBe(true)
      await expect.poll(() => notice().textContent()).toContain('Opt-out preference signal honored')
      expect(await page.locator('[data-consentry] >>> [data-consentry-action=opt-out]').count()).toBe(0)
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ method: 'gpc', gpc: true, optOut: { sale: true, sharing: true, targetedAds: true }, categories: { analytics: true, marketing: false } })
      await expect.poll(ping).toMatchObject({ signalStatus: 'ready', applicableSections: [7], gppString: 'DBABLA~CVQVAAAAAACA.YA' })
      expect(await uspNow()).toBe('1YYN')
      await expect.poll(async () => (await page.context().cookies()).find((c) => c.name == 'usprivacy')?.value).toBe('1YYN')
      expect(log.errors).toEqual([])
    })

    it('"Do Not Sell or Share" does the same without GPC, in one click, and says so', async () => {
      await open({ region: 'US-CA' })
      await expect.poll(ping).toMatchObject({ gppString: 'DBABLA~CVQqAAAAAACA.QA' })
      expect(await uspNow()).toBe('1YNN')
      await page.locator('[data-consentry] >>> [data-consentry-action=opt-out]').click()
      await expect.poll(() => page.locator('[data-consentry] >>> [part=confirmation]').textContent()).toContain('has been honored')
      expect(await uspNow()).toBe('1YYN')
      expect((await ping()).gppString).toBe('DBABLA~CVQVAAAAAACA.QA')
      expect(await page.evaluate(() => Consentry.get().categories)).toMatchObject({ analytics: true, marketing: false })
    })

    it('a listener registered with the stub before Consentry loaded receives signalStatus ready', async () => {
      await open({ region: 'US-CA', gpc: true })
      await expect.poll(() => page.evaluate(() => (window as any).early as string[])).toContain('signalStatus:ready')
      const early = await page.evaluate(() => (window as any).early as string[])
      expect(early[0]).toBe('listenerRegistered:true')
      expect(early.at(-1)).toBe('signalStatus:ready')
      expect(await page.evaluate(() => (window as any).earlyUsp)).toBe('1YYN')
    })

    it('an iframe on another origin gets a __gppReturn through the locator', async () => {
      await open({ region: 'US-CA', gpc: true, extra: `<iframe title="vendor" id="vendor" src="${other}/us/frame.html"></iframe>` })
      const frame = page.frameLocator('#vendor')
      await expect.poll(() => frame.locator('#out').textContent()).toContain('frame-1')
      expect(JSON.parse((await frame.locator('#out').textContent())!)).toEqual({ callId: 'frame-1', applicableSections: [7], gppString: 'DBABLA~CVQVAAAAAACA.YA' })
    })

    it.each([
      ['with the stub', true],
      ['without the stub', false],
    ])('a frame asking hostile questions through the locator (%s): null and false, the same callIds, no error on the page', async (_, stub) => {
      await open({ region: 'US-CA', gpc: true, stub, extra: `<iframe title="vendor" id="vendor" src="${other}/us/hostile.html"></iframe>` })
      const out = page.frameLocator('#vendor').locator('#out')
      await expect.poll(() => out.textContent(), { timeout: 15_000 }).toContain('"done"')
      const replies = JSON.parse((await out.textContent())!)
      expect(replies).toEqual([
        { callId: 'toString', success: true, value: null },
        { callId: 'toString-json', success: true, value: null },
        { callId: 'constructor', success: true, value: false },
        { callId: 'field', success: true, value: null },
        { callId: 'proto', success: true, value: null },
        { callId: 42, success: true, value: [expect.objectContaining({ Version: 2, SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1 }), { SubsectionType: 1, Gpc: true }] },
        // The object callId is no call; the broken JSON is no message.
        { callId: 'unknown', success: false, value: null },
        { callId: 'remove', success: true, value: expect.objectContaining({ eventName: 'listenerRemoved', data: false }) },
        { callId: 'huge', success: true, value: null },
        { callId: 'usp', success: true, value: { version: 1, uspString: '1YYN' } },
        { callId: 'done', success: true, value: 'loaded' },
      ])
      // The page saw no error (afterEach checks the log too).
      expect(log.errors).toEqual([])
    })

    it('cmpDisplayStatus says what is on screen: visible while the US notice shows, hidden once it is closed', async () => {
      await open({ region: 'US-CA' })
      await expect.poll(ping).toMatchObject({ cmpStatus: 'loaded', cmpDisplayStatus: 'visible' })
      expect(await notice().isVisible()).toBe(true)
      await page.locator('[data-consentry] >>> [part=notice] [data-consentry-action=close]').click()
      await expect.poll(async () => (await ping()).cmpDisplayStatus).toBe('hidden')
    })

    it('a Virginia visitor: the opt-out in GPP, 1--- in USP and the usprivacy cookie (USP is the CCPA string)', async () => {
      await open({ region: 'US-VA', gpc: true })
      await expect.poll(ping).toMatchObject({ signalStatus: 'ready', applicableSections: [7], gppString: 'DBABLA~CVQVAAAAAACA.YA' })
      expect(await uspNow()).toBe('1---')
      await expect.poll(async () => (await page.context().cookies()).find((c) => c.name == 'usprivacy')?.value).toBe('1---')
    })

    it('an EU visitor of the same site gets applicableSections [-1] and 1---, and the opt-in banner', async () => {
      await open({ region: 'FR', gpc: true })
      await expect.poll(ping).toMatchObject({ signalStatus: 'ready', applicableSections: [-1] })
      expect(await uspNow()).toBe('1---')
      expect(await page.locator('[data-consentry] >>> [part=banner]').getAttribute('role')).toBe('dialog')
    })

    describe('14 months later (the decision made with the clock moved back)', () => {
      const consentryCookie = async () => (await page.context().cookies()).find((c) => c.name == 'consentry')
      /** A first visit 14 months ago, then the visitor comes back in a new tab at the real now. */
      const visitAgain = async (first: () => Promise<void>, region: string) => {
        await shiftClock(page, -14 * MONTH)
        await open({ region })
        await first()
        const then = await page.evaluate(() => Consentry.get())
        expect(Date.now() - Date.parse(then.updatedAt!)).toBeGreaterThan(14 * MONTH - DAY)
        await page.close()
        page = await session.context().newPage()
        const later = watch(page, { errors: log.errors, warnings: [] })
        await page.goto(`${site}/us/page.html`)
        return later
      }

      it('a California opt-out never lapses: the cookie is set again for the cookie lifetime, and servers read it opted out', async () => {
        const later = await visitAgain(async () => {
          await page.locator('[data-consentry] >>> [data-consentry-action=opt-out]').click()
          await expect.poll(() => page.locator('[data-consentry] >>> [part=confirmation]').textContent()).toContain('has been honored')
        }, 'US-CA')
        // The page: the decision is over, the opt-out is not, and the visitor is not asked to opt back in.
        expect(await page.evaluate(() => Consentry.get())).toMatchObject({
          decided: false, optOut: { sale: true, sharing: true, targetedAds: true }, categories: { analytics: true, marketing: false },
        })
        await expect.poll(uspNow).toBe('1YYN')
        // The US UI has loaded (it decorates the choices link) and shows no notice.
        await expect.poll(() => page.locator('a[data-consentry-choices]').textContent()).toContain('Your Privacy Choices')
        expect(await page.locator('[data-consentry] >>> [part=notice]').count()).toBe(0)
        // The cookie: live again, for cookie.lifetime (366 days by default) from now.
        await expect.poll(async () => (await consentryCookie())?.value).toBe(await page.evaluate(() => localStorage.getItem('consentry')))
        const cookie = (await consentryCookie())!
        expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(365 * DAY)
        expect(cookie.expires * 1000 - Date.now()).toBeLessThan(367 * DAY)
        expect(later.warnings.filter((w) => w.includes('[consentry]'))).toEqual([])
        // The server, with what the browser now sends.
        const config = { ...SITE, mode: 'auto' as const, region: 'US-CA' }
        const header = `other=1; consentry=${cookie.value}`
        expect(readConsent(header, config)).toMatchObject({
          decided: false, optOut: { sale: true, sharing: true, targetedAds: true }, categories: { analytics: true, marketing: false },
        })
        expect(consentCookieHeader(header, config)).toMatch(new RegExp(`^consentry=${cookie.value.replace(/[.|!]/g, '\\$&')}; Max-Age=${366 * 86400}; `))
      })

      it('a decision without an opt-out still ends with its lifetime: no cookie, no "cookie unavailable" warning, asked again', async () => {
        const later = await visitAgain(() => page.locator('[data-consentry] >>> [part=banner] [data-consentry-action=accept-all]').click(), 'FR')
        expect(await page.evaluate(() => Consentry.get())).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } })
        await page.locator('[data-consentry] >>> [part=banner]').waitFor()
        await page.waitForTimeout(100) // console lines reach the test asynchronously
        expect(await consentryCookie()).toBeUndefined()
        expect(later.warnings.filter((w) => w.includes('[consentry]'))).toEqual([])
      })
    })

    it('the "Your Privacy Choices" link gets its icon and text, and opens the preferences with the opt-out switch', async () => {
      await open({ region: 'US-CA' })
      const link = page.locator('a[data-consentry-choices]')
      await expect.poll(() => link.textContent()).toContain('Your Privacy Choices')
      expect(await link.locator('svg').count()).toBe(1)
      await link.click()
      await expect.poll(() => page.locator('[data-consentry] >>> #consentry-o-sale').textContent()).toBe('Do Not Sell or Share My Personal Information')
    })
  })
})
