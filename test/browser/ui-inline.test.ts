/**
 * The preferences centre shown inline on a privacy page (`<div data-consentry-preferences>`), in real Chromium and
 * Firefox ESR against dist/ under a strict CSP: a section of the page, in its flow and its Tab order, that a
 * visitor's clicks decide from, which follows a decision made in the dialog, and fits a 390 px phone.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type * as Axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { BROWSERS, type Tab } from './driver.js'
import { consentryPage } from './pages.js'
import { bannerOf, CONTENT, focused, snapshot, uiConfig } from './ui-helpers.js'
import { browserSuite } from './suite.js'

const PRIVACY = `<main><h1>Privacy policy</h1><p>What we collect, and why.</p>
<h2>Cookie settings</h2><div id="settings" data-consentry-preferences></div><p><a id="after" href="#top">Back to top</a></p></main>
<script type="text/plain" data-consent="analytics" data-service="posthog" src="/stats.js"></script>`
const inline = (page: Tab, selector: string) => page.locator(`#settings >>> ${selector}`)
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
/** axe-core over the section's host (axe 4 walks open shadow roots): the failing nodes, and the rules that passed. */
const axe = async (page: Tab) => {
  // Loaded from the test server, as in ui-a11y.test.ts (inline, its 0.5 MB would go through the protocol).
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/axe.min.js' })
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof Axe }).axe.run({ include: [['[data-consentry-embed]']] })
    return {
      violations: r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${n.failureSummary}`)),
      undecided: r.incomplete.filter((v) => v.id == 'color-contrast').flatMap((v) => v.nodes.map((n) => JSON.stringify(n.target))),
      passed: r.passes.map((p) => p.id),
    }
  })
}
const checked = (page: Tab, id: string) => inline(page, `[role=switch][aria-labelledby=consentry-${id}]`).getAttribute('aria-checked')

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, {
    routes: { '/stats.js': { body: 'window.ranStats = true', type: 'text/javascript' }, '/axe.min.js': { body: AXE_SOURCE, type: 'text/javascript; charset=utf-8' } },
  })

  it('a first visit to the privacy page: the banner and the section both show; Save there decides, with no CSP violation', async () => {
    const { page, server } = suite
    await page.addInitScript(() => {
      ;(window as unknown as { violations: string[] }).violations = []
      addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    })
    const url = server.route('/privacy.html', { body: consentryPage({ body: PRIVACY + CONTENT, config: uiConfig() }), headers: { 'Content-Security-Policy': "default-src 'self'" } })
    await page.goto(url)
    await bannerOf(page).waitFor()
    const region = inline(page, '[part=preferences]')
    await region.waitFor()
    expect(await region.getAttribute('role')).toBe('region')
    // In the page's flow, not drawn over it: after the heading above it and before the link below it.
    const [heading, box, after] = (await page.evaluate(() =>
      ['h2', '#settings', '#after'].map((s) => document.querySelector(s)!.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })),
    )) as { top: number; bottom: number }[]
    expect(box!.top).toBeGreaterThanOrEqual(heading!.bottom)
    expect(after!.top).toBeGreaterThanOrEqual(box!.bottom)
    expect(box!.bottom - box!.top).toBeGreaterThan(100)
    expect(await checked(page, 'c-analytics')).toBe('false')
    expect(await page.evaluate(() => !!(window as { ranStats?: boolean }).ranStats)).toBe(false)

    await inline(page, '[role=switch][aria-labelledby=consentry-c-analytics]').click()
    await expect.poll(() => checked(page, 'c-analytics')).toBe('true')
    await inline(page, '[data-consentry-action=save]').click()
    await expect.poll(async () => (await snapshot(page)).decided).toBe(true)
    expect(await snapshot(page)).toMatchObject({ method: 'preferences', categories: { analytics: true, marketing: false } })
    await expect.poll(() => page.evaluate(() => !!(window as { ranStats?: boolean }).ranStats)).toBe(true)
    await bannerOf(page).waitFor({ state: 'hidden' })
    await expect.poll(() => inline(page, '[part=saved]').textContent()).toBe('Your choices have been saved.')
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
  })

  it('follows a decision made in the dialog, and is in the page’s Tab order, between what is before and after it', async () => {
    const { page, server } = suite
    await page.goto(server.route('/privacy-2.html', { body: consentryPage({ body: PRIVACY + CONTENT, config: uiConfig() }) }))
    await bannerOf(page).waitFor()
    await inline(page, '[part=preferences]').waitFor()
    // The banner's Accept all: the section's switches turn on without a reload.
    await page.locator('[part=banner] [data-consentry-action=accept-all]').click()
    await expect.poll(() => checked(page, 'c-marketing')).toBe('true')
    // The footer's link opens the dialog; Reject all there turns them off here.
    await page.locator('footer a[data-consentry-open]').click()
    await page.locator('[data-consentry] >>> [part=preferences] [data-consentry-action=reject-all]').click()
    await expect.poll(() => checked(page, 'c-marketing')).toBe('false')
    expect(await snapshot(page)).toMatchObject({ method: 'preferences', categories: { analytics: false, marketing: false } })
    // Keyboard: from the paragraph before it, Tab reaches the section's first control; Shift+Tab from the link after
    // it reaches its last one (Save).
    await page.evaluate(() => {
      const p = document.querySelector('main p')!
      p.setAttribute('tabindex', '-1')
      ;(p as HTMLElement).focus()
    })
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/^preferences /)
    expect(await page.evaluate(() => document.activeElement?.closest('#settings') != null)).toBe(true)
    await page.evaluate(() => document.querySelector<HTMLElement>('#after')!.focus())
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('preferences save')
    expect(await page.evaluate(() => document.activeElement?.closest('#settings') != null)).toBe(true)
  })

  it('axe-core finds no violation in the section, light and dark, with a category and its cookie table open', async () => {
    const { page, server } = suite
    for (const theme of ['light', 'dark']) {
      await page.goto(server.route(`/privacy-${theme}.html`, { body: consentryPage({ body: PRIVACY + CONTENT, config: uiConfig({ theme }) }) }))
      await inline(page, '[part=preferences]').waitFor()
      await inline(page, '[aria-controls=consentry-c-analytics-p]').click()
      await inline(page, '[aria-controls=consentry-s-posthog-t]').click()
      await inline(page, '[part=cookie-table]').waitFor()
      const report = await axe(page)
      expect(report.violations).toEqual([])
      expect(report.undecided).toEqual([])
      expect(report.passed).toEqual(expect.arrayContaining(['color-contrast', 'button-name', 'aria-allowed-role', 'empty-table-header']))
    }
  })

  it('fits a 390 px phone in German: no sideways scrolling, every label whole', async () => {
    const { page, server } = suite
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(server.route('/privacy-de.html', { body: consentryPage({ lang: 'de', body: PRIVACY + CONTENT, config: uiConfig() }) }))
    await inline(page, '[part=preferences]').waitFor()
    await expect.poll(() => inline(page, '[data-consentry-action=save]').textContent()).toBe('Auswahl speichern')
    const fit = await page.evaluate(() => {
      const root = document.querySelector('#settings [data-consentry-embed]')!.shadowRoot!
      const buttons = [...root.querySelectorAll('button')].filter((b) => b.offsetParent)
      return {
        page: document.documentElement.scrollWidth <= innerWidth,
        region: root.querySelector('[part=preferences]')!.getBoundingClientRect().right <= innerWidth,
        // A label cut short or spilling out of its button.
        clipped: buttons.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent),
      }
    })
    expect(fit).toEqual({ page: true, region: true, clipped: [] })
  })
})
