/**
 * How the UI renders in real Chromium and Firefox ESR against dist/: untouched by a hostile
 * page stylesheet, in the chosen theme and language, usable on a 320 px screen
 * and at large zoom (WCAG 2.2 SC 1.4.10 Reflow), still under reduced motion,
 * and without moving the page (Cumulative Layout Shift 0 in Chromium; in both,
 * no element of the page's content moves).
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, MEDIA_EMULATION, type Tab } from './driver.js'
import { bannerButton, bannerOf, openCategory, openPage, prefsButton, prefsOf, settled, snapshot, uiConfig } from './ui-helpers.js'
import { browserSuite, type BrowserSuite } from './suite.js'

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

/** What is drawn at the centre of `selector` (inside the shadow root) is that element or its descendant. */
const hitTestable = (page: Tab, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    return [...root.querySelectorAll(sel)].every((el) => {
      const r = el.getBoundingClientRect()
      return el.contains(root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))
    })
  }, selector)

/**
 * The controls matching `selector` that cannot be brought wholly on screen by
 * scrolling (as a browser does when one takes focus) and then clicked there.
 */
const unreachable = (page: Tab, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    return [...root.querySelectorAll(sel)].flatMap((el) => {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      const r = el.getBoundingClientRect()
      // 1 px of slack: 'nearest' can leave a fractional pixel at the edge.
      const onScreen = r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1
      // Clicked at the centre of each of its boxes: a link that wraps is two boxes, and the centre
      // of their union can be the paragraph between them.
      const boxes = [...el.getClientRects()]
      const hit = boxes.length > 0 && boxes.every((b) => el.contains(root.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)))
      return onScreen && hit ? [] : [`${el.getAttribute('data-consentry-action') ?? el.getAttribute('aria-labelledby') ?? el.textContent}`]
    })
  }, selector)

/** Every visible control of the UI whose box leaves the viewport sideways, or whose text overflows its box. */
const overflowing = (page: Tab) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    return [...root.querySelectorAll<HTMLElement>('[part=banner] *, [part=preferences] *')]
      .filter((el) => el.checkVisibility() && el.matches('button, a, h2, h3, p'))
      .filter((el) => {
        const r = el.getBoundingClientRect()
        // An inline box (a link in a sentence) has no client width; Firefox still gives it a scroll width.
        const text = getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth + 1
        return r.left < 0 || r.right > innerWidth || text
      })
      .map((el) => `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`)
  })

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
