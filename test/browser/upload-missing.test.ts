/**
 * A site owner's upload with one on-demand file missing, in Chromium and Firefox:
 * one error that names its URL and the fix, and the visitor's path still open.
 */
import { describe, expect, it } from 'vitest'
import { de } from '../../src/ui/i18n/de.js'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import type { SiteServer } from './harness.js'
import { consentryErrors, readmeList, uploadSuite } from './upload-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const { suite, banner, prefs, video, player, snapshot, gaRuns, ...up } = uploadSuite(browserName)
  let page: Tab
  let log: PageLog
  let site: SiteServer | undefined
  const open: typeof up.open = async (...args) => {
    const origin = await up.open(...args)
    ;({ page, log } = suite)
    site = up.site()
    return origin
  }


  /** The one error Consentry logs for `file`, and that every other error is the browser's own report of that 404. */
  const expectOneError = async (origin: string, file: string): Promise<string> => {
    const url = `${origin}/assets/${file}`
    // Said two seconds after the failure, once the page is known not to be going away.
    await expect.poll(() => consentryErrors(log).length, { timeout: 5000 }).toBe(1)
    const [error] = consentryErrors(log)
    expect(error).toContain(url)
    expect(error).toContain(`upload ${file}`)
    expect(error).toContain('ui.assetsUrl')
    expect(error).toContain('consentry.all.min.js')
    // Besides it, only the browser's own report of the failed request (Chromium: a bare 404 line; Firefox: the module's
    // URL, "blocked because of a disallowed MIME type" of the 404 page), never an uncaught rejection or a CSP violation.
    for (const other of log.errors.filter((e) => e != error))
      expect(other.includes(url) || /^Failed to load resource: the server responded with a status of 404/.test(other), other).toBe(true)
    expect(site!.hits.filter((h) => h.status != 200).map((h) => h.path)).toEqual(expect.arrayContaining([`/assets/${file}`]))
    // The errors checked here are the ones this test expects: the suite fails it on any other.
    suite.expected.push(/^\[consentry\] /, new RegExp(url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), /^Failed to load resource: the server responded with a status of 404/)
    return error!
  }

  it('consentry-preferences.mjs missing: one error naming its URL and the fix, and Manage preferences still leads to choices that decide', async () => {
    const origin = await open((await readmeList()).filter((f) => f != 'consentry-preferences.mjs'))
    await banner().waitFor()
    expect(await banner().locator('h2').textContent()).toBe(de.bannerTitle)
    // Fetched ahead as the visitor approaches Manage preferences (here by keyboard focus): the error is there before anyone clicks.
    await banner().getByRole('button', { name: de.manage }).focus()
    await expectOneError(origin, 'consentry-preferences.mjs')

    // Manage preferences: a checkbox per category, in German, none ticked, and Save; keyboard only.
    await banner().getByRole('button', { name: de.manage }).click()
    await prefs().waitFor()
    expect(await prefs().locator('h2').textContent()).toBe(de.preferencesTitle)
    const analytics = prefs().getByRole('checkbox', { name: de.categories.analytics!.name })
    const marketing = prefs().getByRole('checkbox', { name: de.categories.marketing!.name })
    expect([await analytics.evaluate((b: HTMLInputElement) => b.checked), await marketing.evaluate((b: HTMLInputElement) => b.checked)]).toEqual([false, false])
    await page.keyboard.press('Tab')
    await expect.poll(() => analytics.evaluate((b: HTMLInputElement) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect.poll(() => prefs().getByRole('button', { name: de.save }).evaluate((b: HTMLElement) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(gaRuns).toBe(1)
    expect(await snapshot()).toMatchObject({ decided: true, method: 'preferences', categories: { analytics: true, marketing: false } })
    expect(await prefs().count()).toBe(0)

    // The way back: the footer link opens the same checkboxes, now as decided; unticking withdraws.
    await page.getByRole('link', { name: 'Cookie-Einstellungen' }).click()
    await prefs().waitFor()
    expect(await analytics.evaluate((b: HTMLInputElement) => b.checked)).toBe(true)
    await analytics.click()
    await prefs().getByRole('button', { name: de.save }).click()
    await expect.poll(async () => (await snapshot()).categories.analytics).toBe(false)
    // Each open asked for the file again: still one error.
    await page.waitForTimeout(2500)
    expect(consentryErrors(log)).toHaveLength(1)
  })

  it('consentry-extras.mjs missing: one error naming its URL and the fix, and the video still gets a placeholder that loads it', async () => {
    const origin = await open((await readmeList()).filter((f) => f != 'consentry-extras.mjs'))
    await banner().waitFor()
    await expectOneError(origin, 'consentry-extras.mjs')
    const load = player().getByRole('button', { name: de.embedLoad })
    await load.waitFor()
    expect(await player().locator('p').textContent()).toBe(de.embedText.replaceAll('{service}', 'YouTube'))
    expect(await video().getAttribute('src')).toBeNull()
    await load.click()
    await expect.poll(() => video().getAttribute('src')).toBe('/embed/video.html')
    await player().locator('#video').waitFor()
    expect(await snapshot()).toMatchObject({ decided: true, method: 'embed', categories: { analytics: false, marketing: false }, services: { youtube: true } })
    expect(await gaRuns()).toBe(0)
    // The preferences centre still opens, from the footer's link (the floating button is an extra: it is not there).
    await page.getByRole('link', { name: 'Cookie-Einstellungen' }).click()
    await prefs().getByRole('switch', { name: de.categories.analytics!.name }).waitFor()
    await page.waitForTimeout(2500)
    expect(consentryErrors(log)).toHaveLength(1)
  })

  it('a visitor who leaves while a file is still on its way hears nothing about it (Firefox rejects the cut-short load)', async () => {
    let asked = false
    const slow = (path: string) => (path == '/assets/consentry-preferences.mjs' ? ((asked = true), 1500) : 0)
    await open(await readmeList(), 'consentry.min.js', slow)
    await banner().waitFor()
    // The preferences centre is being fetched ahead (focus reached Manage preferences); the visitor follows a link meanwhile.
    await banner().getByRole('button', { name: de.manage }).focus()
    await expect.poll(() => asked, { timeout: 5000 }).toBe(true)
    await page.goto(`${site!.origin}/embed/video.html`)
    await page.waitForTimeout(3000)
    expect(log.errors).toEqual([])
  })

  it('i18n/de.mjs missing: one error saying the banner is in English until it is uploaded, and the banner comes in English', async () => {
    const origin = await open((await readmeList()).filter((f) => f != 'i18n/'))
    await banner().waitFor()
    expect(await banner().locator('h2').textContent()).toBe('We value your privacy')
    const error = await expectOneError(origin, 'i18n/de.mjs')
    expect(error).toContain('English')
  })
})
