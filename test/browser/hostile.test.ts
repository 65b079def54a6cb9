/**
 * Hostile pages in real Chromium and Firefox ESR (part of issue #7): storage that is off,
 * throwing or full, a cookie deleted under the page, a foreign cookie with
 * our name, two copies of the script, a frozen Object.prototype. In each the
 * page keeps working, the decision survives wherever storage allows (and is
 * announced once where it cannot), and nothing is granted that was not.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, disableCookies, launch, watch, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { consentryPage } from './pages.js'

describe.each(BROWSERS)('%s', (browserName) => {
  // The back/forward cache on, as visitors have it (see 'coming back to a page'). No journey here may end
  // in a page error or a console error, however hostile the page.
  const suite = browserSuite(browserName, { launch: { bfcache: true } })
  let server: TestServer
  let session: Session
  /** Firefox with its real "block all cookies" setting, launched by the first test that needs it. */
  let cookieless: Session | undefined
  let page: Tab
  let log: PageLog
  let url: string

  beforeAll(async () => {
    ;({ server, session } = suite)
    url = server.route('/hostile.html', { body: consentryPage() })
  })
  afterAll(async () => {
    await cookieless?.close()
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  const banner = () => page.locator('[data-consentry] >>> [part=banner]')
  const get = () => page.evaluate(() => Consentry.get())
  const stored = () => page.evaluate(() => ({ cookie: document.cookie.includes('consentry='), local: (() => { try { return localStorage.getItem('consentry') !== null } catch { return null } })() }))

  /**
   * `document.cookie` off while localStorage works. No browser setting does exactly this (a
   * visitor's "block all cookies" blocks localStorage too: see {@link allStorageBlocked}), so
   * it is emulated. Chromium: its per-tab emulation (CDP Emulation.setDocumentCookieDisabled).
   * Firefox has none, so the same behaviour comes from an accessor on Document.prototype,
   * installed before the page's scripts: reads give "", writes are dropped, as in Chromium.
   */
  const cookiesOff = async (): Promise<void> => {
    if (browserName === 'chromium') return disableCookies(page.page)
    await page.addInitScript(() =>
      Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {}, configurable: true }),
    )
  }

  /**
   * Cookies off in the browser itself, for a new tab that replaces `page`. Chromium: the CDP
   * emulation. Firefox: its real pref (network.cookie.cookieBehavior = 2), which also makes
   * `localStorage` itself throw SecurityError.
   */
  const allStorageBlocked = async (): Promise<void> => {
    if (browserName === 'chromium') return disableCookies(page.page)
    cookieless ??= await launch(browserName, { noCookies: true })
    page = await cookieless.visitor(server.origin)
    log = watch(page)
  }

  /** localStorage that throws on every call, as in some privacy modes and sandboxed frames. */
  const throwingStorage = () =>
    page.addInitScript(() => {
      for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const)
        Storage.prototype[m] = () => {
          throw new DOMException('denied', 'SecurityError')
        }
    })

  describe('storage that is off, throwing or full', () => {
    it('cookies disabled: the decision lives in localStorage, survives a reload, and the page says so once', async () => {
      await cookiesOff()
      await page.goto(url)
      await banner().waitFor()
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      expect(await stored()).toEqual({ cookie: false, local: true })
      await page.reload()
      expect(await get()).toMatchObject({ decided: true, categories: { analytics: true } })
      expect(log.errors).toEqual([])
      // Said once per page load, not on every write. (Console lines reach the test asynchronously.)
      await expect.poll(() => log.warnings.filter((w) => w.includes('cookie unavailable'))).toHaveLength(2)
    })

    it('localStorage throwing on every call: the cookie carries the decision across a reload; no page error', async () => {
      await throwingStorage()
      await page.goto(url)
      await page.locator('[data-consentry] >>> [data-consentry-action=reject-all]').click()
      await page.reload()
      expect(await get()).toMatchObject({ decided: true, categories: { analytics: false } })
      expect(log.errors).toEqual([])
    })

    it('both off: the page still works, the decision holds for the page view, and one warning says why', async () => {
      await allStorageBlocked()
      await throwingStorage()
      await page.goto(url)
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      expect(await get()).toMatchObject({ decided: true, categories: { analytics: true } })
      expect(log.errors).toEqual([])
      // One warning per storage that is missing, each said once.
      await expect.poll(() => log.warnings.filter((w) => w.includes('[consentry]')).sort()).toEqual([
        '[consentry] cookie unavailable: the decision lasts for this page view only',
        '[consentry] localStorage unavailable: the decision lasts for this page view only',
      ])
    })

    it('localStorage full: the decision still goes to the cookie, without an error', async () => {
      await page.goto(url)
      await page.evaluate(() => {
        // Fill to the last few bytes: large chunks first, then ever smaller ones, until not even one character fits.
        let i = 0
        for (let size = 1 << 20; size >= 1; size >>= 1) {
          const chunk = 'x'.repeat(size)
          try {
            for (;;) localStorage.setItem('fill' + i++, chunk)
          } catch {
            // Full at this size: try a smaller one.
          }
        }
      })
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      // Really full: the localStorage copy could not be written, the cookie was.
      expect(await stored()).toEqual({ cookie: true, local: false })
      await page.reload()
      expect((await get()).decided).toBe(true)
      expect(log.errors).toEqual([])
      await page.evaluate(() => localStorage.clear())
    })
  })

  describe('the cookie under attack', () => {
    it('deleted while the page is open: the page keeps the decision, and the next load repairs the cookie from localStorage', async () => {
      await page.goto(url)
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      await session.context().clearCookies()
      expect(await page.evaluate(() => Consentry.has('analytics'))).toBe(true)
      await page.reload()
      expect((await get()).decided).toBe(true)
      await expect.poll(async () => (await session.context().cookies()).some((c) => c.name == 'consentry')).toBe(true)
    })

    it("another site's SDK writing a cookie with our name grants nothing", async () => {
      await session.context().addCookies([{ name: 'consentry', value: 'analytics:true|marketing:true|v2', url: server.origin }])
      await page.goto(url)
      await banner().waitFor()
      expect(await get()).toMatchObject({ decided: false, categories: { analytics: false } })
      expect(log.errors).toEqual([])
    })

    it('a script that writes a forged decision cookie gains nothing: the checksum and schema refuse it', async () => {
      await page.goto(url)
      await page.evaluate(() => (document.cookie = 'consentry=1.00000000-0000-4000-8000-000000000000.0.0.1.bi0..necessary|analytics|marketing..0; path=/'))
      await page.reload()
      expect(await get()).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } })
    })
  })

  describe('pages that misbehave', () => {
    it('two copies of the script tag: one UI, one state, one ready event', async () => {
      const twice = server.route('/twice.html', {
        body: consentryPage({ before: '<script src="/dist/consentry.min.js"></script>' }),
      })
      await page.addInitScript(() => {
        ;(window as any).readyCount = 0
        addEventListener('consentry:ready', () => (window as any).readyCount++)
      })
      await page.goto(twice)
      await banner().waitFor()
      expect(await page.locator('[data-consentry]').count()).toBe(1)
      expect(await page.evaluate(() => (window as any).readyCount)).toBe(1)
      await page.locator('[data-consentry] >>> [data-consentry-action=accept-all]').click()
      expect((await get()).decided).toBe(true)
      expect(log.errors).toEqual([])
    })

    it('a page that freezes Object.prototype and wraps JSON and fetch still gets a working banner', async () => {
      await page.addInitScript(() => {
        const parse = JSON.parse
        JSON.parse = (text: string, reviver?: any) => parse(text, reviver)
        const f = window.fetch
        window.fetch = (...a: Parameters<typeof fetch>) => f(...a)
        Object.freeze(Object.prototype)
      })
      await page.goto(url)
      await page.locator('[data-consentry] >>> [data-consentry-action=reject-all]').click()
      expect(await get()).toMatchObject({ decided: true, categories: { analytics: false } })
      await page.reload()
      expect((await get()).decided).toBe(true)
      expect(log.errors).toEqual([])
    })
  })

  describe('coming back to a page', () => {
    // The page is served no-cache rather than the harness's no-store, so the browser may keep it in its
    // back/forward cache: a restore runs no script, and only Consentry's pageshow re-read can show the new
    // decision. Whether this run restored or reloaded, the log line says; the page must be right either way.
    it('going Back to a page shows the decision another tab made meanwhile, not the one it had', async () => {
      const back = server.route('/hostile-back.html', { body: consentryPage(), headers: { 'Cache-Control': 'no-cache' } })
      const other = server.route('/elsewhere.html', { body: '<!doctype html><title>elsewhere</title><p>elsewhere</p>' })
      await page.goto(back)
      await banner().waitFor()
      await page.evaluate(() => {
        ;(window as any).restored = false
        addEventListener('pageshow', (e) => ((window as any).restored = e.persisted))
      })
      await page.goto(other)
      // Meanwhile, another tab of the same visitor decides.
      const tab = await session.context().newPage()
      watch(tab, log)
      await tab.goto(back)
      await tab.evaluate(() => Consentry.rejectAll())
      await tab.close()
      // A restore fires no load event: return once Back has committed, then wait for the page to be there —
      // loaded, or restored with its pageshow dispatched (Consentry's listener runs before this test's).
      await page.goBack({ waitUntil: 'commit' })
      await page.waitForFunction(
        () => location.pathname === '/hostile-back.html' && document.readyState === 'complete' && 'Consentry' in window && (window as any).restored !== false,
      )
      expect(await page.evaluate(() => Consentry.get().decided)).toBe(true)
      expect(await page.evaluate(() => Consentry.get().categories.analytics)).toBe(false)
      expect(await banner().isHidden()).toBe(true)
      console.log(`[hostile] ${browserName} restored from bfcache: ${await page.evaluate(() => (window as any).restored)}`)
      expect(log.errors).toEqual([])
    })
  })
})
