/**
 * How the UI looks in real Chromium and Firefox ESR against dist/: untouched by a hostile
 * page stylesheet, in the chosen theme and language.
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, MEDIA_EMULATION, type Tab } from './driver.js'
import { bannerButton, bannerOf, openPage, prefsButton, prefsOf, settled, snapshot, uiConfig } from './ui-helpers.js'
import { hitTestable, overflowing } from './ui-render-fixtures.js'
import { browserSuite } from './suite.js'

/**
 * What a site's CSS might do to anything it can reach: a Tailwind-like
 * preflight, a button reset, `!important` box-sizing, huge root sizes, and
 * rules that match the host element itself, whose inherited values would
 * flow into the shadow root if `:host` lost to them.
 */
const HOSTILE_CSS = `*,::before,::after{box-sizing:border-box;border:0 solid;margin:0;padding:0}
button{all:unset}
*{box-sizing:content-box!important}
html{font-size:40px}
body{font-size:30px;line-height:3;color:red}
*{font-family:serif!important;letter-spacing:.2em;text-transform:uppercase}
div{font-size:30px;line-height:4;writing-mode:vertical-rl;white-space:nowrap;visibility:visible}`

/** Relative luminance (WCAG 2.2 definition) of a computed `rgb()` colour. */
const luminance = (rgb: string): number => {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
    const s = Number(c) / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const bannerColours = (page: Tab) =>
  bannerOf(page).evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, fg: getComputedStyle(b).color }))


