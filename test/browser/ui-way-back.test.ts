/**
 * The way back to the choices, in real Chromium and Firefox ESR against dist/: withdrawing must be as easy as
 * giving (GDPR Art. 7(3)), and a banner is not the only way to opt out (CCPA regs §7026(a)(4)). A visitor who
 * has decided finds the page's own "Cookie settings" link or, on a page without one, the floating button
 * (`ui.floatingButton: 'auto'`, the default); the development build says so when a page leaves neither.
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, type Tab } from './driver.js'
import { consentryPage } from './pages.js'
import { bannerButton, CONTENT, prefsOf, snapshot, switchOf, UI_CONFIG, uiConfig } from './ui-helpers.js'
import { browserSuite, type BrowserSuite } from './suite.js'

/** A page like {@link CONTENT} but without the footer link: the site forgot it. */
const NO_LINK = CONTENT.replace(/<footer>.*<\/footer>/, '<footer><p>© Acme</p></footer>')

const serve = (suite: BrowserSuite, path: string, body: string, ui: Record<string, unknown> = {}, script = 'consentry.min.js') =>
  suite.server.route(path, { body: consentryPage({ body, config: uiConfig(ui) }).replace('/dist/consentry.min.js', `/dist/${script}`) })

/** Decides on a first page (reject all, with the mouse), so the next page is a returning visitor's. */
const decide = async (suite: BrowserSuite) => {
  const { page } = suite
  await page.goto(serve(suite, '/first.html', CONTENT))
  await bannerButton(page, 'reject-all').click()
  await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
}

