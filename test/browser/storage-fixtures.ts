/**
 * What the script-tag storage suites (storage-*.test.ts) share: a browser suite
 * with a page at `url`, and reads and writes of what a visitor's tabs hold.
 */
import { beforeAll } from 'vitest'
import { watch, type BrowserName, type Tab } from './driver.js'
import { browserSuite, type BrowserSuite } from './suite.js'
import { consentryPage, type Snapshot } from './pages.js'

export interface StorageSuite extends BrowserSuite {
  /** A page with Consentry's script tag and the test config. */
  url: string
}

export const storageSuite = (browserName: BrowserName): StorageSuite => {
  const suite = browserSuite(browserName) as StorageSuite
  beforeAll(() => {
    suite.url = suite.server.route('/storage.html', { body: consentryPage() })
  })
  return suite
}

/** Opens another tab of the same visitor on `target`. */
export const openTab = async ({ session, log }: BrowserSuite, target: string): Promise<Tab> => {
  const tab = await session.context().newPage()
  watch(tab, log)
  await tab.goto(target)
  return tab
}
/**
 * The `consentry` cookies in the browser's cookie store. A page's document.cookie
 * writes reach that store asynchronously, so wait (briefly) until it agrees
 * with what the page itself sees.
 */
export const jarCookies = async ({ page, session, server }: BrowserSuite) => {
  const seenByPage = await page.evaluate(() => document.cookie.split('; ').find((c) => c.startsWith('consentry='))?.slice(10) ?? null)
  for (let i = 0; ; i++) {
    const jar = (await session.context().cookies(server.origin)).filter((c) => c.name === 'consentry')
    if ((jar[0]?.value ?? null) === seenByPage || i == 50) return jar
    await new Promise((r) => setTimeout(r, 20))
  }
}
export const snapshot = (p: Tab): Promise<Snapshot> => p.evaluate(() => Consentry.get())
export const local = (p: Tab): Promise<string | null> => p.evaluate(() => localStorage.getItem('consentry'))
/** Counts `on('change')` calls and `consentry:change` events in a page from now on. Once per page: listeners stay. */
export const listen = (p: Tab): Promise<void> =>
  p.evaluate(() => {
    window.seen = { change: [], events: [], commands: [], granted: [], violations: [] }
    Consentry.on('change', (s) => seen.change.push(s))
    addEventListener('consentry:change', (e) => seen.events.push((e as CustomEvent<Snapshot>).detail))
  })
export const seenIn = (p: Tab) => p.evaluate(() => ({ change: seen.change, events: seen.events }))
/** Writes both copies in the page, as a script (or a visitor in devtools) could. */
export const store = (p: Tab, value: string): Promise<void> =>
  p.evaluate((v) => {
    document.cookie = `consentry=${v}; path=/; SameSite=Lax`
    localStorage.setItem('consentry', v)
  }, value)
