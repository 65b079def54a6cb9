/**
 * One driver for both real browsers: puppeteer-core drives Debian's Chromium
 * over CDP and Firefox ESR over WebDriver BiDi, and every suite is written once
 * against {@link Tab} (tab.ts, locators: locator.ts). What differs per browser
 * says why: how each is launched (here), GPC and cookie blocking (tab.ts), media
 * emulation and the text of a console entry (browser-quirks.ts).
 */
import { existsSync, rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'
import { inject } from 'vitest'
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

/**
 * A protocol call (CDP or BiDi) with no answer fails after this, naming its method, instead of after puppeteer's
 * default 180 s, which outlasts every test's timeout and leaves only vitest's bare "timed out".
 */
const PROTOCOL_TIMEOUT = 45_000

const launchBrowser = (name: BrowserName, options: LaunchOptions, userDataDir: string): Promise<Browser> => {
  const defaultViewport = { width: 1280, height: 720 }
  if (name === 'chromium') {
    const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    if (options.testHosts) args.push('--host-resolver-rules=MAP *.test 127.0.0.1')
    if (!options.bfcache) args.push('--disable-back-forward-cache')
    return puppeteer.launch({ browser: 'chrome', executablePath: CHROMIUM, headless: true, userDataDir, defaultViewport, protocolTimeout: PROTOCOL_TIMEOUT, args })
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
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir, defaultViewport, protocolTimeout: PROTOCOL_TIMEOUT, extraPrefsFirefox, args: options.firefox?.args })
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
  /** Closes this session's visitor (its context), leaving the browser running for the next file ({@link sharedLaunch}). */
  release(): Promise<void>
  readonly browser: Browser
  /** The throwaway profile folder. */
  readonly dir: string
}

export const launch = async (name: BrowserName, options: LaunchOptions = {}): Promise<Session> => {
  const path = name === 'chromium' ? CHROMIUM : FIREFOX
  if (!existsSync(path)) throw new Error(`${name} not found at ${path}: install it (apt-get install -y ${name === 'chromium' ? 'chromium' : 'firefox-esr'}); the suite does not skip`)
  // Inside the run's folder (profiles.ts), which the run removes at its end whatever happened to the worker.
  const dir = await mkdtemp(join(inject('profiles') ?? tmpdir(), `consentry-${name}-`))
  const browser = await launchBrowser(name, options, dir)
  let current: Ctx | null = null
  return {
    name,
    browser,
    dir,
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
    release: async () => {
      const old = current
      current = null
      await old?.close()
    },
  }
}

/**
 * One browser per kind and launch options for all the files a vitest worker runs (the browser suite runs its files
 * without isolation, so this module, and the browsers, outlive a file): a launch is 1 s of Chromium's and 5 s of
 * Firefox ESR's start-up, paid once per worker instead of once per file. Every test still starts as a new visitor
 * (a browser context of its own: its own cookies, storage and cache), and a file releases its last one when it ends.
 * The browsers and their profiles go when the worker exits.
 */
const shared = new Map<string, Promise<Session>>()
const running: Session[] = []
export const sharedLaunch = (name: BrowserName, options: LaunchOptions = {}): Promise<Session> => {
  const key = `${name} ${JSON.stringify(options)}`
  let session = shared.get(key)
  if (!session) {
    session = launch(name, options)
    // A launch that failed is tried again by the next file, not handed out broken.
    session.then((s) => running.push(s), () => shared.delete(key))
    shared.set(key, session)
  }
  return session
}
// The worker is going: its browsers with it (synchronously: no promise runs after 'exit'), and their profiles.
process.once('exit', () => {
  for (const s of running) {
    s.browser.process()?.kill('SIGKILL')
    try {
      rmSync(s.dir, { recursive: true, force: true, maxRetries: 3 })
    } catch {
      // A file the dying browser still held: the system's temp folder is cleared anyway.
    }
  }
})