const fabOf = (page: Tab) => page.locator('[part=floating-button]')
const extrasLoaded = (page: Tab) =>
  page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('consentry-extras.mjs')))

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)

  describe('the way back', () => {
    it('a decided visitor on a page with no way back of its own gets the floating button, and a click opens the preferences', async () => {
      const { page } = suite
      await decide(suite)
      await page.goto(serve(suite, '/no-link.html', NO_LINK))
      await page.waitForFunction(() => window.Consentry?.get().decided)
      const fab = fabOf(page)
      await fab.waitFor()
      await expect(fab.isVisible()).resolves.toBe(true)
      await fab.click()
      await prefsOf(page).waitFor()
      await expect(switchOf(page, 'Analytics').getAttribute('aria-checked')).resolves.toBe('false')
      await expect(fab.isHidden()).resolves.toBe(true)
    })

    it('a page with a data-consentry-open footer link gets no floating button (nor the module that draws it)', async () => {
      const { page } = suite
      await decide(suite)
      await page.goto(serve(suite, '/with-link.html', CONTENT))
      await page.waitForFunction(() => window.Consentry?.get().decided)
      await page.waitForTimeout(500)
      expect(await fabOf(page).count()).toBe(0)
      expect(await extrasLoaded(page)).toBe(false)
      // The link is the way back.
      await page.locator('footer a[data-consentry-open]').click()
      await prefsOf(page).waitFor()
    })

    it('the button steps aside when the page renders its own link after start-up', async () => {
      const { page } = suite
      await decide(suite)
      await page.goto(serve(suite, '/late-footer.html', NO_LINK))
      const fab = fabOf(page)
      await fab.waitFor()
      await page.evaluate(() => {
        const a = document.createElement('a')
        a.href = '/cookies'
        a.setAttribute('data-consentry-open', '')
        a.textContent = 'Cookie settings'
        document.querySelector('footer')!.append(a)
      })
      await fab.waitFor({ state: 'hidden' })
    })

    it('with hideFromBots, a browser driven by automation (as this one is) gets no banner and no consent; the footer link still opens the choices, and a choice there holds', async () => {
      const { page } = suite
      // Control: the same page without it shows the banner to the same browser.
      await page.goto(suite.server.route('/humans.html', { body: consentryPage({ body: CONTENT, config: uiConfig() }) }))
      await bannerButton(page, 'accept-all').waitFor()
      const body = consentryPage({ body: CONTENT, config: { ...(uiConfig() as object), hideFromBots: true } })
      await page.goto(suite.server.route('/bots.html', { body }))
      expect(await page.evaluate(() => navigator.webdriver)).toBe(true)
      await page.waitForFunction(() => window.Consentry?.get())
      // Where it shows, the banner is built in the script's own task: two frames later it would be there.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
      expect(await bannerButton(page, 'accept-all').count()).toBe(0)
      expect(await snapshot(page)).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } })
      await page.locator('footer a[data-consentry-open]').click()
      await prefsOf(page).waitFor()
      await switchOf(page, 'Analytics').click()
      await page.locator('[part=preferences] [data-consentry-action=save]').click()
      await expect.poll(async () => (await snapshot(page)).categories.analytics).toBe(true)
    })

    it('a category added to the config since the decision: the banner asks again, saying why, and what it allowed waits again', async () => {
      const { page } = suite
      const tag = '<script type="text/plain" data-consent="analytics">window.ranStats = true</script>'
      await page.goto(suite.server.route('/before.html', { body: consentryPage({ body: tag + CONTENT, config: uiConfig() }) }))
      await bannerButton(page, 'accept-all').click()
      await expect.poll(() => page.evaluate(() => !!(window as { ranStats?: boolean }).ranStats)).toBe(true)
      const grown = { ...(uiConfig() as { categories: object[] }), categories: [...UI_CONFIG.categories, { id: 'functional' }] }
      await page.goto(suite.server.route('/after.html', { body: consentryPage({ body: tag + CONTENT, config: grown }) }))
      const line = page.locator('[part=banner] [part=revised]')
      await expect.poll(() => line.textContent()).toBe('What we ask your consent for has changed since you last chose. ')
      expect(await snapshot(page)).toMatchObject({ decided: false, categories: { analytics: false, functional: false } })
      expect(await page.evaluate(() => !!(window as { ranStats?: boolean }).ranStats)).toBe(false)
      // The same page without the new category still runs the tag from the decision.
      await page.goto(suite.server.route('/before.html', { body: consentryPage({ body: tag + CONTENT, config: uiConfig() }) }))
      await expect.poll(() => page.evaluate(() => !!(window as { ranStats?: boolean }).ranStats)).toBe(true)
    })

    it('a misspelt option (hideFromBot) is said on the console by the production script tag, and the rest of the config holds', async () => {
      const { page, log } = suite
      suite.expected.push(/unknown config key config\.hideFromBot \(ignored\)/)
      const body = consentryPage({ body: CONTENT, config: { ...(uiConfig() as object), hideFromBot: true } })
      await page.goto(suite.server.route('/typo.html', { body }))
      // Not the option it meant: the banner shows, as without it.
      await bannerButton(page, 'accept-all').waitFor()
      await expect.poll(() => log.warnings.filter((w) => w.includes('unknown config key')))
        .toEqual(['[consentry] unknown config key config.hideFromBot (ignored)'])
    })
  })

  describe('development build (consentry.js)', () => {
    const NO_WAY_BACK = 'a visitor who has decided has no way back to the choices'

    it('warns once when a decided visitor has no way back: floatingButton false and no link', async () => {
      const { page, log } = suite
      await decide(suite)
      await page.goto(serve(suite, '/dev-no-link.html', NO_LINK, { floatingButton: false }, 'consentry.js'))
      await page.waitForFunction(() => window.Consentry?.get().decided)
      await expect.poll(() => log.warnings.filter((w) => w.includes(NO_WAY_BACK)).length, { timeout: 5000 }).toBe(1)
      // Once: later decisions on the same page say nothing new.
      await page.evaluate(() => Consentry.acceptAll())
      await page.waitForTimeout(1500)
      expect(log.warnings.filter((w) => w.includes(NO_WAY_BACK))).toHaveLength(1)
      expect(await fabOf(page).count()).toBe(0)
    })

    it('says nothing where the page has a link', async () => {
      const { page, log } = suite
      await decide(suite)
      await page.goto(serve(suite, '/dev-link.html', CONTENT, { floatingButton: false }, 'consentry.js'))
      await page.waitForFunction(() => window.Consentry?.get().decided)
      await page.waitForTimeout(1500)
      expect(log.warnings.filter((w) => w.includes(NO_WAY_BACK))).toEqual([])
    })
  })
})
