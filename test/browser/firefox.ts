/**
 * Firefox ESR (Debian's `firefox-esr`) driven by puppeteer-core over WebDriver
 * BiDi, on a fresh profile. Never downloads a browser: a missing Firefox fails
 * the suite. Prefs are real Firefox prefs (GPC from
 * `privacy.globalprivacycontrol.enabled`, every host name resolved to 127.0.0.1
 * so the page and the "tracker" are two origins on this machine).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'

export const FIREFOX = '/usr/bin/firefox-esr'

export interface Firefox {
  browser: Browser
  /** A new tab in a fresh browser context (a first-time visitor); its uncaught errors and console errors are collected in `errors`. */
  page(): Promise<{ page: Page; errors: string[] }>
  close(): Promise<void>
}

export const launchFirefox = async (prefs: Record<string, unknown> = {}): Promise<Firefox> => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX}: install it (apt-get install -y firefox-esr); the suite does not skip`)
  const dir = await mkdtemp(join(tmpdir(), 'consentry-firefox-'))
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: dir,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      // No calls home from a test profile.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      ...prefs,
    },
  })
  return {
    browser,
    async page() {
      const page = await (await browser.createBrowserContext()).newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
      return { page, errors }
    },
    close: async () => {
      await browser.close().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Polls `get` until `ok` holds (or throws after `ms`). */
export const until = async <T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> => {
  const end = Date.now() + ms
  for (;;) {
    const v = await get()
    if (ok(v)) return v
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
