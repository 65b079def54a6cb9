/**
 * Hostile pages in real Chromium (part of issue #7): storage that is off,
 * throwing or full, a cookie deleted under the page, a foreign cookie with
 * our name, two copies of the script, a frozen Object.prototype. In each the
 * page keeps working, the decision survives wherever storage allows (and is
 * announced once where it cannot), and nothing is granted that was not.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { freshVisitor, launchChromium, startServer, watch, type Chromium, type PageLog, type TestServer } from './harness.js'
import { consentryPage } from './pages.js'

let server: TestServer
let chromium: Chromium
let page: Page
let log: PageLog
let url: string

beforeAll(async () => {
  server = await startServer()
  chromium = await launchChromium()
  url = server.route('/hostile.html', { body: consentryPage() })
})
afterAll(async () => {
  await chromium?.close()
  await server?.close()
})
beforeEach(async () => {
  page = await freshVisitor(chromium.context, server.origin)
  log = watch(page)
})

const banner = () => page.locator('[data-consentry] [part=banner]')
const get = () => page.evaluate(() => Consentry.get())
const stored = () => page.evaluate(() => ({ cookie: document.cookie.includes('consentry='), local: (() => { try { return localStorage.getItem('consentry') !== null } catch { return null } })() }))

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
    const cdp = await chromium.context.newCDPSession(page)
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true })
    await page.goto(url)
    await banner().waitFor()
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
    expect(await stored()).toEqual({ cookie: false, local: true })
    await page.reload()
    expect(await get()).toMatchObject({ decided: true, categories: { analytics: true } })
    expect(log.errors).toEqual([])
    // Said once per page load, not on every write.
    expect(log.warnings.filter((w) => w.includes('cookie unavailable'))).toHaveLength(2)
  })

  it('localStorage throwing on every call: the cookie carries the decision across a reload; no page error', async () => {
    await throwingStorage()
    await page.goto(url)
    await page.locator('[data-consentry] [data-consentry-action=reject-all]').click()
    await page.reload()
    expect(await get()).toMatchObject({ decided: true, categories: { analytics: false } })
    expect(log.errors).toEqual([])
  })

  it('both off: the page still works, the decision holds for the page view, and one warning says why', async () => {
    await throwingStorage()
    const cdp = await chromium.context.newCDPSession(page)
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true })
    await page.goto(url)
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
    expect(await get()).toMatchObject({ decided: true, categories: { analytics: true } })
    expect(log.errors).toEqual([])
    // One warning per storage that is missing, each said once.
    expect(log.warnings.filter((w) => w.includes('[consentry]')).sort()).toEqual([
      '[consentry] cookie unavailable: the decision lasts for this page view only',
      '[consentry] localStorage unavailable: the decision lasts for this page view only',
    ])
  })

  it('localStorage full: the decision still goes to the cookie, without an error', async () => {
    await page.goto(url)
    await page.evaluate(() => {
      const big = 'x'.repeat(1 << 20)
      try {
        for (let i = 0; i < 20; i++) localStorage.setItem('fill' + i, big)
      } catch {
        // Full.
      }
    })
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
    expect((await stored()).cookie).toBe(true)
    await page.reload()
    expect((await get()).decided).toBe(true)
    expect(log.errors).toEqual([])
    await page.evaluate(() => localStorage.clear())
  })
})

describe('the cookie under attack', () => {
  it('deleted while the page is open: the page keeps the decision, and the next load repairs the cookie from localStorage', async () => {
    await page.goto(url)
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
    await chromium.context.clearCookies()
    expect(await page.evaluate(() => Consentry.has('analytics'))).toBe(true)
    await page.reload()
    expect((await get()).decided).toBe(true)
    await expect.poll(async () => (await chromium.context.cookies()).some((c) => c.name == 'consentry')).toBe(true)
  })

  it("another site's SDK writing a cookie with our name grants nothing", async () => {
    await chromium.context.addCookies([{ name: 'consentry', value: 'analytics:true|marketing:true|v2', url: server.origin }])
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
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
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
    await page.locator('[data-consentry] [data-consentry-action=reject-all]').click()
    expect(await get()).toMatchObject({ decided: true, categories: { analytics: false } })
    await page.reload()
    expect((await get()).decided).toBe(true)
    expect(log.errors).toEqual([])
  })
})

describe('coming back to a page', () => {
  // Headless Chromium here reloads on Back rather than restoring from the back/forward cache (the log line says
  // which); the pageshow re-read that covers a real restore is tested in the unit suite.
  it('going Back to a page shows the decision another tab made meanwhile, not the one it had', async () => {
    const other = server.route('/elsewhere.html', { body: '<!doctype html><title>elsewhere</title><p>elsewhere</p>' })
    await page.goto(url)
    await banner().waitFor()
    await page.evaluate(() => {
      ;(window as any).restored = false
      addEventListener('pageshow', (e) => ((window as any).restored = e.persisted))
    })
    await page.goto(other)
    // Meanwhile, another tab of the same visitor decides.
    const tab = await chromium.context.newPage()
    await tab.goto(url)
    await tab.evaluate(() => Consentry.rejectAll())
    await tab.close()
    await page.goBack()
    expect(await page.evaluate(() => Consentry.get().decided)).toBe(true)
    expect(await page.evaluate(() => Consentry.get().categories.analytics)).toBe(false)
    expect(await banner().isHidden()).toBe(true)
    console.log(`[hostile] restored from bfcache: ${await page.evaluate(() => (window as any).restored)}`)
    expect(log.errors).toEqual([])
  })
})
