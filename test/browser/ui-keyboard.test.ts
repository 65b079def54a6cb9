/**
 * The UI with a keyboard only, in real Chromium and Firefox ESR against dist/consentry.min.js:
 * where focus goes, what Tab, Shift+Tab, Enter, Space and Esc do (WCAG 2.2
 * SC 2.1.1 Keyboard, 2.1.2 No Keyboard Trap, 2.4.3 Focus Order; WAI-ARIA APG
 * dialog and switch patterns).
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS } from './driver.js'
import { UI_CONFIG, bannerOf, focused, openPage, prefsOf, snapshot, switchOf, walk } from './ui-helpers.js'
import { browserSuite, type BrowserSuite } from './suite.js'

/**
 * Every stop inside the preferences, in Tab order: each category's name (the button that opens its
 * row) and its switch; the necessary switch is disabled, so it is skipped, and a closed row's services
 * are out of the Tab order. The list is short enough not to scroll, so Firefox gives its middle no
 * stop of its own (it gives one to every region that scrolls, so the keyboard can scroll it).
 */
const PREFERENCES_ORDER = [
  'preferences close',
  'preferences button:Strictly necessary',
  'preferences button:Analytics',
  'preferences switch:Analytics',
  'preferences button:Marketing',
  'preferences switch:Marketing',
  'preferences reject-all',
  'preferences accept-all',
  'preferences save',
]

