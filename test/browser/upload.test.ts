/**
 * A site owner's first upload, as a new user does it: a fresh static folder
 * with only the files the README lists (copied from dist/), or the single
 * file, served under a strict CSP, and a German coffee shop's page — a Google
 * Analytics tag and a YouTube embed waiting for consent — walked through by a
 * visitor: the banner in German, Manage preferences, Save, the video's
 * placeholder and Load content, a reload that keeps the decision. Then the
 * same page with one on-demand file missing: one error that names its URL and
 * the fix, and the visitor's path still open.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { de } from '../../src/ui/i18n/de.js'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import { DIST, serveDirectory, type SiteServer } from './harness.js'
import { browserSuite } from './suite.js'
import type { Snapshot } from './pages.js'

const README = fileURLToPath(new URL('../../README.md', import.meta.url))
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'"

/**
 * What the README tells a site owner to upload: the first token of each line of
 * the first code block after "Without a build step" (`i18n/` is the folder).
 */
const readmeList = async (): Promise<string[]> => {
  const text = await readFile(README, 'utf8')
  const from = text.indexOf('Without a build step')
  const block = /```text\n([\s\S]*?)```/.exec(text.slice(from))
  if (from < 0 || !block) throw new Error('README: no list of files to upload after "Without a build step"')
  return block[1]!.trim().split('\n').map((line) => line.split(/\s+/)[0]!)
}

/** Copies `names` (files, or folders ending in `/`) from dist/ into `dir/assets/`, and nothing else of Consentry. */
const upload = async (dir: string, names: string[]): Promise<void> => {
  for (const name of names) {
    const to = join(dir, 'assets', name)
    if (name.endsWith('/')) {
      await mkdir(to, { recursive: true })
      for (const f of await readdir(join(DIST, name))) await copyFile(join(DIST, name, f), join(to, f))
    } else {
      await mkdir(dirname(to), { recursive: true })
      await copyFile(join(DIST, name), to)
    }
  }
}

const CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'google-analytics', label: 'Google Analytics', hosts: ['www.googletagmanager.com'] }] },
    { id: 'marketing', services: [{ id: 'youtube', label: 'YouTube', hosts: ['www.youtube-nocookie.com'] }, { id: 'meta-pixel', label: 'Meta Pixel', hosts: ['connect.facebook.net'] }] },
  ],
  revision: 1,
}

