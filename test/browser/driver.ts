/**
 * One driver for both real browsers: puppeteer-core drives Debian's Chromium
 * over CDP and Firefox ESR over WebDriver BiDi, and every suite is written once
 * against {@link Tab} (tab.ts, locators: locator.ts). What differs per browser
 * says why: how each is launched (here), GPC and cookie blocking (tab.ts), media
 * emulation and the text of a console entry (browser-quirks.ts).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'
import { Ctx, type Tab } from './tab.js'

export { Loc, type Box } from './locator.js'
export { Ctx, disableCookies, Tab, watch, type ConsoleLine, type Cookie, type PageLog } from './tab.js'
export type BrowserName = 'chromium' | 'firefox'
/** Every suite runs in each of these; `BROWSERS=chromium` narrows a local run (CI always runs both). */
export const BROWSERS: readonly BrowserName[] = (process.env.BROWSERS?.split(',') as BrowserName[] | undefined) ?? ['chromium', 'firefox']
export const CHROMIUM = '/usr/bin/chromium'
export const FIREFOX = '/usr/bin/firefox-esr'

/** Launch options that mean the same in both browsers. */
export interface LaunchOptions {
  /** Resolve every `*.test` host name to 127.0.0.1 (pages and "trackers" on two origins). */
  testHosts?: boolean
  /** Send `Sec-GPC: 1` and expose `navigator.globalPrivacyControl === true` (Firefox: the real pref). */
  gpc?: boolean
  /** Block all cookies for every site (Chromium: per tab through CDP, see {@link disableCookies}). */
  noCookies?: boolean
  /** Keep Chromium's back/forward cache on, as visitors have it (off otherwise). A restore fires no `load`: go back with `waitUntil: 'commit'`. */
  bfcache?: boolean
  /** Firefox only: extra command-line arguments and prefs (e.g. `--remote-allow-system-access` for the privileged scope). */
  firefox?: { args?: string[]; prefs?: Record<string, unknown> }
}

/** Launch options for {@link Tab.emulateMedia} and firefox-heap.ts in Firefox, which need its privileged scope over BiDi. */
export const SYSTEM_ACCESS: LaunchOptions = { firefox: { args: ['--remote-allow-system-access'] } }
export const MEDIA_EMULATION = SYSTEM_ACCESS

const launchBrowser = (name: BrowserName, options: LaunchOptions, userDataDir: string): Promise<Browser> => {
  const defaultViewport = { width: 1280, height: 720 }
  if (name === 'chromium') {
    const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    if (options.testHosts) args.push('--host-resolver-rules=MAP *.test 127.0.0.1')
    if (!options.bfcache) args.push('--disable-back-forward-cache')
    return puppeteer.launch({ browser: 'chrome', executablePath: CHROMIUM, headless: true, userDataDir, defaultViewport, args })
  }
  const prefs: Record<string, unknown> = {
    // No calls home from a test profile.
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    // Back/forward cache on, as for a visitor (it is Firefox's default; say so).
    'browser.sessionhistory.max_total_viewers': 8,
  }
  if (options.testHosts) prefs['network.dns.forceResolve'] = '127.0.0.1'
  if (options.gpc) prefs['privacy.globalprivacycontrol.enabled'] = true
  if (options.noCookies) prefs['network.cookie.cookieBehavior'] = 2
  const extraPrefsFirefox = { ...prefs, ...options.firefox?.prefs }
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir, defaultViewport, extraPrefsFirefox, args: options.firefox?.args })
}

/** A browser with a fresh profile; each {@link Session.visitor} is a first-time visitor (no cookies, no storage). */
export interface Session {
  readonly name: BrowserName
  /**
   * A first-time visitor's tab, left on `${origin}${start}` (default `/__blank`, which harness.ts's servers
   * serve; servers without it name a page of theirs, so no 404 reaches the console).
   */
  visitor(origin: string, start?: string): Promise<Tab>
  /** The current visitor's cookie jar and tabs. */
  context(): Ctx
  close(): Promise<void>
  readonly browser: Browser
}

export const launch = async (name: BrowserName, options: LaunchOptions = {}): Promise<Session> => {
  const path = name === 'chromium' ? CHROMIUM : FIREFOX
  if (!existsSync(path)) throw new Error(`${name} not found at ${path}: install it (apt-get install -y ${name === 'chromium' ? 'chromium' : 'firefox-esr'}); the suite does not skip`)
  const dir = await mkdtemp(join(tmpdir(), `consentry-${name}-`))
  const browser = await launchBrowser(name, options, dir)
  let current: Ctx | null = null
  return {
    name,
    browser,
    async visitor(origin, start = '/__blank') {
      // A new browser context is a visitor with an empty cookie jar and empty storage.
      const old = current
      current = new Ctx(await browser.createBrowserContext(), name, options)
      await old?.close()
      const tab = await current.newPage()
      // Bounded by the hook's timeout, not the 30 s of a navigation: a server in the test process (the demo's, with
      // PGlite) may answer its first page slowly on a loaded machine.
      await tab.page.goto(`${origin}${start}`, { waitUntil: 'load', timeout: 0 })
      return tab
    },
    context() {
      if (!current) throw new Error('no visitor yet: call visitor() first')
      return current
    },
    close: async () => {
      await browser.close().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}

