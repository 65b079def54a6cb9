/**
 * Coming back and looking again, in Chromium and Firefox: a real back/forward-cache restore,
 * and a tab hidden and shown again (emulated in headless Chromium, which keeps every tab visible).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { TestServer } from './harness.js'
import { BROWSERS, launch, watch, type PageLog, type Session, type Tab } from './driver.js'
import { consentryPage } from './pages.js'
import { button, conditionsSuite, snapshot, stored } from './conditions-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = conditionsSuite(browserName)
  let session: Session, server: TestServer, page: Tab, log: PageLog
  beforeEach(() => void ({ session, server, page, log } = suite))

  describe('coming back and looking again', () => {
    it('a back/forward-cache restore shows the decision another tab made meanwhile', async () => {
      const bf = await launch(browserName, { bfcache: true })
      try {
        // no-store (the harness default) keeps a page out of the back/forward cache in both browsers.
        const cacheable = { 'Cache-Control': 'private, max-age=0' }
        const a = server.route('/cond/bf-a.html', { body: consentryPage(), headers: cacheable })
        const b = server.route('/cond/bf-b.html', { body: '<!doctype html><title>b</title><p>elsewhere</p>', headers: cacheable })
        const state = (tab: Tab) =>
          tab.evaluate(() => ({ marker: (window as unknown as { marker?: number }).marker, restored: (window as unknown as { restored?: boolean }).restored })).catch(() => null)
        // Whether a page goes into the cache is the browser's call, not the page's: Firefox refuses one that had a
        // request in flight when it was left, and may evict one under memory pressure. So the visit is tried afresh
        // (a new visitor) until the browser restores it, at most three times; the decision is checked only on a restore.
        let tab: Tab | undefined
        let tabLog: PageLog | undefined
        for (let attempt = 1; ; attempt++) {
          tab = await bf.visitor(server.origin)
          tabLog = watch(tab)
          await tab.addInitScript(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)))
          await tab.goto(a)
          await button(tab, 'accept-all').click()
          await tab.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
          await tab.page.waitForNetworkIdle({ idleTime: 250, timeout: 10_000 }).catch(() => {})
          await tab.goto(b)
          const other = await bf.context().newPage()
          watch(other, tabLog)
          await other.goto(a)
          await other.evaluate(() => Consentry.rejectAll())
          await other.close()
          await tab.goBack({ waitUntil: 'commit' })
          // The same document came back (not a reload): the marker survived, and pageshow said persisted.
          const restored = await expect
            .poll(() => state(tab!), { timeout: 5_000 })
            .toEqual({ marker: 42, restored: true })
            .then(() => true, () => false)
          if (restored) break
          // Said in the log, so a run shows how often the browser declined.
          console.log(`[bfcache] ${browserName}: visit ${attempt} came back without a restore (${JSON.stringify(await state(tab))})`)
          if (attempt == 3) expect(await state(tab), 'the browser restored none of three visits from its cache').toEqual({ marker: 42, restored: true })
        }
        await expect.poll(() => snapshot(tab!).then((s) => s.categories.analytics)).toBe(false)
        expect(await tab.locator('[data-consentry] >>> [part=banner]').isVisible()).toBe(false)
        expect(tabLog!.errors).toEqual([])
      } finally {
        await bf.close()
      }
    }, 90_000)

    it('a tab hidden and shown again picks up a decision that changed only in the cookie meanwhile', async () => {
      const a = server.route('/cond/vis.html', { body: consentryPage() })
      await page.goto(a)
      await page.evaluate(() => Consentry.acceptAll())
      const cookieBefore = (await stored(page)).cookie!
      // Another tab takes the page's place in front: in Firefox this one is hidden for real.
      // Headless Chromium keeps every tab "visible" (no window, no minimise), so there the
      // page is told what Chromium tells a background tab: visibilityState hidden, then
      // visible, each with its visibilitychange event.
      const emulate = browserName == 'chromium'
      const setVisibility = (state: string) =>
        page.evaluate((v) => {
          Object.defineProperty(document, 'visibilityState', { value: v, configurable: true })
          Object.defineProperty(document, 'hidden', { value: v == 'hidden', configurable: true })
          document.dispatchEvent(new Event('visibilitychange'))
        }, state)
      const other = await session.context().newPage()
      watch(other, log)
      await other.goto(a)
      await other.bringToFront()
      if (emulate) await setVisibility('hidden')
      await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('hidden')
      // A cookie-only change (a server response, or a subdomain): no storage event reaches the hidden tab.
      await other.evaluate(() => {
        Consentry.rejectAll()
        localStorage.setItem('consentry', 'x') // no usable localStorage copy for the hidden tab to follow
      })
      expect((await stored(other)).cookie).not.toBe(cookieBefore)
      await page.bringToFront()
      if (emulate) await setVisibility('visible')
      await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('visible')
      await expect.poll(() => snapshot(page).then((s) => s.categories.analytics)).toBe(false)
      await other.close()
    })
  })
})
