/**
 * How a visitor's tabs agree on the decision, in real Chromium and Firefox ESR: a change in one
 * reaches the others without a reload, announced once.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type Tab } from './driver.js'
import { jarCookies, listen, local, openTab as openTabOf, seenIn, snapshot, storageSuite } from './storage-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = storageSuite(browserName)
  let url: string
  let page: Tab
  beforeEach(() => void ({ url, page } = suite))
  const cookies = () => jarCookies(suite)
  const openTab = (target: string) => openTabOf(suite, target)

  describe('tabs', () => {
    /** Opens tab B beside tab A (`page`) and marks B's document, so a reload of B would show. */
    const twoTabs = async (): Promise<Tab> => {
      await page.goto(url)
      const b = await openTab(url)
      await b.evaluate(() => (document.body.dataset.sameDocument = 'yes'))
      return b
    }
    /** Runs `act` in tab A and expects B to satisfy `ready` within 1 s of it, without reloading. */
    const reaches = async (b: Tab, act: () => void, ready: () => boolean): Promise<void> => {
      await page.evaluate(act)
      // From the moment A has acted: the round trip that tells A to act is the test's, not the tabs' (on a loaded
      // machine, with another browser file beside it, it made this 1,011 ms once).
      const start = Date.now()
      const followed = await b.waitForFunction(ready, undefined, { timeout: 1000 }).then(() => true, () => false)
      expect(followed, `tab B did not follow within 1 s; B has ${JSON.stringify(await snapshot(b))}`).toBe(true)
      expect(Date.now() - start).toBeLessThan(1000)
      // Let any slower or duplicate delivery (storage event, pageshow re-read) arrive before counting.
      await b.waitForTimeout(300)
      expect(await b.evaluate(() => document.body.dataset.sameDocument)).toBe('yes')
    }

    it('rejectAll in one tab reaches the other within a second, announced once', async () => {
      const b = await twoTabs()
      await reaches(b, () => Consentry.acceptAll(), () => Consentry.get().decided)
      await listen(b)
      await reaches(b, () => Consentry.rejectAll(), () => Consentry.get().categories.analytics === false)
      const inA = await snapshot(page)
      expect(inA).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } })
      expect(await snapshot(b)).toEqual(inA)
      const { change, events } = await seenIn(b)
      expect(change).toEqual([inA])
      expect(events).toEqual([inA])
    })

    it('a first decision with set() reaches an undecided tab', async () => {
      const b = await twoTabs()
      await listen(b)
      await reaches(b, () => Consentry.set({ analytics: true }), () => Consentry.get().decided)
      const inA = await snapshot(page)
      expect(inA).toMatchObject({ categories: { analytics: true, marketing: false }, services: { posthog: true } })
      expect(await snapshot(b)).toEqual(inA)
      expect(await b.evaluate(() => [Consentry.has('posthog'), Consentry.has('marketing')])).toEqual([true, false])
      const { change, events } = await seenIn(b)
      expect([change.length, events.length]).toEqual([1, 1])
    })

    // Several rounds, because the failure this guards against is a race: tab B,
    // woken by A's localStorage removal, may still see the old cookie and must not
    // write it back (which would bring the decision back in both tabs).
    it('reset in one tab makes the other undecided and stays reset (8 rounds)', async () => {
      const b = await twoTabs()
      await listen(b)
      for (let round = 1; round <= 8; round++) {
        await reaches(b, () => Consentry.acceptAll(), () => Consentry.get().decided)
        await b.evaluate(() => (seen.change = []))
        await reaches(b, () => Consentry.reset(), () => !Consentry.get().decided)
        const state = {
          round,
          a: (await snapshot(page)).decided,
          b: (await snapshot(b)).decided,
          changesInB: (await seenIn(b)).change.length,
          cookie: (await cookies()).map((c) => c.value),
          local: await local(page),
        }
        expect(state).toEqual({ round, a: false, b: false, changesInB: 1, cookie: [], local: null })
      }
    })
  })
})
