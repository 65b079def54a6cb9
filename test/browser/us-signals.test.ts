/**
 * US privacy signals in real Chromium and Firefox ESR: opt-out mode, Global Privacy Control,
 * the "Do Not Sell or Share" click, the stub hand-off, and a frame on another origin asking
 * through the locator. GPC comes from a second browser launched with the `gpc` option: in
 * Firefox that is the real pref (privacy.globalprivacycontrol.enabled: Sec-GPC header and
 * navigator.globalPrivacyControl); Chromium has no switch, so there it is the header plus an
 * init script. Both browsers must give the same GPP strings and `__uspapi` strings: the same
 * literals are asserted in each.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import { gppPing, usSuite, uspString, type UsOpen } from './us-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const us = usSuite(browserName)
  let page: Tab
  let log: PageLog
  let other: string
  beforeEach(() => void ({ page, log, other } = us))
  const open = async (opts: UsOpen) => void (page = await us.open(opts))
  const ping = () => gppPing(page)
  const uspNow = () => uspString(page)
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
      // The notice comes with the extras chunk and the API with the signals chunk, each fetched on its own:
      // wait for the notice on screen, then for what the API says about it.
      await expect.poll(() => notice().isVisible()).toBe(true)
      await expect.poll(ping).toMatchObject({ cmpStatus: 'loaded', cmpDisplayStatus: 'visible' })
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
  })
})
