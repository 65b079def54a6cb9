/**
 * How the UI fits, in every language, in real Chromium and Firefox ESR against dist/: on a 390 × 844 phone, a
 * 360 × 780 one and a 1280 × 800 screen, in the bar and the box layouts, no button label wraps, buttons in one row are one height,
 * no button sits alone at half width, Reject all and Accept all are the same size, and on the phone the first
 * layer takes no more of the screen than vanilla-cookieconsent 3.1's (its default box layout, given the same
 * texts), measured here beside it. The preferences centre's four categories fit a phone without scrolling,
 * under a footer whose Save is the one filled button. The figures are printed, and written to
 * test-results/ui-fit.json (by browser, language, then layout and size).
 */
import { readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as i18n from '../../src/ui/i18n/index.js'
import { BROWSERS, type Tab } from './driver.js'
import { UI_CONFIG, bannerButton, bannerOf, openPage, prefsOf, settled, uiConfig } from './ui-helpers.js'
import { browserSuite, type BrowserSuite } from './suite.js'

type Translation = i18n.Translation
const LANGUAGES = Object.keys(i18n) as (keyof typeof i18n)[]
// The phone the comparison is made on, the narrowest phone the labels must fit on one line, and a screen.
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 360, height: 780 },
  { width: 1280, height: 800 },
] as const
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

/** What a visitor sees of one button: its action, how many lines its label takes, and its box. */
interface ButtonFit {
  action: string
  lines: number
  x: number
  y: number
  width: number
  height: number
}

interface LayerFit {
  height: number
  arrangement: string
  /** The group's content width, the room its buttons share. */
  room: number
  buttons: ButtonFit[]
}

/**
 * The first layer's height and its buttons, in the page. A label's lines are counted as the lead's script
 * did: the distinct tops of the line boxes a Range over its text has.
 */
const measureLayer = (page: Tab, layer: string): Promise<LayerFit> =>
  page.evaluate((sel) => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    const el = root.querySelector(sel)!
    const group = el.querySelector('[part=buttons]')!
    return {
      height: el.getBoundingClientRect().height,
      arrangement: group.className,
      room: group.clientWidth - parseFloat(getComputedStyle(group).paddingLeft) - parseFloat(getComputedStyle(group).paddingRight),
      buttons: [...group.querySelectorAll('button')].map((b) => {
        const range = document.createRange()
        range.selectNodeContents(b)
        const r = b.getBoundingClientRect()
        return {
          action: b.getAttribute('data-consentry-action')!,
          lines: new Set([...range.getClientRects()].map((l) => Math.round(l.top))).size,
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
        }
      }),
    }
  }, layer)

/**
 * The rules for a group of buttons, as a list of what breaks them (empty: all kept): every label on one
 * line; buttons in one row the same height; a button alone in its row as wide as the group; Reject all and
 * Accept all the same width and height.
 */
