/**
 * How the UI's first layer fits, in every language, in real Chromium and Firefox ESR against dist/: on a 390 × 844
 * phone, a 360 × 780 one and a 1280 × 800 screen, in the bar and the box layouts, no button label wraps, buttons in
 * one row are one height, no button sits alone at half width, Reject all and Accept all are the same size, and on the
 * phone the first layer takes no more of the screen than vanilla-cookieconsent 3.1's (its default box layout, given
 * the same texts), measured here beside it. The figures are printed, and written to test-results/ui-fit.json (by
 * browser, language, then layout and size).
 */
import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as i18n from '../../src/ui/i18n/index.js'
import { BROWSERS, MEDIA_EMULATION } from './driver.js'
import { openPage, settled, uiConfig } from './ui-helpers.js'
import { LANGUAGES, broken, measureLayer } from './ui-fit-fixtures.js'
import { browserSuite, type BrowserSuite } from './suite.js'

type Translation = i18n.Translation
// The phone the comparison is made on, the narrowest phone the labels must fit on one line, and a screen.
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 360, height: 780 },
  { width: 1280, height: 800 },
] as const
/** The first of {@link VIEWPORTS}: each language's page is loaded at this size, then resized through the others. */
const PHONE = VIEWPORTS[0]
const LAYOUTS = ['bar', 'box'] as const

const VCC = createRequire(import.meta.url).resolve('vanilla-cookieconsent/dist/cookieconsent.umd.js')

/**
 * vanilla-cookieconsent 3.1 with Consentry's texts in `t`: its title, its text with the policy link where
 * `{policy}` stands, and its three buttons, in its default (box) layout. It has no texts of its own.
 */
const vccPage = (t: Translation): string => {
  const config = {
    // Headless browsers look like bots to it, and it would stay hidden.
    hideFromBots: false,
    categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
    language: {
      default: t.lang,
      translations: {
        [t.lang]: {
          consentModal: {
            title: t.bannerTitle,
            description: t.bannerText.replace('{policy}', `<a href="/privacy">${t.policyLink}</a>`),
            acceptAllBtn: t.acceptAll,
            acceptNecessaryBtn: t.rejectAll,
            showPreferencesBtn: t.manage,
          },
          preferencesModal: { title: t.preferencesTitle, sections: [] },
        },
      },
    },
  }
  return `<!doctype html>
<html lang="${t.lang}" dir="${t.dir}">
<head><meta charset="utf-8"><title>vanilla-cookieconsent</title><link rel="stylesheet" href="/vcc/cookieconsent.css"></head>
<body><h1>vanilla-cookieconsent</h1>
<script src="/vcc/cookieconsent.umd.js"></script>
<script>CookieConsent.run(${JSON.stringify(config).replace(/</g, '\\u003c')})</script>
</body>
</html>`
}

/** The figures for the closing table, by language, then `<layout> <width>×<height>`. */
const table: Record<string, Record<string, string>> = {}
const note = (lang: string, column: string, px: number, height: number) =>
  ((table[lang] ??= {})[column] = `${Math.round(px)} px (${Math.round((px / height) * 100)}%)`)

/** vanilla-cookieconsent's first layer in `lang` at the tab's size: its height. Measured once per browser and size. */
const vccHeights = new Map<string, number>()
const vccHeight = async (suite: BrowserSuite, lang: keyof typeof i18n, viewport: { width: number; height: number }): Promise<number> => {
  const key = `${lang} ${viewport.width}`
  if (!vccHeights.has(key)) {
    const { page, server } = suite
    const url = server.route(`/vcc-${lang}.html`, { body: vccPage(i18n[lang]) })
    await page.setViewportSize(viewport)
    await page.goto(url)
    await page.waitForFunction(() => document.documentElement.classList.contains('show--consent'))
    // Its entrance transition moves and fades the box; the height is final once it has run.
    const height = await page.evaluate(async () => {
      await Promise.all(document.getAnimations().map((a) => a.finished))
      await new Promise(requestAnimationFrame)
      return document.querySelector('#cc-main .cm')!.getBoundingClientRect().height
    })
    vccHeights.set(key, height)
    note(lang, `vanilla-cookieconsent ${viewport.width}×${viewport.height}`, height, viewport.height)
  }
  return vccHeights.get(key)!
}

