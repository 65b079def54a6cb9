/**
 * The demo's visitors, in Chromium and Firefox ESR: one whose browser sends GPC, decisions
 * that reach the records service, a change of mind under a strict CSP, the privacy page.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { CSP } from '../../demo/server.mjs'
import type { Snapshot } from './pages.js'
import { BROWSERS, launch, watch, type PageLog, type Tab } from './driver.js'
import { demoServer, demoSuite, reportCsp, storedFor, type Demo } from './demo-fixtures.js'

// One demo server for both browsers (see demoServer).
const demoOfFile = demoServer()

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = demoSuite(browserName, demoOfFile)
  let demo: Demo
  let page: Tab
  let log: PageLog
  const origin = () => suite.origin()
  beforeEach(() => void ({ page, log, demo } = suite))

  describe('demo', () => {
    // Launching the second browser is part of the test: on a loaded machine that alone can take 15 s.
    it('a visitor whose browser sends GPC is opted out on the US page on arrival, and the inspector says so', { timeout: 60_000 }, async () => {
      // A second browser with Global Privacy Control on (Firefox: its real pref; Chromium: the header and navigator.globalPrivacyControl).
      const gpcSession = await launch(browserName, { gpc: true })
      try {
        const tab = await gpcSession.visitor(origin(), '/privacy.html')
        const gpcLog = watch(tab)
        await tab.goto(`${origin()}/us.html`)
        await tab.locator('[data-consentry] >>> [part=notice]').waitFor()
        await expect.poll(() => tab.locator('#usp-string').textContent()).toBe('1YYN')
        expect(await tab.locator('#gpp-string').textContent()).toBe('DBABLA~CVQVAAAAAACA.YA')
        expect(await tab.locator('#opted-out').textContent()).toBe('Yes, via gpc')
        expect(await tab.locator('#gpc-status').textContent()).toContain('Your browser sends Global Privacy Control')
        expect(JSON.parse((await tab.locator('#gpp-section').textContent()) ?? '[]')).toMatchObject([{ SaleOptOut: 1, SharingOptOut: 1 }, { SubsectionType: 1, Gpc: true }])
        // The ad pixel is a sale or share: refused before it ran.
        expect(await tab.evaluate(() => typeof (window as any).adfinch)).toBe('undefined')
        expect(gpcLog.errors).toEqual([])
      } finally {
        await gpcSession.close()
      }
    })

    it('each decision reaches the demo server as a proof-of-consent record', async () => {
      await page.goto(`${origin()}/`)
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      const id = (await page.evaluate(() => Consentry.get().id))!
      await expect.poll(async () => (await storedFor(demo, id)).length, { timeout: 10_000 }).toBe(1)
      expect((await storedFor(demo, id))[0]).toMatchObject({ v: 1, consentId: id, method: 'banner', categories: { analytics: true }, url: `${origin()}/` })
      const res = await fetch(`${origin()}/v1/consent`, { method: 'POST', body: '{"v":2}', headers: { 'Content-Type': 'application/json' } })
      expect([res.status, await res.json()]).toEqual([400, { error: 'v: expected 1' }])
      expect(log.errors).toEqual([])
      // Leave the next visitor nothing to repair the cookie from.
      await page.evaluate(() => Consentry.reset())
    })

    it('a visitor decides on the real banner, changes their mind from the footer, and forgets, under a strict CSP', async () => {
      await page.addInitScript(reportCsp)
      await page.goto(`${origin()}/`)
      const printed = async (): Promise<Snapshot> => JSON.parse((await page.locator('#snapshot').textContent()) ?? '')
      const decided = async () => (await printed()).decided
      const banner = page.locator('[part=banner]')
      await banner.waitFor()
      expect(await printed()).toMatchObject({ decided: false, revision: 2 })
      await expect(page.locator('#decision').textContent()).resolves.toBe('Not made yet')

      // The banner's own button, inside its shadow root: the page has no accept button of its own.
      await banner.locator('[data-consentry-action=accept-all]').click()
      await expect.poll(decided).toBe(true)
      expect(await printed()).toMatchObject({ method: 'banner', categories: { analytics: true, marketing: true }, services: { meadowlark: true, adfinch: true } })
      await expect(page.locator('#analytics').textContent()).resolves.toBe('Allowed')
      await page.locator('[part=floating-button]').waitFor()

      // The footer's "Cookie settings" link opens the preferences centre (loaded on demand under the CSP).
      await page.locator('footer').getByRole('link', { name: 'Cookie settings' }).click()
      const prefs = page.locator('[part=preferences]')
      await prefs.waitFor()
      await page.getByRole('switch', { name: 'Marketing' }).click()
      await prefs.locator('[data-consentry-action=save]').click()
      await expect.poll(async () => (await printed()).categories.marketing).toBe(false)
      expect(await printed()).toMatchObject({ method: 'preferences', categories: { analytics: true } })
      await expect(page.locator('#marketing').textContent()).resolves.toBe('Not allowed')
      expect(new URL(page.url()).pathname).toBe('/')

      await page.getByRole('button', { name: 'Forget my choice' }).click()
      await expect.poll(decided).toBe(false)
      await banner.waitFor()
      expect(log.errors).toEqual([])
    })

    it('the privacy page shows the banner too, its own cookie-settings link works, and its inline settings follow', async () => {
      await page.goto(`${origin()}/privacy.html`)
      await page.locator('[part=banner]').waitFor()
      // The page's own section of settings (data-consentry-preferences), beside the banner.
      const inline = page.locator('main [data-consentry-embed] >>> [part=preferences]')
      await inline.waitFor()
      await page.locator('[data-consentry] >>> [part=banner] [data-consentry-action=accept-all]').click()
      await expect.poll(() => inline.locator('[role=switch][aria-labelledby=consentry-c-marketing]').getAttribute('aria-checked')).toBe('true')
      await page.locator('main').getByRole('link', { name: 'cookie settings' }).click()
      const dialog = page.locator('[data-consentry] >>> [part=preferences]')
      await dialog.waitFor()
      await dialog.locator('[data-consentry-action=reject-all]').click()
      await expect.poll(() => page.evaluate(() => Consentry.get().categories.marketing)).toBe(false)
      await expect.poll(() => inline.locator('[role=switch][aria-labelledby=consentry-c-marketing]').getAttribute('aria-checked')).toBe('false')
      expect(log.errors).toEqual([])
    })
  })
})