const broken = (fit: LayerFit, pair: [string, string]): string[] => {
  const problems: string[] = []
  for (const b of fit.buttons) if (b.lines != 1) problems.push(`${b.action} wraps (${b.lines} lines)`)
  const rows = new Map<number, ButtonFit[]>()
  for (const b of fit.buttons) rows.set(Math.round(b.y), [...(rows.get(Math.round(b.y)) ?? []), b])
  for (const row of rows.values()) {
    if (row.length == 1 && Math.abs(row[0]!.width - fit.room) > 1) problems.push(`${row[0]!.action} alone at ${row[0]!.width} of ${fit.room} px`)
    if (Math.max(...row.map((b) => b.height)) - Math.min(...row.map((b) => b.height)) > 0.5) problems.push(`row of ${row.map((b) => b.action)} in two heights`)
  }
  const [a, b] = pair.map((action) => fit.buttons.find((x) => x.action == action)!)
  // Equal grid columns can differ by Chromium's layout unit, 1/64 px, when the room does not divide evenly.
  if (Math.abs(a!.width - b!.width) > 1 / 32 || Math.abs(a!.height - b!.height) > 1 / 32) problems.push(`${pair} differ: ${a!.width}×${a!.height}, ${b!.width}×${b!.height}`)
  return problems
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

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
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

  describe('the first layer in every language', () => {
    for (const layout of LAYOUTS)
      for (const viewport of VIEWPORTS) {
        const compared = viewport.width == 390
        const than = compared ? ', and it takes no more of the screen than vanilla-cookieconsent 3.1 with the same texts' : ''
        it(`${layout}, ${viewport.width} × ${viewport.height}: no label wraps, a row is one height, no button is alone at half width${than}`, { timeout: 120_000 }, async () => {
          const { page } = suite
          if (compared) serveVcc()
          const problems: Record<string, string[]> = {}
          for (const lang of LANGUAGES) {
            // vanilla-cookieconsent's figure first (the comparison is made in each browser, with the same fonts).
            const theirs = compared ? await vccHeight(suite, lang, viewport) : Infinity
            await page.setViewportSize(viewport)
            await openBanner(suite, lang, layout)
            const fit = await measureLayer(page, '[part=banner]')
            note(lang, `${layout} ${viewport.width}×${viewport.height}`, fit.height, viewport.height)
            const wrong = broken(fit, ['reject-all', 'accept-all'])
            if (fit.height > theirs) wrong.push(`${Math.round(fit.height)} px high against vanilla-cookieconsent's ${Math.round(theirs)}`)
            if (wrong.length) problems[lang] = [fit.arrangement, ...wrong]
          }
          expect(problems).toEqual({})
        })
      }

    it('follows the window: German at 1280, 390, 360 and 1280 px wide sits in a row, as a pair, stacked and in a row again, with no ResizeObserver loop error', { timeout: 60_000 }, async () => {
      const { page } = suite
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

  describe('the preferences centre in every language', () => {
    it('on a 390 × 844 phone, four closed categories need no scrolling, each switch on the line of its name; no footer label wraps; Save is filled, Reject all and Accept all are alike and outlined', { timeout: 120_000 }, async () => {
      const { page } = suite
      await page.setViewportSize({ width: 390, height: 844 })
      const [necessary, ...others] = UI_CONFIG.categories
      const config = { ...(uiConfig() as object), categories: [necessary, { id: 'functional' }, ...others] }
      const problems: Record<string, string[]> = {}
      for (const lang of LANGUAGES) {
        await openPage(suite, { lang, config }, { path: `/prefs-${lang}.html` })
        await bannerOf(page).waitFor()
        await bannerButton(page, 'preferences').click()
        await prefsOf(page).waitFor()
        await page.waitForFunction(() => !document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[part=preferences] .fit'))
        await settled(page)
        const fit = await measureLayer(page, '[part=preferences]')
        const look = await prefsOf(page).evaluate((dialog) => {
          const scroller = dialog.querySelector('.scroll')!
          const style = (action: string) => {
            const s = getComputedStyle(dialog.querySelector(`[data-consentry-action=${action}]`)!)
            return { background: s.backgroundColor, color: s.color, border: s.borderTopColor, weight: s.fontWeight, size: s.fontSize }
          }
          // A row's switch (and "Always on") sits on the line of its name, not on a line of its own below it.
          const apart = [...dialog.querySelectorAll('[part=category] > .entry')]
            .filter((row) => {
              const name = row.querySelector('h3')!.getBoundingClientRect()
              return [...row.children].some((x) => x.getBoundingClientRect().top >= name.bottom)
            })
            .map((row) => row.querySelector('h3')!.textContent)
          return {
            apart,
            rows: dialog.querySelectorAll('[part=category]').length,
            scrolls: scroller.scrollHeight > scroller.clientHeight,
            bottom: dialog.getBoundingClientRect().bottom,
            reject: style('reject-all'),
            accept: style('accept-all'),
            save: style('save'),
          }
        })
        const wrong = broken(fit, ['reject-all', 'accept-all'])
        if (look.rows != 4) wrong.push(`${look.rows} categories`)
        if (look.apart.length) wrong.push(`switch below the name: ${look.apart}`)
        if (look.scrolls) wrong.push('the list scrolls')
        if (look.bottom > 844) wrong.push('the dialog leaves the screen')
        if (JSON.stringify(look.reject) != JSON.stringify(look.accept)) wrong.push(`reject ${JSON.stringify(look.reject)} ≠ accept ${JSON.stringify(look.accept)}`)
        // Filled: Save's background is the colour of the others' outline; theirs is transparent.
        if (look.save.background != look.accept.border || look.accept.background != 'rgba(0, 0, 0, 0)') wrong.push(`save ${JSON.stringify(look.save)}, accept ${JSON.stringify(look.accept)}`)
        if (wrong.length) problems[lang] = [fit.arrangement, ...wrong]
      }
      expect(problems).toEqual({})
    })
  })
})
