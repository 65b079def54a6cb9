/**
 * How long a US visitor's choices last, in real Chromium and Firefox ESR (a decision made
 * 14 months ago with the clock moved back), and the "Your Privacy Choices" link that changes them.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { consentCookieHeader, readConsent } from 'consentry/server'
import { BROWSERS, watch, type PageLog, type Session, type Tab } from './driver.js'
import { CSP, DAY, MONTH, SITE, gppPing, html, shiftClock, usSuite, uspString, type UsOpen } from './us-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const us = usSuite(browserName)
  let page: Tab
  let log: PageLog
  let session: Session
  let site: string
  beforeEach(() => void ({ page, log, session, site } = us))
  const open = async (opts: UsOpen) => void (page = await us.open(opts))
  const uspNow = () => uspString(page)

  describe('US privacy', () => {
    describe('14 months later (the decision made with the clock moved back)', () => {
      const consentryCookie = async () => (await page.context().cookies()).find((c) => c.name == 'consentry')
      /** A first visit 14 months ago, then the visitor comes back in a new tab at the real now. */
      const visitAgain = async (first: () => Promise<void>, region: string) => {
        page = await us.visitor()
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

    it("fallbackMode 'none': a Brazilian visitor sees nothing, the default categories run, no US section applies; the choices link opens the preferences, and a refusal is kept", async () => {
      const NONE = { ...SITE, fallbackMode: 'none' }
      await open({ region: 'BR', config: NONE })
      await page.waitForFunction(() => window.Consentry?.get())
      const link = page.locator('a[data-consentry-choices]')
      // The link is decorated after the first paint: the UI has started, and still shows nothing.
      await expect.poll(() => link.textContent()).toContain('Your Privacy Choices')
      expect(await page.locator('[data-consentry] >>> [part=notice]').count()).toBe(0)
      expect(await page.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ decided: false, mode: 'opt-out', jurisdiction: 'BR', categories: { analytics: true, marketing: true } })
      expect(await uspString(page)).toBe('1---')
      await expect.poll(() => gppPing(page)).toMatchObject({ signalStatus: 'ready', applicableSections: [-1] })
      await link.click()
      await page.locator('[data-consentry] >>> [part=preferences]').waitFor()
      await page.evaluate(() => Consentry.rejectAll())
      await open({ region: 'BR', config: NONE })
      await page.waitForFunction(() => window.Consentry?.get())
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } })
      // In California the same site shows the notice.
      await page.evaluate(() => Consentry.reset())
      await open({ region: 'US-CA', config: NONE })
      await page.locator('[data-consentry] >>> [part=notice]').waitFor()
    })

    it("fallbackMode 'none' with GPC: the opt-out is applied and recorded, with no notice", async () => {
      await open({ region: 'BR', config: { ...SITE, fallbackMode: 'none' }, gpc: true })
      await page.waitForFunction(() => window.Consentry?.get().decided)
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ method: 'gpc', optOut: { sale: true, sharing: true, targetedAds: true }, categories: { analytics: true, marketing: false } })
      await page.waitForTimeout(300)
      expect(await page.locator('[data-consentry] >>> [part=notice]').count()).toBe(0)
    })

    it('after opting out, the next page (its own way back, no choices link) builds no UI and fetches no extras; show() brings the notice', async () => {
      await open({ region: 'US-CA' })
      await page.evaluate(() => Consentry.optOut())
      const path = us.server.route('/us/plain.html', {
        body: html(SITE, 'US-CA').replace('data-consentry-open data-consentry-choices></a>', 'data-consentry-open>Cookie settings</a>'),
        headers: { 'Content-Security-Policy': CSP },
      })
      await page.goto(site + path.slice(us.server.origin.length))
      await page.waitForFunction(() => window.Consentry?.get().optOut.sale)
      // Past the first paint and the deferred start-up work.
      await page.waitForTimeout(500)
      const extras = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('consentry-extras.mjs')))
      expect(await extras()).toBe(false)
      expect(await page.evaluate(() => !!document.querySelector('[data-consentry]'))).toBe(false)
      await page.evaluate(() => Consentry.show())
      await page.locator('[part=notice]').waitFor()
      expect(await extras()).toBe(true)
    })
  })
})