/** Opens Consentry's banner in `lang`, at the tab's size, once the language and the button arrangement are in. */
const openBanner = async (suite: BrowserSuite, lang: string, layout: string): Promise<void> => {
  const { page } = suite
  await openPage(suite, { lang, config: uiConfig({ layout }) }, { path: `/fit-${layout}-${lang}.html` })
  await page.waitForFunction((l) => {
    const banner = document.querySelector('[data-consentry]')?.shadowRoot?.querySelector('[part=banner]')
    return banner?.getAttribute('lang') == l && !banner.querySelector('.fit')
  }, lang)
  await settled(page)
}

/**
 * Resizes the tab to `viewport` and waits until the open banner has arranged its buttons for it: the resize event
 * runs before the frame's animation callbacks, and the arrangement is measured in a ResizeObserver callback of the
 * same frame (src/ui/fit.ts), so after two frames at the new width a group without `fit` is the new width's.
 */
const resizeBanner = async (suite: BrowserSuite, viewport: { width: number; height: number }): Promise<void> => {
  const { page } = suite
  await page.setViewportSize(viewport)
  await page.waitForFunction((v) => innerWidth == v.width && innerHeight == v.height, viewport)
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  await page.waitForFunction(() => document.querySelector('[data-consentry]')?.shadowRoot?.querySelector('[part=banner] [part=buttons]:not(.fit)'))
  await settled(page)
}