describe.each(BROWSERS)('%s', (browserName) => {
  // emulateMedia: Firefox sets the tab's media overrides from its privileged scope.
  const suite = browserSuite(browserName, { launch: MEDIA_EMULATION })

  describe('hostile page CSS', () => {
    it('cannot reach the banner: Accept all and Reject all keep their 15 px, the same size, visible and clickable', async () => {
      const { page, server } = suite
      server.route('/hostile.css', { body: HOSTILE_CSS, type: 'text/css; charset=utf-8' })
      await openPage(suite, { head: '<link rel="stylesheet" href="/hostile.css">' })
      await bannerOf(page).waitFor()
      // The stylesheet did apply to the page.
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(255, 0, 0)')
      await settled(page)
      const measure = (action: string) =>
        bannerButton(page, action).evaluate((b) => {
          const r = b.getBoundingClientRect()
          const s = getComputedStyle(b)
          return { width: r.width, height: r.height, fontSize: s.fontSize, fontFamily: s.fontFamily, transform: s.textTransform, writing: s.writingMode }
        })
      const accept = await measure('accept-all')
      const reject = await measure('reject-all')
      // The same size, to a thousandth of a pixel (Firefox's rects carry float noise of ~0.00002 px).
      const { width: acceptWidth, height: acceptHeight, ...acceptStyle } = accept
      const { width: rejectWidth, height: rejectHeight, ...rejectStyle } = reject
      expect(acceptStyle).toEqual(rejectStyle)
      expect(acceptWidth).toBeCloseTo(rejectWidth, 3)
      expect(acceptHeight).toBeCloseTo(rejectHeight, 3)
      // The type scale from a fixed 16 px: buttons 15 px, text 14 px, whatever the page's sizes.
      expect(accept).toMatchObject({ fontSize: '15px', transform: 'none', writing: 'horizontal-tb' })
      expect(accept.fontFamily).toMatch(/^system-ui/)
      expect(accept.height).toBeGreaterThanOrEqual(44) // WCAG 2.5.5 target size (AAA 44 px; AA 2.5.8 is 24 px)
      expect(accept.width).toBeGreaterThan(accept.height)
      expect(await bannerOf(page).locator('p').evaluate((p) => getComputedStyle(p).fontSize)).toBe('14px')
      expect(await hitTestable(page, '[part=banner] button')).toBe(true)
      expect(await overflowing(page)).toEqual([])

      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      expect(await prefsButton(page, 'save').evaluate((b) => getComputedStyle(b).fontSize)).toBe('15px')
      await prefsButton(page, 'accept-all').click()
      await expect.poll(async () => (await snapshot(page)).categories.marketing).toBe(true)
    })
  })

  describe('themes', () => {
    it('dark: the host says so and the banner is light text on a dark background', async () => {
      const { page } = suite
      await openPage(suite, { config: uiConfig({ theme: 'dark' }) })
      await bannerOf(page).waitFor()
      await settled(page)
      expect(await page.locator('[data-consentry]').getAttribute('data-theme')).toBe('dark')
      const { bg, fg } = await bannerColours(page)
      expect(luminance(bg)).toBeLessThan(0.05)
      expect(luminance(fg)).toBeGreaterThan(0.8)
    })

    it('auto follows prefers-color-scheme, also when it changes while the banner is up', async () => {
      const { page } = suite
      await page.emulateMedia({ colorScheme: 'dark' })
      await openPage(suite, { config: uiConfig({ theme: 'auto' }) })
      await bannerOf(page).waitFor()
      await settled(page)
      expect(await page.locator('[data-consentry]').getAttribute('data-theme')).toBe('auto')
      expect(luminance((await bannerColours(page)).bg)).toBeLessThan(0.05)
      await page.emulateMedia({ colorScheme: 'light' })
      expect(luminance((await bannerColours(page)).bg)).toBeGreaterThan(0.9)
    })
  })

  describe('theming', () => {
    it('custom properties on [data-consentry] set the colours, the type scale, the spacing and the corners', async () => {
      const { page } = suite
      const theme = `<style>[data-consentry] { --consentry-accent: #0b5d1e; --consentry-bg: #fffbe6;
        --consentry-font-size: 18px; --consentry-space: 1.5em; --consentry-radius: 0 }</style>`
      await openPage(suite, { head: theme })
      await bannerOf(page).waitFor()
      await settled(page)
      const banner = await bannerOf(page).evaluate((b) => {
        const s = getComputedStyle(b)
        return { background: s.backgroundColor, padding: s.paddingTop, text: getComputedStyle(b.querySelector('p')!).fontSize, title: getComputedStyle(b.querySelector('h2')!).fontSize }
      })
      // The scale follows the base size: text 7/8 of it, the title 17/16; the padding is the space.
      expect(banner).toEqual({ background: 'rgb(255, 251, 230)', padding: '27px', text: '15.75px', title: '19.125px' })
      const accept = await bannerButton(page, 'accept-all').evaluate((b) => {
        const s = getComputedStyle(b)
        return { background: s.backgroundColor, size: s.fontSize, radius: s.borderTopLeftRadius }
      })
      expect(accept).toEqual({ background: 'rgb(11, 93, 30)', size: '16.875px', radius: '0px' })
    })
  })

  describe('languages', () => {
    it('<html lang="de"> loads dist/i18n/de.mjs and shows the banner in German', async () => {
      const { page } = suite
      await openPage(suite, { lang: 'de' })
      await bannerOf(page).waitFor()
      await expect(bannerOf(page).getAttribute('lang')).resolves.toBe('de')
      await expect(bannerOf(page).locator('h2').textContent()).resolves.toBe('Ihre Privatsphäre ist uns wichtig')
      await expect(bannerButton(page, 'accept-all').textContent()).resolves.toBe('Alle akzeptieren')
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
      expect(loaded).toContain('/dist/i18n/de.mjs')
    })

    it('a visitor who has decided, on the next German page, fetches no language until the footer link asks for the preferences, which come in German', async () => {
      const { page } = suite
      await openPage(suite, { lang: 'de' })
      await bannerButton(page, 'reject-all').click()
      await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
      await openPage(suite, { lang: 'de' }, { path: '/next.html' })
      await page.waitForFunction(() => window.Consentry?.get().decided)
      // Past the first paint and the deferred start-up work: nothing of the UI is built, nothing is fetched for it.
      await page.waitForTimeout(500)
      const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/dist/')))
      expect(await fetched()).toEqual(['/dist/consentry.min.js'])
      await page.locator('footer a[data-consentry-open]').click()
      await prefsOf(page).waitFor()
      await expect(prefsOf(page).getAttribute('lang')).resolves.toBe('de')
      expect(await fetched()).toContain('/dist/i18n/de.mjs')
    })

    it('<html lang="ar"> lays the banner out right to left', async () => {
      const { page } = suite
      await openPage(suite, { lang: 'ar' })
      await bannerOf(page).waitFor()
      await expect(bannerOf(page).getAttribute('dir')).resolves.toBe('rtl')
      await expect(bannerOf(page).getAttribute('lang')).resolves.toBe('ar')
      await expect(bannerButton(page, 'accept-all').textContent()).resolves.toBe('قبول الكل')
      // Reading order runs from the right: the first button (Reject all) is right of the second.
      const x = async (action: string) => (await bannerButton(page, action).boundingBox())!.x
      expect(await x('reject-all')).toBeGreaterThan(await x('accept-all'))
    })

    it('ui.text replaces a single string and keeps the rest', async () => {
      const { page } = suite
      await openPage(suite, { config: uiConfig({ text: { en: { acceptAll: 'Allow all cookies' } } }) })
      await bannerOf(page).waitFor()
      await expect(bannerButton(page, 'accept-all').textContent()).resolves.toBe('Allow all cookies')
      await expect(bannerButton(page, 'reject-all').textContent()).resolves.toBe('Reject all')
    })
  })

})
