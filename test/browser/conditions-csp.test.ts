/**
 * Strict CSP with and without Trusted Types, and tampering: scripts that click, dispatch or
 * forge do not gain consent; in Chromium and Firefox.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { TestServer } from './harness.js'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import { CONFIG, consentryPage } from './pages.js'
import { JS, button, checksum, conditionsSuite, snapshot, stored } from './conditions-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = conditionsSuite(browserName)
  let server: TestServer, log: PageLog, page: Tab
  beforeEach(() => void ({ server, log, page } = suite))

  describe('strict CSP', () => {
    for (const trustedTypes of [false, true]) {
      it(`default-src 'self'${trustedTypes ? " with require-trusted-types-for 'script'" : ''}: banner, blocked scripts released on consent, zero violations`, async () => {
        const csp = "default-src 'self'" + (trustedTypes ? "; require-trusted-types-for 'script'; trusted-types consentry site" : '')
        await page.addInitScript(() => {
          ;(window as unknown as { violations: string[] }).violations = []
          addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`))
        })
        server.route('/cond/tracked.js', { body: `(window.ran = window.ran || []).push('markup')`, type: JS })
        server.route('/cond/loaded.js', { body: `(window.ran = window.ran || []).push('loader')`, type: JS })
        // A tag-manager-style loader; under Trusted Types it uses its own policy, as a site's code must.
        server.route('/cond/loader.js', {
          body: `const p = window.trustedTypes && document.querySelector('meta[name=tt]') ? trustedTypes.createPolicy('site', { createScriptURL: (u) => u }) : null
const s = document.createElement('script')
s.setAttribute('data-consent', 'analytics')
s.src = p ? p.createScriptURL('/cond/loaded.js') : '/cond/loaded.js'
document.head.append(s)`,
          type: JS,
        })
        // The loader's URL belongs to the analytics service, as a tag manager's would.
        const config = { ...CONFIG, categories: [CONFIG.categories[0], { id: 'analytics', services: [{ id: 'tracker', hosts: [new URL(server.origin).host + '/cond/loaded.js'] }] }, CONFIG.categories[2]] }
        const url = server.route(`/cond/csp-${trustedTypes}.html`, {
          body: consentryPage({
            config,
            head: trustedTypes ? '<meta name="tt" content="1">' : '',
            body: `<script type="text/plain" data-consent="analytics" src="/cond/tracked.js"></script>`,
            before: '',
          }).replace('</body>', '<script src="/cond/loader.js"></script></body>'),
          headers: { 'Content-Security-Policy': csp },
        })
        await page.goto(url)
        await button(page, 'accept-all').waitFor()
        expect(await page.evaluate(() => (window as { ran?: string[] }).ran ?? [])).toEqual([])
        await button(page, 'accept-all').click()
        await expect.poll(() => page.evaluate(() => ((window as { ran?: string[] }).ran ?? []).slice().sort())).toEqual(['loader', 'markup'])
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
        if (trustedTypes) {
          // The header is live (both browsers enforce Trusted Types): a plain string is refused,
          // so the release above went through the consentry policy. This probe's own violation
          // is expected, and taken out of the log.
          const err = await page.evaluate(() => {
            try {
              document.createElement('script').src = '/x.js'
              return 'no error'
            } catch (e) {
              return (e as Error).name
            }
          })
          expect(err).toBe('TypeError')
          await expect.poll(() => log.errors.length).toBe(1)
          expect(log.errors.splice(0)[0]).toMatch(/TrustedScriptURL|injection sink/)
        }
      })
    }
  })

  describe('tampering', () => {
    it("a script's .click(), dispatched events and keyboard events on the buttons gain nothing; the visitor's click does", async () => {
      const url = server.route('/cond/tamper.html', { body: consentryPage() })
      await page.goto(url)
      await button(page, 'accept-all').waitFor()
      await page.evaluate(() => {
        const root = document.querySelector('[data-consentry]')!.shadowRoot!
        const accept = root.querySelector<HTMLButtonElement>('[data-consentry-action=accept-all]')!
        accept.click()
        accept.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }))
        accept.dispatchEvent(new PointerEvent('click', { bubbles: true, composed: true }))
        accept.focus()
        accept.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }))
        root.querySelector<HTMLButtonElement>('[data-consentry-action=preferences]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
      })
      expect(await snapshot(page)).toMatchObject({ decided: false })
      expect(await page.evaluate(() => document.cookie.includes('consentry='))).toBe(false)
      // The preferences did not open either, so no switch and no save button could be pressed.
      expect(await page.locator('[data-consentry] >>> [part=preferences]').count()).toBe(0)
      await button(page, 'accept-all').click()
      expect(await snapshot(page)).toMatchObject({ decided: true, method: 'banner', categories: { analytics: true } })
    })

    it("in the preferences, a script's clicks on switches and save change nothing", async () => {
      const url = server.route('/cond/tamper-prefs.html', { body: consentryPage() })
      await page.goto(url)
      await page.evaluate(() => Consentry.rejectAll())
      await page.evaluate(() => Consentry.showPreferences())
      await page.locator('[data-consentry] >>> [part=preferences] [data-consentry-action=save]').waitFor()
      await page.evaluate(() => {
        const root = document.querySelector('[data-consentry]')!.shadowRoot!
        for (const s of root.querySelectorAll<HTMLElement>('[role=switch]')) s.click()
        root.querySelector<HTMLButtonElement>('[part=preferences] [data-consentry-action=accept-all]')!.click()
        root.querySelector<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
      })
      expect(await snapshot(page)).toMatchObject({ categories: { analytics: false, marketing: false } })
      expect(await page.locator('[data-consentry] >>> [part=preferences]').count()).toBe(1)
    })

    it('a forged cookie for categories the site does not have, or with a broken checksum, grants nothing', async () => {
      const url = server.route('/cond/forge.html', { body: consentryPage() })
      await page.goto(url)
      await page.evaluate(() => Consentry.rejectAll())
      const real = (await stored(page)).cookie!
      // Flip a refusal into a grant without the checksum: refused, so no decision at all.
      const flipped = real.replace('!analytics', 'analytics')
      await page.evaluate((v) => {
        document.cookie = `consentry=${v}; path=/; SameSite=Lax`
        localStorage.setItem('consentry', v)
      }, flipped)
      await page.reload()
      expect(await snapshot(page)).toMatchObject({ decided: false, categories: { analytics: false } })
    })
  })
})