describe.each(BROWSERS)('%s', (browserName) => {
  // emulateMedia (below): Firefox sets the tab's media overrides from its privileged scope. No tab before each test:
  // the tests that measure open their visitor's (see measure), and the ones that judge figures measured already need none.
  const suite = browserSuite(browserName, { launch: MEDIA_EMULATION, start: () => null })
  const visit = () => suite.visit(`${suite.server.origin}/__blank`)
  const serveVcc = () => {
    suite.server.route('/vcc/cookieconsent.umd.js', { body: readFileSync(VCC, 'utf8'), type: 'text/javascript; charset=utf-8' })
    suite.server.route('/vcc/cookieconsent.css', { body: readFileSync(VCC.replace(/umd\.js$/, 'css'), 'utf8'), type: 'text/css; charset=utf-8' })
  }

  // Each browser measures both UIs itself, with its own fonts, and has its own table.
  beforeAll(() => {
    for (const lang in table) delete table[lang]
    vccHeights.clear()
  })

  afterAll(async () => {
    const columns = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort()
    if (!columns.length) return
    const lines = [`first layer height (${browserName}), px (share of the screen)`, ['', ...columns].join(' | ')]
    for (const lang of LANGUAGES) lines.push([lang, ...columns.map((c) => table[lang]?.[c] ?? '')].join(' | '))
    console.log(lines.join('\n'))
    // One file for both browsers: each run replaces its own browser's part.
    await mkdir('test-results', { recursive: true })
    const file = 'test-results/ui-fit.json'
    const all = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...all, [browserName]: table }, null, 2) + '\n')
  })

  /**
   * What breaks the rules, by layout, then viewport width, then language (a language that keeps them has no entry).
   * One page per language and layout is opened at 390 px, the comparison's size, and resized through the other two
   * (the banner follows the window: "follows the window" below proves it), instead of one page per size: a third of
   * the page loads, for the same measurements (the same figures, to the pixel, in both browsers). The three tests of a
   * layout share the run, which the first of them to ask makes with a first-time visitor of its own; each still judges
   * its own size.
   */
  const measured = new Map<string, Promise<Map<number, Record<string, string[]>>>>()
  const measure = (layout: string): Promise<Map<number, Record<string, string[]>>> => {
    let run = measured.get(layout)
    if (!run) {
      run = measureLayout(layout)
      measured.set(layout, run)
    }
    return run
  }
  const measureLayout = async (layout: string): Promise<Map<number, Record<string, string[]>>> => {
    const page = await visit()
    // The layouts are measured at rest: without the entrance animation (a slide of .18 s; the reduced-motion
    // test in ui-look proves it runs by default), each of the 16 banners is ready to measure a frame sooner.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    serveVcc()
    const problems = new Map<number, Record<string, string[]>>(VIEWPORTS.map((v) => [v.width, {}]))
    for (const lang of LANGUAGES) {
      // vanilla-cookieconsent's figure first (the comparison is made in each browser, with the same fonts).
      const theirs = await vccHeight(suite, lang, PHONE)
      for (const viewport of VIEWPORTS) {
        // The phone the comparison is made on gets a freshly loaded page, as a visitor's phone does; the others resize it.
        if (viewport == PHONE) {
          await page.setViewportSize(viewport)
          await openBanner(suite, lang, layout)
        } else await resizeBanner(suite, viewport)
        const fit = await measureLayer(page, '[part=banner]')
        note(lang, `${layout} ${viewport.width}×${viewport.height}`, fit.height, viewport.height)
        const wrong = broken(fit, ['reject-all', 'accept-all'])
        if (viewport == PHONE && fit.height > theirs) wrong.push(`${Math.round(fit.height)} px high against vanilla-cookieconsent's ${Math.round(theirs)}`)
        if (wrong.length) problems.get(viewport.width)![lang] = [fit.arrangement, ...wrong]
      }
    }
    return problems
  }

  describe('the first layer in every language', () => {
    for (const layout of LAYOUTS)
      for (const viewport of VIEWPORTS) {
        const than = viewport == PHONE ? ', and it takes no more of the screen than vanilla-cookieconsent 3.1 with the same texts' : ''
        it(`${layout}, ${viewport.width} × ${viewport.height}: no label wraps, a row is one height, no button is alone at half width${than}`, { timeout: 120_000 }, async () => {
          expect((await measure(layout)).get(viewport.width)).toEqual({})
        })
      }

    it('follows the window: German at 1280, 390, 360 and 1280 px wide sits in a row, as a pair, stacked and in a row again, with no ResizeObserver loop error', { timeout: 60_000 }, async () => {
      const page = await visit()
      const listen = `<script>window.loopErrors = []; addEventListener('error', (e) => /ResizeObserver/.test(e.message) && loopErrors.push(e.message))</script>`
      await page.setViewportSize({ width: 1280, height: 800 })
      await openPage(suite, { lang: 'de', head: listen }, { path: '/follow.html' })
      const arrangements: string[] = []
      for (const width of [1280, 390, 360, 1280]) {
        await page.setViewportSize({ width, height: 800 })
        await page.waitForFunction((w) => innerWidth == w, width)
        // The resize event runs before the frame's animation callbacks: after two frames it has been handled.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
        await page.waitForFunction(() => document.querySelector('[data-consentry]')?.shadowRoot?.querySelector('[part=banner][lang=de] [part=buttons]:not(.fit)'))
        await settled(page)
        const fit = await measureLayer(page, '[part=banner]')
        expect(broken(fit, ['reject-all', 'accept-all'])).toEqual([])
        arrangements.push(fit.arrangement.replace('buttons', '').trim() || 'stack')
      }
      // Three in a row on the wide screen; Reject all and Accept all as a pair over Manage at 390 px; at 360 px
      // "Alle akzeptieren" no longer fits half the width, and all three stack.
      expect(arrangements).toEqual(['row', 'pair', 'stack', 'row'])
      const loopErrors = () => page.evaluate(() => (window as unknown as { loopErrors: string[] }).loopErrors)
      expect(await loopErrors()).toEqual([])

      // Control: an observer that changes its own box's size in its callback is heard.
      await page.evaluate(() => {
        const box = document.body.appendChild(document.createElement('div'))
        box.textContent = 'grows'
        new ResizeObserver(() => void (box.style.height = box.offsetHeight + 10 + 'px')).observe(box)
      })
      await expect.poll(async () => (await loopErrors()).length).toBeGreaterThan(0)
    })
  })
})
