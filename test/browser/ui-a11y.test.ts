/**
 * Accessibility and strict CSP, in real Chromium and Firefox ESR against dist/: axe-core finds
 * no violation in the banner or in the open preferences centre, in light and
 * dark, left-to-right and right-to-left; and the whole UI, including the
 * modules it loads with import(), runs under `script-src 'self'; style-src 'self'`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type * as Axe from 'axe-core'
import { BROWSERS, type Tab } from './driver.js'
import { bannerButton, bannerOf, openCategory, openPage, prefsOf, settled, uiConfig } from './ui-helpers.js'
import { browserSuite, type BrowserSuite } from './suite.js'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"

interface AxeReport {
  /** `<rule> <impact>: <selector> — <what is wrong>`, one line per failing node. */
  violations: string[]
  /** Rules that passed on at least one node: proof that axe looked inside the shadow root. */
  passed: string[]
  /** Colour-contrast checks axe could not decide (e.g. text over an image): each needs a human. */
  undecidedContrast: string[]
}

/** Where each suite's test server serves axe-core (a route of its own, from the start). */
const AXE_PATH = '/axe.min.js'

/** Runs axe over the UI's host element; axe 4 walks open shadow roots. */
const axe = async (page: Tab): Promise<AxeReport> => {
  // The page loads it from the test server, as it loads any script: handed over inline, its 0.5 MB went through the
  // protocol (CDP, BiDi) for every page, 0.5–1.1 s a page against 0.2–0.7 s (measured, both browsers).
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH })
  await settled(page)
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof Axe }
    const r = await axe.run({ include: [['[data-consentry]']] })
    const lines = (results: Axe.Result[]) =>
      results.flatMap((v) => v.nodes.map((n) => `${v.id} ${v.impact}: ${JSON.stringify(n.target)} — ${n.failureSummary}`))
    return {
      violations: lines(r.violations),
      passed: r.passes.map((p) => p.id),
      undecidedContrast: lines(r.incomplete.filter((v) => v.id === 'color-contrast')),
    }
  })
}

const expectClean = (report: AxeReport): void => {
  expect(report.violations).toEqual([])
  expect(report.undecidedContrast).toEqual([])
  expect(report.passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'aria-dialog-name']))
}

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, { routes: { [AXE_PATH]: { body: AXE_SOURCE, type: 'text/javascript; charset=utf-8' } } })

  describe('axe-core', () => {
    it.each([
      ['light, left to right', 'en', 'light', 'bar'],
      ['dark, left to right', 'en', 'dark', 'bar'],
      ['light, right to left (Arabic)', 'ar', 'light', 'bar'],
      ['dark, right to left (Hebrew)', 'he', 'dark', 'bar'],
      ['light, modal over its backdrop', 'en', 'light', 'modal'],
    ])('finds no violation in the banner or the preferences: %s', async (_, lang, theme, layout) => {
      const { page } = suite
      await openPage(suite, { lang, config: uiConfig({ theme, layout }) })
      await bannerOf(page).waitFor()
      await expect(bannerOf(page).getAttribute('dir')).resolves.toBe(lang === 'en' ? 'ltr' : 'rtl')
      expectClean(await axe(page))

      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      // With a category and its cookie table open, so the closed rows, the open row and the table are all checked.
      await openCategory(page, 'analytics')
      await page.locator('[part=preferences] [aria-controls=consentry-s-posthog-t]').click()
      await page.locator('[part=cookie-table]').waitFor()
      expectClean(await axe(page))
    })

    it('finds no violation when the banner is back after a revision change and says so, in bold, in both themes', async () => {
      const { page } = suite
      await openPage(suite)
      await bannerButton(page, 'accept-all').click()
      for (const theme of ['light', 'dark']) {
        await openPage(suite, { config: { ...(uiConfig({ theme }) as object), revision: 7 } }, { path: `/revised-${theme}.html` })
        const line = page.locator('[part=banner] [part=text] > strong[part=revised]:first-child')
        await expect.poll(() => line.textContent()).toBe('What we ask your consent for has changed since you last chose. ')
        const weight = () => getComputedStyle(document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[part=revised]')!).fontWeight
        expect(Number(await page.evaluate(weight))).toBeGreaterThanOrEqual(600)
        expectClean(await axe(page))
      }
    })

    it('does report problems inside the shadow root (control)', async () => {
      const { page } = suite
      await openPage(suite)
      await bannerOf(page).waitFor()
      await page.evaluate(() => {
        const banner = document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[part=banner]')!
        const faint = document.createElement('p')
        faint.textContent = 'Hard to read'
        faint.style.color = '#d0d0d0'
        banner.append(document.createElement('button'), faint)
      })
      const ids = (await axe(page)).violations.map((v) => v.split(' ')[0])
      expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']))
    })
  })

  describe('strict CSP', () => {
    it(`shows the banner, loads a language and the preferences with import(), and violates nothing: ${STRICT_CSP}`, async () => {
      const { page, server } = suite
      const csp: string[] = []
      // Chromium reports a violation as a console error, Firefox as a page error: hear both.
      page.on('console', (m) => /content.security.policy/i.test(m.text()) && csp.push(m.text()))
      page.on('pageerror', (e) => /content.security.policy/i.test(String(e)) && csp.push(String(e)))
      // The listener is a same-origin file: an inline one would itself be refused. It runs before Consentry.
      server.route('/csp-watch.js', {
        type: 'text/javascript; charset=utf-8',
        body: `window.seen = { violations: [] }
document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(e.violatedDirective + ' ' + e.blockedURI))`,
      })
      await openPage(suite, { lang: 'de', head: '<script src="/csp-watch.js"></script>' }, { path: '/csp.html', headers: { 'Content-Security-Policy': STRICT_CSP } })

      const banner = bannerOf(page)
      await banner.waitFor()
      await expect(banner.locator('h2').textContent()).resolves.toBe('Ihre Privatsphäre ist uns wichtig')
      // The stylesheet applied (constructed stylesheets are not inline styles to CSP).
      expect(await banner.evaluate((b) => getComputedStyle(b).position)).toBe('fixed')
      await bannerButton(page, 'preferences').click()
      await prefsOf(page).waitFor()
      expect(await prefsOf(page).evaluate((p) => getComputedStyle(p).display)).toBe('flex')
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
      expect(loaded).toEqual(expect.arrayContaining(['/dist/consentry.min.js', '/dist/i18n/de.mjs', '/dist/consentry-preferences.mjs']))

      expect(await page.evaluate(() => window.seen.violations)).toEqual([])
      expect(csp).toEqual([])

      // Control: the listener does hear a violation from inside the shadow root.
      await page.evaluate(() => {
        const style = document.createElement('style')
        style.textContent = 'p{color:red}'
        document.querySelector('[data-consentry]')!.shadowRoot!.append(style)
      })
      await expect.poll(() => page.evaluate(() => window.seen.violations.length)).toBe(1)
      expect(await page.evaluate(() => window.seen.violations[0])).toMatch(/^style-src-elem inline/)
      // The control's own report is expected (and heard); nothing else may be in the log.
      await expect.poll(() => csp.length).toBe(1)
      suite.log.errors = suite.log.errors.filter((e) => !/content.security.policy/i.test(e))
    })
  })
})
