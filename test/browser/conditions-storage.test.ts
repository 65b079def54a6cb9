/**
 * Storage conditions, in Chromium and Firefox: storage reduced to sessionStorage, copies that
 * disagree, an older schema.
 */
import { beforeEach, afterAll, describe, expect, it } from 'vitest'
import type { TestServer } from './harness.js'
import { BROWSERS, launch, watch, type PageLog, type Session, type Tab } from './driver.js'
import { consentryPage } from './pages.js'
import { asSchema1, button, conditionsSuite, snapshot, stored } from './conditions-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = conditionsSuite(browserName)
  let log: PageLog, session: Session, page: Tab, server: TestServer
  let noCookies: Session | undefined
  beforeEach(() => void ({ log, session, page, server } = suite))
  afterAll(async () => {
    if (noCookies != session) await noCookies?.close()
  })

  describe('storage', () => {
    it('sessionStorage only (cookies blocked, localStorage denied): the decision survives reloads in the tab', async () => {
      // Chromium: its real "cookies blocked" (CDP). Firefox's real pref (cookieBehavior 2) denies
      // sessionStorage too — that is the "nothing works" case in hostile.test — so there
      // document.cookie is made inert the way a blocked cookie jar behaves: reads '' and drops writes.
      noCookies ??= browserName == 'chromium' ? await launch(browserName, { noCookies: true }) : session
      const tab = noCookies == session ? page : await noCookies.visitor(server.origin)
      const tabLog = noCookies == session ? log : watch(tab)
      if (browserName == 'firefox')
        await tab.addInitScript(() => Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {}, configurable: true }))
      // Denied the way a browser denies it: the getter throws a SecurityError.
      await tab.addInitScript(() =>
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        }),
      )
      const url = server.route('/cond/session.html', { body: consentryPage() })
      await tab.goto(url)
      await button(tab, 'accept-all').click()
      expect(await stored(tab)).toMatchObject({ cookie: null, local: 'denied', session: expect.stringMatching(/^2\./) })
      await tab.reload()
      expect(await snapshot(tab)).toMatchObject({ decided: true, categories: { analytics: true } })
      expect(await tab.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)
      // Said once per page view, for each storage that is missing.
      expect(tabLog.warnings.filter((w) => w.includes('[consentry]')).sort()).toEqual([
        '[consentry] cookie unavailable: the decision lasts for this page view only',
        '[consentry] cookie unavailable: the decision lasts for this page view only',
        '[consentry] localStorage unavailable: the decision lasts for this page view only',
        '[consentry] localStorage unavailable: the decision lasts for this page view only',
      ])
      expect(tabLog.errors).toEqual([])
      if (tab != page) await tab.close()
    })

    it('cookie and localStorage disagreeing: the page view starts from the cookie; leaving it, the later decision wins in both copies', async () => {
      const url = server.route('/cond/disagree.html', { body: consentryPage() })
      await page.goto(url)
      await button(page, 'accept-all').click()
      const older = (await stored(page)).cookie!
      await page.waitForTimeout(5) // a later millisecond for the later decision
      await page.evaluate(() => Consentry.rejectAll())
      const newer = (await stored(page)).cookie!
      expect(newer).not.toBe(older)
      // Two valid values, one in each copy, each way round.
      for (const [cookie, local] of [[older, newer], [newer, older]]) {
        await page.evaluate(([c, l]) => {
          document.cookie = `consentry=${c}; path=/; SameSite=Lax`
          localStorage.setItem('consentry', l!)
        }, [cookie, local])
        await page.reload()
        // The cookie holds a valid decision: it is the one this page view starts from, and localStorage is not opened
        // on the way to the first paint.
        expect(await snapshot(page)).toMatchObject({ decided: true, categories: { analytics: cookie == older } })
        // The reload leaves the page (pagehide): the copies are reconciled, and the next page view has the later one.
        await page.reload()
        expect(await snapshot(page)).toMatchObject({ decided: true, categories: { analytics: false } })
        expect(await stored(page)).toMatchObject({ cookie: newer, local: newer })
      }
    })

    it('a cookie written by the older schema 1 is read as the same decision and migrated to schema 2', async () => {
      const url = server.route('/cond/schema.html', { body: consentryPage() })
      await page.goto(url)
      await page.evaluate(() => Consentry.set({ analytics: true, marketing: false }))
      const current = (await stored(page)).cookie!
      const before = await snapshot(page)
      const old = asSchema1(current)
      expect(old).toMatch(/^1\./)
      await page.evaluate((v) => {
        document.cookie = `consentry=${v}; path=/; SameSite=Lax`
        localStorage.removeItem('consentry')
      }, old)
      await page.reload()
      const after = await snapshot(page)
      expect(after).toMatchObject({ decided: true, id: before.id, categories: { analytics: true, marketing: false } })
      // Migrated, not dropped, once the visitor leaves the page (here by a reload): both copies now hold the schema 2
      // value of the same decision.
      await page.reload()
      expect(await stored(page)).toMatchObject({ cookie: current, local: current })
    })
  })
})
