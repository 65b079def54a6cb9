/**
 * The UI with a mouse, in real Chromium and Firefox ESR against dist/consentry.min.js: the
 * three choices of the banner, the preferences centre, the floating button and
 * the modal layout. Each decision is checked where it is kept: `Consentry.get()`
 * and the `consentry` cookie, and again after a reload.
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, type Tab } from './driver.js'
import {
  bannerButton, bannerOf, focused, openCategory, openPage, prefsButton, prefsOf, snapshot, switchOf, uiConfig, walk,
} from './ui-helpers.js'
import { browserSuite, type BrowserSuite } from './suite.js'

const consentCookie = async (s: BrowserSuite) =>
  (await s.session.context().cookies(s.server.origin)).find((c) => c.name === 'consentry')

/** Reloads and checks the decision came back from storage, with no banner asking again. */
const expectKeptAfterReload = async (page: Tab, categories: Record<string, boolean>): Promise<void> => {
  await page.reload()
  await page.waitForFunction(() => window.Consentry?.get().decided)
  expect((await snapshot(page)).categories).toEqual(categories)
  expect(await bannerOf(page).count()).toBe(0)
}

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)

  describe('mouse', () => {
    it('Accept all grants everything, writes the cookie and closes the banner', async () => {
      const { page } = suite
      await openPage(suite)
      expect(await consentCookie(suite)).toBeUndefined()
      await bannerButton(page, 'accept-all').click()
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      expect(await snapshot(page)).toMatchObject({ method: 'banner', categories: { necessary: true, analytics: true, marketing: true }, services: { posthog: true } })
      // document.cookie writes reach the browser's cookie store asynchronously.
      await expect.poll(() => consentCookie(suite)).toBeDefined()
      await expect(bannerOf(page).isHidden()).resolves.toBe(true)
      await expectKeptAfterReload(page, { necessary: true, analytics: true, marketing: true })
    })

    it('Reject all grants only what is necessary', async () => {
      const { page } = suite
      await openPage(suite)
      await bannerButton(page, 'reject-all').click()
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      expect(await snapshot(page)).toMatchObject({ method: 'banner', categories: { necessary: true, analytics: false, marketing: false }, services: { posthog: false } })
      // document.cookie writes reach the browser's cookie store asynchronously.
      await expect.poll(() => consentCookie(suite)).toBeDefined()
      await expectKeptAfterReload(page, { necessary: true, analytics: false, marketing: false })
    })

    it('Manage preferences → analytics on → Save stores that choice only', async () => {
      const { page } = suite
      await openPage(suite)
      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      // Compact rows: a category's services show once its row is opened.
      await expect(switchOf(page, 'PostHog').count()).resolves.toBe(0)
      await openCategory(page, 'analytics')
      // No pre-ticked boxes (CJEU C-673/17); necessary is on and locked.
      await expect(switchOf(page, 'Strictly necessary').getAttribute('aria-checked')).resolves.toBe('true')
      await expect(switchOf(page, 'Strictly necessary').isDisabled()).resolves.toBe(true)
      for (const name of ['Analytics', 'PostHog', 'Marketing']) await expect(switchOf(page, name).getAttribute('aria-checked')).resolves.toBe('false')

      await switchOf(page, 'Analytics').click()
      await expect.poll(() => switchOf(page, 'PostHog').getAttribute('aria-checked')).toBe('true')
      await prefsButton(page, 'save').click()
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      expect(await snapshot(page)).toMatchObject({ method: 'preferences', categories: { necessary: true, analytics: true, marketing: false }, services: { posthog: true } })
      await expect.poll(() => prefsOf(page).count()).toBe(0)
      // document.cookie writes reach the browser's cookie store asynchronously.
      await expect.poll(() => consentCookie(suite)).toBeDefined()
      await expectKeptAfterReload(page, { necessary: true, analytics: true, marketing: false })
    })

    it("a category's name opens its row to its description and services, and closes it again", async () => {
      const { page } = suite
      await openPage(suite)
      await bannerButton(page, 'preferences').click()
      const name = page.getByRole('button', { name: 'Analytics' })
      const panel = page.locator('#consentry-c-analytics-p')
      await expect(name.getAttribute('aria-expanded')).resolves.toBe('false')
      await expect(panel.isHidden()).resolves.toBe(true)
      await name.click()
      await expect.poll(() => name.getAttribute('aria-expanded')).toBe('true')
      await expect(panel.isVisible()).resolves.toBe(true)
      expect(await panel.locator('#consentry-c-analytics-d').textContent()).toBe('Help us understand how the site is used, so that we can improve it.')
      await expect(switchOf(page, 'PostHog').isVisible()).resolves.toBe(true)
      await name.click()
      await expect.poll(() => panel.isHidden()).toBe(true)
      await expect(switchOf(page, 'PostHog').count()).resolves.toBe(0)
      // Opening decides nothing; the category's switch is described by the row's text, open or closed.
      await expect(switchOf(page, 'Analytics').getAttribute('aria-checked')).resolves.toBe('false')
      await expect(switchOf(page, 'Analytics').getAttribute('aria-describedby')).resolves.toBe('consentry-c-analytics-d')
      expect((await snapshot(page)).decided).toBe(false)
    })

    it('Show cookies expands the service\'s cookie table', async () => {
      const { page } = suite
      await openPage(suite)
      await bannerButton(page, 'preferences').click()
      await openCategory(page, 'analytics')
      const toggle = page.getByRole('button', { name: 'Show cookies' })
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false')
      await toggle.click()
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true')
      const table = page.locator('[part=cookie-table]')
      await expect(table.isVisible()).resolves.toBe(true)
      expect(await table.locator('td').allTextContents()).toEqual(['ph_*_posthog', 'PostHog Inc.', 'Tells visits apart', '1 year'])
      await toggle.click()
      await expect.poll(() => table.count()).toBe(0)
    })

    it('the floating button appears after a decision and reopens the preferences with that decision', async () => {
      const { page } = suite
      await openPage(suite, { config: uiConfig({ floatingButton: true }) })
      const fab = page.locator('[part=floating-button]')
      await bannerOf(page).waitFor()
      // Not while the banner asks: one way in at a time.
      await expect(fab.isHidden()).resolves.toBe(true)
      await bannerButton(page, 'reject-all').click()
      await fab.waitFor()
      await expect(fab.getAttribute('data-consentry-action')).resolves.toBe('open')
      await expect(fab.getAttribute('aria-label')).resolves.toBe('Privacy settings')

      await fab.click()
      await prefsOf(page).waitFor()
      await expect(fab.isHidden()).resolves.toBe(true)
      await expect(switchOf(page, 'Analytics').getAttribute('aria-checked')).resolves.toBe('false')
      await prefsButton(page, 'accept-all').click()
      await expect.poll(async () => (await snapshot(page)).categories.analytics).toBe(true)
      expect((await snapshot(page)).method).toBe('preferences')
      await fab.waitFor()

      // Closing without deciding changes nothing and brings the button back.
      await fab.click()
      await prefsButton(page, 'close').click()
      await expect.poll(() => prefsOf(page).count()).toBe(0)
      await expect(fab.isVisible()).resolves.toBe(true)
      expect((await snapshot(page)).categories.marketing).toBe(true)
    })

    it('the modal layout dims the page behind a backdrop, blocks clicks on it and keeps Tab inside', async () => {
      const { page } = suite
      await openPage(suite, { config: uiConfig({ layout: 'modal' }) })
      const banner = bannerOf(page)
      await banner.waitFor()
      await expect(banner.getAttribute('aria-modal')).resolves.toBe('true')
      const backdrop = page.locator('[part=backdrop]')
      await expect(backdrop.isVisible()).resolves.toBe(true)
      const viewport = page.viewportSize()!
      const box = (await backdrop.boundingBox())!
      expect(box).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height })
      // What is under the page's own link is the backdrop, not the link.
      const hit = await page.evaluate(() => {
        const r = document.querySelector('[data-consentry-open]')!.getBoundingClientRect()
        const host = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
        return host?.shadowRoot?.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.getAttribute('part') ?? host?.tagName
      })
      expect(hit).toBe('backdrop')

      await expect.poll(() => focused(page)).toBe('banner dialog')
      const stops = ['banner a:Privacy policy', 'banner reject-all', 'banner accept-all', 'banner preferences']
      // The trap comes with the extras chunk, fetched with the banner; until it has run, Tab
      // stays on the dialog (src/ui/view.ts). On a loaded machine that can be a few presses.
      await expect.poll(async () => {
        await page.keyboard.press('Tab')
        return focused(page)
      }).not.toBe('banner dialog')
      expect(await focused(page)).toBe(stops[0])
      expect(await walk(page, 'Tab', 7)).toEqual([...stops.slice(1), ...stops])
      expect(await walk(page, 'Shift+Tab', 4)).toEqual(['banner accept-all', 'banner reject-all', 'banner a:Privacy policy', 'banner preferences'])

      await bannerButton(page, 'accept-all').click()
      await expect.poll(() => backdrop.isHidden()).toBe(true)
    })

    it('the box layout is not modal, has no backdrop and leaves the page usable', async () => {
      const { page } = suite
      await openPage(suite, { config: uiConfig({ layout: 'box', position: 'bottom-left' }) })
      const banner = bannerOf(page)
      await banner.waitFor()
      await expect(banner.getAttribute('aria-modal')).resolves.toBe('false')
      expect(await page.locator('[part=backdrop]').count()).toBe(0)
      const box = (await banner.boundingBox())!
      const viewport = page.viewportSize()!
      expect(box.x).toBeLessThan(viewport.width / 2)
      expect(box.y + box.height).toBeGreaterThan(viewport.height / 2)
      // The page stays usable: its link is clickable while the box is up.
      await page.getByRole('link', { name: 'Cookie settings' }).click()
      await prefsOf(page).waitFor()
    })
  })
})
