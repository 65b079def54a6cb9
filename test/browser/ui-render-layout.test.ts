/**
 * How the UI lays out in real Chromium and Firefox ESR against dist/: usable on a 320 px screen
 * and at large zoom (WCAG 2.2 SC 1.4.10 Reflow), still under reduced motion, and without moving
 * the page (Cumulative Layout Shift 0 in Chromium; in both, no element of the page's content moves).
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, MEDIA_EMULATION } from './driver.js'
import { bannerButton, bannerOf, openCategory, openPage, prefsOf, settled } from './ui-helpers.js'
import { hitTestable, overflowing, unreachable } from './ui-render-fixtures.js'
import { browserSuite } from './suite.js'

describe.each(BROWSERS)('%s', (browserName) => {
  // emulateMedia: Firefox sets the tab's media overrides from its privileged scope.
  const suite = browserSuite(browserName, { launch: MEDIA_EMULATION })

  describe('small screens and zoom', () => {
    it('at 320 × 640 CSS px (device pixel ratio 2) nothing overflows sideways, in the banner or the preferences', async () => {
      const { page } = suite
      await page.emulateScreen({ width: 320, height: 640, deviceScaleFactor: 2 })
      await openPage(suite, { lang: 'de' }) // German: long words in narrow buttons.
      await bannerOf(page).waitFor()
      await settled(page)
      expect(await page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([320, 2])
      expect(await overflowing(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      expect(await hitTestable(page, '[part=banner] button')).toBe(true)

      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      // Open, so the service's switch and its cookie-table toggle are checked too.
      await openCategory(page, 'analytics')
      await settled(page)
      expect(await overflowing(page)).toEqual([])
      expect(await unreachable(page, '[part=preferences] button:not([disabled])')).toEqual([])
      const box = (await prefsOf(page).boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(320)
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(640)
    })

    it('at 400 % zoom (320 × 256 CSS px) a banner taller than the screen scrolls, and every button can be reached', async () => {
      const { page } = suite
      await page.setViewportSize({ width: 320, height: 256 })
      await openPage(suite)
      const banner = bannerOf(page)
      await banner.waitFor()
      await settled(page)
      const fit = await banner.evaluate((b) => {
        const r = b.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, overflowY: getComputedStyle(b).overflowY, scrolls: b.scrollHeight > b.clientHeight }
      })
      expect(fit).toMatchObject({ overflowY: 'auto', scrolls: true })
      expect(fit.top).toBeGreaterThanOrEqual(0)
      expect(fit.bottom).toBeLessThanOrEqual(256)
      expect(await unreachable(page, '[part=banner] a, [part=banner] button')).toEqual([])
      expect(await overflowing(page)).toEqual([])

      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      await openCategory(page, 'analytics')
      await settled(page)
      const prefs = (await prefsOf(page).boundingBox())!
      expect(prefs.y).toBeGreaterThanOrEqual(0)
      expect(prefs.y + prefs.height).toBeLessThanOrEqual(256)
      // Every switch, the cookie-table toggle and the three buttons can be scrolled to and used.
      expect(await unreachable(page, '[part=preferences] button:not([disabled])')).toEqual([])
      expect(await overflowing(page)).toEqual([])
    })
  })

  describe('motion and layout shift', () => {
    it('prefers-reduced-motion: reduce runs no animation; without it the banner animates in', async () => {
      const { page } = suite
      const animations = () =>
        bannerOf(page).evaluate((b) => ({ running: b.getAnimations().length, name: getComputedStyle(b).animationName }))
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await openPage(suite)
      await bannerOf(page).waitFor()
      expect(await animations()).toEqual({ running: 0, name: 'none' })
      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      expect(await prefsOf(page).evaluate((p) => p.getAnimations().length)).toBe(0)

      // Control: the same page without the preference does animate.
      await page.emulateMedia({ reducedMotion: 'no-preference' })
      await page.reload()
      await bannerOf(page).waitFor()
      expect((await animations()).name).toBe('consentry-in')
    })

    it('the banner shifts no content: layout-shift total is 0 on a content page', async () => {
      const { page } = suite
      // Cumulative Layout Shift as web-vitals counts it, from the first paint on (shifts right after input excluded).
      const observer = `<script>window.cls = 0; new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value }).observe({ type: 'layout-shift', buffered: true })</script>`
      // And in every browser: where each element of the page's own content is drawn, against where it was
      // before Consentry ran. Firefox has no Layout Instability API (no CLS): this is how it sees a shift.
      const boxes = `<script>window.boxes = () => new Map([...document.querySelectorAll('header, header *, main, main *, footer, footer *')]
      .map((el) => { const r = el.getBoundingClientRect(); return [el, r.x + ',' + r.y + ' ' + r.width + 'x' + r.height] }))
    window.firstBoxes = boxes()</script>`
      await openPage(suite, { head: observer, before: boxes })
      await bannerOf(page).waitFor()
      await settled(page)
      const measuresCls = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))
      expect(measuresCls).toBe(browserName === 'chromium')
      // Two frames, so a shift caused by the last change has been reported.
      const shift = () =>
        page.evaluate(() => new Promise<{ cls: number; moved: string[] }>((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const w = window as unknown as { cls: number; boxes(): Map<Element, string>; firstBoxes: Map<Element, string> }
            const moved = [...w.boxes()].filter(([el, box]) => w.firstBoxes.has(el) && w.firstBoxes.get(el) !== box)
            done({ cls: w.cls, moved: moved.map(([el]) => el.tagName.toLowerCase()) })
          }))))
      expect(await shift()).toEqual({ cls: 0, moved: [] })
      // Closing it moves nothing either. (Decided by the API, not a click: shifts within 500 ms of input do not count.)
      await page.evaluate(() => Consentry.rejectAll())
      await expect(bannerOf(page).isHidden()).resolves.toBe(true)
      expect(await shift()).toEqual({ cls: 0, moved: [] })
      // Control: moving the page's own content is measured.
      await page.evaluate(() => document.querySelector('main')!.prepend(Object.assign(document.createElement('div'), { textContent: 'Announcement' })))
      await expect.poll(async () => (await shift()).moved).toEqual(['main', 'p', 'p', 'footer', 'a'])
      if (measuresCls) await expect.poll(async () => (await shift()).cls).toBeGreaterThan(0)
    })
  })
})