/** The coffee shop's own files: the page, its Google tag (served locally) and the video's player page. */
const writeSite = async (dir: string, script: string): Promise<void> => {
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Café Lindenblatt</title>
<script type="application/json" data-consentry-config>${JSON.stringify(CONFIG)}</script>
<script src="/assets/${script}"></script>
<script type="text/plain" data-consent="analytics" data-service="google-analytics" src="/gtag.js"></script>
</head>
<body>
<h1>Café Lindenblatt</h1>
<p>Frisch gerösteter Kaffee in der Altstadt.</p>
<iframe title="Unser Café im Video" width="560" height="315" data-consent="marketing" data-service="youtube" data-src="/embed/video.html"></iframe>
<footer><a href="/datenschutz.html" data-consentry-open>Cookie-Einstellungen</a></footer>
</body>
</html>
`,
  )
  await writeFile(join(dir, 'gtag.js'), 'window.gaRuns = (window.gaRuns || 0) + 1\n')
  await mkdir(join(dir, 'embed'))
  await writeFile(join(dir, 'embed', 'video.html'), '<!doctype html><html lang="de"><title>Video</title><p id="video">Unser Café im Video</p></html>\n')
}

/** Reports every CSP violation as a console error, which fails the test. */
const reportCsp = () => {
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
}

const consentryErrors = (log: PageLog) => log.errors.filter((e) => e.includes('[consentry]'))

describe.each(BROWSERS)('%s', (browserName) => {
  // Each test opens its tab on the site it uploads.
  const suite = browserSuite(browserName, { start: () => null })
  let page: Tab
  let log: PageLog
  let dir: string
  let site: SiteServer | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consentry-upload-'))
  })
  afterEach(async () => {
    await site?.close()
    site = undefined
    await rm(dir, { recursive: true, force: true })
  })

  /** Uploads `files`, writes the site for `script`, serves it, and opens a first-time visitor's tab on it. */
  const open = async (files: string[], script = 'consentry.min.js', delay?: (path: string) => number): Promise<string> => {
    await upload(dir, files)
    await writeSite(dir, script)
    site = await serveDirectory(dir, { 'Content-Security-Policy': CSP }, delay)
    page = await suite.visit(`${site.origin}/__blank`)
    log = suite.log
    await page.addInitScript(reportCsp)
    await page.goto(`${site.origin}/`)
    return site.origin
  }

  const banner = () => page.locator('[data-consentry] >>> [part=banner]')
  const prefs = () => page.locator('[data-consentry] >>> [part=preferences]')
  const video = () => page.locator('iframe')
  const player = () => page.frameLocator('iframe')
  const snapshot = () => page.evaluate(() => Consentry.get() as Snapshot)
  const gaRuns = () => page.evaluate(() => (window as unknown as { gaRuns?: number }).gaRuns ?? 0)

  /** The visitor's walk through the German page, with every part of the UI at hand. */
  const walkThrough = async (): Promise<void> => {
    // The banner, in German from its first frame.
    await banner().waitFor()
    expect(await banner().getAttribute('lang')).toBe('de')
    expect(await banner().locator('h2').textContent()).toBe(de.bannerTitle)
    expect(await gaRuns()).toBe(0)

    // Manage preferences opens the preferences centre; analytics on, Save.
    await banner().getByRole('button', { name: de.manage }).click()
    await prefs().waitFor()
    expect(await prefs().locator('h2').textContent()).toBe(de.preferencesTitle)
    await prefs().getByRole('switch', { name: de.categories.analytics!.name }).click()
    await prefs().getByRole('button', { name: de.save }).click()
    await expect.poll(gaRuns).toBe(1)
    expect(await snapshot()).toMatchObject({ decided: true, method: 'preferences', categories: { analytics: true, marketing: false } })

    // The video waits behind its placeholder, in German; Load content allows YouTube alone and loads it.
    const load = player().getByRole('button', { name: de.embedLoad })
    await load.waitFor()
    expect(await player().locator('p').textContent()).toBe(de.embedText.replaceAll('{service}', 'YouTube'))
    expect(await video().getAttribute('src')).toBeNull()
    await load.click()
    await expect.poll(() => video().getAttribute('src')).toBe('/embed/video.html')
    await player().locator('#video').waitFor()
    expect(await snapshot()).toMatchObject({ method: 'embed', categories: { analytics: true, marketing: false }, services: { youtube: true } })

    // A reload keeps the decision: no banner, the tag runs at once, the video loads.
    await page.reload()
    await page.waitForFunction(() => typeof Consentry == 'object' && Consentry.get().decided)
    await expect.poll(gaRuns).toBe(1)
    await expect.poll(() => video().getAttribute('src')).toBe('/embed/video.html')
    expect(await banner().count()).toBe(0)
    expect(await snapshot()).toMatchObject({ categories: { analytics: true, marketing: false }, services: { 'google-analytics': true, youtube: true } })
  }

  it('a site that uploads the files the README lists: banner, preferences and placeholder in German, and the decision kept', async () => {
    const files = await readmeList()
    expect(files).toContain('consentry.min.js')
    const origin = await open(files)
    await walkThrough()
    expect(log.errors).toEqual([])
    // Every file the page asked for was there.
    expect(site!.hits.filter((h) => h.status != 200)).toEqual([])
    const fetched = site!.hits.map((h) => h.path)
    expect(fetched).toEqual(expect.arrayContaining(['/assets/consentry-preferences.mjs', '/assets/consentry-extras.mjs', '/assets/i18n/de.mjs']))
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:/)
  })

  it('a site that uploads only consentry.all.min.js: the same walk, and nothing else is fetched', async () => {
    await open(['consentry.all.min.js'], 'consentry.all.min.js')
    await walkThrough()
    expect(log.errors).toEqual([])
    expect(site!.hits.filter((h) => h.status != 200)).toEqual([])
    expect(site!.hits.map((h) => h.path).filter((p) => p.startsWith('/assets/'))).toEqual(['/assets/consentry.all.min.js', '/assets/consentry.all.min.js'])
  })

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
