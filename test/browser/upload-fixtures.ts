/**
 * What the upload suites (upload-*.test.ts) share: the files the README lists,
 * a German coffee shop's site written into a fresh static folder, and a browser
 * suite whose visitor walks through it.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect } from 'vitest'
import { de } from '../../src/ui/i18n/de.js'
import type { BrowserName, PageLog, Tab } from './driver.js'
import { DIST, serveDirectory, type SiteServer } from './harness.js'
import { browserSuite } from './suite.js'
import type { Snapshot } from './pages.js'

export const README = fileURLToPath(new URL('../../README.md', import.meta.url))
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'"

/**
 * What the README tells a site owner to upload: the first token of each line of
 * the first code block after "Without a build step" (`i18n/` is the folder).
 */
export const readmeList = async (): Promise<string[]> => {
  const text = await readFile(README, 'utf8')
  const from = text.indexOf('Without a build step')
  const block = /```text\n([\s\S]*?)```/.exec(text.slice(from))
  if (from < 0 || !block) throw new Error('README: no list of files to upload after "Without a build step"')
  return block[1]!.trim().split('\n').map((line) => line.split(/\s+/)[0]!)
}

/** Copies `names` (files, or folders ending in `/`) from dist/ into `dir/assets/`, and nothing else of Consentry. */
export const upload = async (dir: string, names: string[]): Promise<void> => {
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

export const CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'google-analytics', label: 'Google Analytics', hosts: ['www.googletagmanager.com'] }] },
    { id: 'marketing', services: [{ id: 'youtube', label: 'YouTube', hosts: ['www.youtube-nocookie.com'] }, { id: 'meta-pixel', label: 'Meta Pixel', hosts: ['connect.facebook.net'] }] },
  ],
  revision: 1,
}

/** The coffee shop's own files: the page, its Google tag (served locally) and the video's player page. */
export const writeSite = async (dir: string, script: string): Promise<void> => {
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
export const reportCsp = () => {
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
}

export const consentryErrors = (log: PageLog) => log.errors.filter((e) => e.includes('[consentry]'))

/** A browser suite on an uploaded site of each test's own, with the parts of its page at hand. */
export const uploadSuite = (browserName: BrowserName) => {
  // Each test opens its tab on the site it uploads.
  const suite = browserSuite(browserName, { start: () => null })
  let page: Tab
  let dir: string
  let site: SiteServer | undefined

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consentry-upload-'))
  })
  // The tab first, then the site: a request the page still makes (its favicon, a frame loading after the last
  // check) would otherwise meet a closed port, and its "net::ERR_CONNECTION_REFUSED" reach the log that the suite's
  // own afterEach checks after this one (vitest runs after-hooks in reverse order).
  afterEach(async () => {
    await page?.close().catch(() => {})
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

  return { suite, open, banner, prefs, video, player, snapshot, gaRuns, walkThrough, site: () => site }
}
