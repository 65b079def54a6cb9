/**
 * Where the script-tag build keeps the decision, in real Chromium and Firefox ESR, and how it
 * survives reloads and damage. Every test starts as a first-time visitor.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type Session, type Tab } from './driver.js'
import { jarCookies, local, snapshot, storageSuite, store } from './storage-fixtures.js'

const DAY = 864e5
const UUID_V4 = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = storageSuite(browserName)
  let session: Session
  let url: string
  let page: Tab
  beforeEach(() => void ({ session, url, page } = suite))
  const cookies = () => jarCookies(suite)

  describe('storage', () => {
    it('a first visit is undecided and stores nothing', async () => {
      await page.goto(url)
      expect(await snapshot(page)).toMatchObject({
        decided: false,
        id: null,
        revision: 1,
        method: null,
        categories: { necessary: true, analytics: false, marketing: false },
        services: { posthog: false },
      })
      expect(await page.evaluate(() => [Consentry.has('analytics'), Consentry.has('necessary')])).toEqual([false, true])
      expect(await cookies()).toEqual([])
      expect(await local(page)).toBeNull()
    })

    it('acceptAll writes a first-party Lax cookie and the same value to localStorage', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.acceptAll())
      const jar = await cookies()
      expect(jar).toHaveLength(1)
      const cookie = jar[0]!
      expect(cookie).toMatchObject({ domain: '127.0.0.1', path: '/', sameSite: 'Lax', secure: false, httpOnly: false })
      // Kept for the consent lifetime (12 months by default), within Chrome's 400-day cap.
      expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(360 * DAY)
      expect(cookie.expires * 1000 - Date.now()).toBeLessThan(400 * DAY)
      expect(await local(page)).toBe(cookie.value)
      const s = await snapshot(page)
      expect(s).toMatchObject({ decided: true, method: 'api', categories: { analytics: true, marketing: true }, services: { posthog: true } })
      expect(s.id).toMatch(UUID_V4)
    })

    it('a reload restores the decision', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.acceptAll())
      const before = await snapshot(page)
      await page.reload()
      expect(await snapshot(page)).toEqual(before)
      expect(await page.evaluate(() => Consentry.has('analytics'))).toBe(true)
    })

    it('a lost localStorage copy is restored from the cookie, and a lost cookie from localStorage', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.set({ analytics: true }))
      const before = await snapshot(page)
      const value = (await cookies())[0]?.value
      expect(value).toEqual(expect.any(String))

      await page.evaluate(() => localStorage.removeItem('consentry'))
      await page.reload()
      expect(await snapshot(page)).toEqual(before)
      // The cookie held the decision: localStorage is not opened while the page loads, and is repaired when the
      // visitor leaves it (here by the next reload).
      expect(await local(page)).toBeNull()
      await page.reload()
      expect(await local(page)).toBe(value)

      await session.context().clearCookies()
      await page.reload()
      expect(await snapshot(page)).toEqual(before)
      await expect.poll(async () => (await cookies()).map((c) => c.value)).toEqual([value])
    })

    it('a tampered decision counts as no decision', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.set({ analytics: true }))
      const value = (await local(page)) ?? ''
      expect(value).toContain('!marketing')
      const forged = value.replace('!marketing', 'marketing')
      await store(page, forged)
      expect((await cookies()).map((c) => c.value)).toEqual([forged])
      await page.reload()
      const s = await snapshot(page)
      expect(s.decided).toBe(false)
      expect(await page.evaluate(() => [Consentry.has('marketing'), Consentry.has('analytics')])).toEqual([false, false])
    })

    it('a damaged cookie is repaired from an intact localStorage copy', async () => {
      await page.goto(url)
      await page.evaluate(() => Consentry.rejectAll())
      const before = await snapshot(page)
      const value = (await local(page)) ?? ''
      await page.evaluate((v) => (document.cookie = `consentry=${v.slice(0, -3)}; path=/; SameSite=Lax`), value)
      await page.reload()
      expect(await snapshot(page)).toEqual(before)
      await expect.poll(async () => (await cookies()).map((c) => c.value)).toEqual([value])
    })
  })
})