/** From a first visit, with focus on the banner: Tab to "Manage preferences", Enter, and wait for focus inside. */
const openPreferencesByKeyboard = async (suite: BrowserSuite): Promise<void> => {
  const { page } = suite
  await expect.poll(() => focused(page)).toBe('banner dialog')
  expect(await walk(page, 'Tab', 4)).toContain('banner preferences')
  await page.keyboard.press('Enter')
  await prefsOf(page).waitFor()
  await expect.poll(() => focused(page)).toBe('preferences dialog')
}

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  /** Tab presses from the dialog itself (or from Save, the last stop) to `stop`. */
  const tabsTo = (stop: string): number => PREFERENCES_ORDER.indexOf(stop) + 1

  describe('keyboard', () => {
    it('a first visit puts focus on the banner; Tab and Shift+Tab walk the policy link and the three buttons in order', async () => {
      const { page } = suite
      await openPage(suite)
      await bannerOf(page).waitFor()
      await expect.poll(() => focused(page)).toBe('banner dialog')
      expect(await walk(page, 'Tab', 4)).toEqual(['banner a:Privacy policy', 'banner reject-all', 'banner accept-all', 'banner preferences'])
      expect(await walk(page, 'Shift+Tab', 3)).toEqual(['banner accept-all', 'banner reject-all', 'banner a:Privacy policy'])
    })

    it('without a policy URL, Tab goes straight to the buttons', async () => {
      const { page } = suite
      await openPage(suite, { config: UI_CONFIG })
      await expect.poll(() => focused(page)).toBe('banner dialog')
      expect(await walk(page, 'Tab', 3)).toEqual(['banner reject-all', 'banner accept-all', 'banner preferences'])
    })

    it('Enter on Reject all decides, closes the banner and leaves no focus on hidden elements', async () => {
      const { page } = suite
      await openPage(suite)
      await expect.poll(() => focused(page)).toBe('banner dialog')
      await walk(page, 'Tab', 2)
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      expect(await snapshot(page)).toMatchObject({ method: 'banner', categories: { analytics: false, marketing: false }, services: { posthog: false } })
      await expect(bannerOf(page).isHidden()).resolves.toBe(true)
      expect(await focused(page)).toBe('body')
    })

    it('Space on Accept all decides', async () => {
      const { page } = suite
      await openPage(suite)
      await expect.poll(() => focused(page)).toBe('banner dialog')
      expect(await walk(page, 'Tab', 3)).toContain('banner accept-all')
      await page.keyboard.press('Space')
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      expect(await snapshot(page)).toMatchObject({ method: 'banner', categories: { analytics: true, marketing: true }, services: { posthog: true } })
    })

    it('Manage preferences opens a dialog that keeps Tab and Shift+Tab inside; Space flips a switch; Esc goes back to the banner', async () => {
      const { page } = suite
      await openPage(suite)
      await openPreferencesByKeyboard(suite)
      // Two full turns each way: the order, the wrap at both ends, and never a stop outside the dialog.
      const forward = await walk(page, 'Tab', 2 * PREFERENCES_ORDER.length)
      expect(forward).toEqual([...PREFERENCES_ORDER, ...PREFERENCES_ORDER])
      const backward = await walk(page, 'Shift+Tab', 2 * PREFERENCES_ORDER.length)
      const reversed = [...PREFERENCES_ORDER].reverse()
      expect(backward).toEqual([...reversed.slice(1), ...reversed, reversed[0]])

      // Focus is back on Save; Tab wraps to close, then on to the analytics switch.
      const toAnalytics = tabsTo('preferences switch:Analytics')
      expect(await walk(page, 'Tab', toAnalytics)).toEqual(PREFERENCES_ORDER.slice(0, toAnalytics))
      const analytics = switchOf(page, 'Analytics')
      await expect(analytics.getAttribute('aria-checked')).resolves.toBe('false')
      await page.keyboard.press('Space')
      await expect.poll(() => analytics.getAttribute('aria-checked')).toBe('true')
      // Enter on the category's name opens its row (WAI-ARIA APG disclosure): its service follows in the Tab
      // order, and the category carried it.
      await page.keyboard.press('Shift+Tab')
      expect(await focused(page)).toBe('preferences button:Analytics')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.locator('[part=preferences] [aria-controls=consentry-c-analytics-p]').getAttribute('aria-expanded')).toBe('true')
      expect(await walk(page, 'Tab', 4)).toEqual([
        'preferences switch:Analytics',
        'preferences switch:PostHog',
        'preferences button:Show cookies',
        'preferences button:Marketing',
      ])
      await expect(switchOf(page, 'PostHog').getAttribute('aria-checked')).resolves.toBe('true')
      expect(await walk(page, 'Shift+Tab', 3)).toEqual(['preferences button:Show cookies', 'preferences switch:PostHog', 'preferences switch:Analytics'])
      await page.keyboard.press('Space')
      await expect.poll(() => analytics.getAttribute('aria-checked')).toBe('false')
      await expect(switchOf(page, 'PostHog').getAttribute('aria-checked')).resolves.toBe('false')
      expect(await focused(page)).toBe('preferences switch:Analytics')

      await page.keyboard.press('Escape')
      await expect.poll(() => prefsOf(page).count()).toBe(0)
      await expect(bannerOf(page).isVisible()).resolves.toBe(true)
      await expect.poll(() => focused(page)).toMatch(/^banner /)
      expect((await snapshot(page)).decided).toBe(false)
    })

    it('Save, reached with Tab and pressed with Enter, stores exactly the switches that were turned on', async () => {
      const { page } = suite
      await openPage(suite)
      await openPreferencesByKeyboard(suite)
      expect(await walk(page, 'Tab', tabsTo('preferences switch:Marketing'))).toContain('preferences switch:Marketing')
      await page.keyboard.press('Space')
      expect(await walk(page, 'Tab', 3)).toEqual(['preferences reject-all', 'preferences accept-all', 'preferences save'])
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      expect(await snapshot(page)).toMatchObject({
        method: 'preferences',
        categories: { necessary: true, analytics: false, marketing: true },
        services: { posthog: false },
      })
      await expect.poll(() => prefsOf(page).count()).toBe(0)
      await expect(bannerOf(page).isHidden()).resolves.toBe(true)
    })

    it('a data-consentry-open link opens the preferences from the keyboard, and focus returns to it on Esc and on Save', async () => {
      const { page } = suite
      await openPage(suite)
      await page.evaluate(() => Consentry.acceptAll())
      // A returning visitor: no banner, and nothing of the UI in the Tab order, so the first stop is the page's own link.
      await page.reload()
      await page.waitForFunction(() => window.Consentry?.get().decided)
      expect(await bannerOf(page).count()).toBe(0)
      await page.keyboard.press('Tab')
      expect(await focused(page)).toBe('page a:Cookie settings')

      await page.keyboard.press('Enter')
      await prefsOf(page).waitFor()
      await expect.poll(() => focused(page)).toBe('preferences dialog')
      await expect(switchOf(page, 'Analytics').getAttribute('aria-checked')).resolves.toBe('true')
      await page.keyboard.press('Escape')
      await expect.poll(() => prefsOf(page).count()).toBe(0)
      expect(await focused(page)).toBe('page a:Cookie settings')
      // The link's own navigation was cancelled.
      expect(new URL(page.url()).pathname).toBe('/ui.html')

      await page.keyboard.press('Enter')
      await expect.poll(() => focused(page)).toBe('preferences dialog')
      await walk(page, 'Tab', tabsTo('preferences switch:Analytics'))
      expect(await focused(page)).toBe('preferences switch:Analytics')
      await page.keyboard.press('Space')
      await walk(page, 'Tab', tabsTo('preferences save') - tabsTo('preferences switch:Analytics'))
      expect(await focused(page)).toBe('preferences save')
      await page.keyboard.press('Enter')
      await expect.poll(async () => (await snapshot(page)).categories.analytics).toBe(false)
      expect(await snapshot(page)).toMatchObject({ method: 'preferences', categories: { marketing: true }, services: { posthog: false } })
      await expect.poll(() => focused(page)).toBe('page a:Cookie settings')
    })
  })
})
