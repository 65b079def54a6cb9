/**
 * The script-tag build's command queue and strict CSP, in real Chromium and Firefox ESR. Every
 * test starts as a first-time visitor.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { CONFIG, SEEN, consentryPage } from './pages.js'
import { snapshot } from './storage-fixtures.js'

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'"
/** A CSP report in the console, as Chromium ("Content Security Policy") and Firefox ("Content-Security-Policy") word it. */
const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  let server: TestServer
  let page: Tab
  let log: PageLog
  beforeEach(() => void ({ server, page, log } = suite))

  describe('command queue', () => {
    const QUEUE = `<script>
    window.seen = ${SEEN}
    window.consentryQueue = []
    consentryQueue.push(['on', 'change', function (s) { seen.change.push(s) }])
    consentryQueue.push(function (api) { seen.commands.push(typeof api.get) })
    consentryQueue.push(['whenGranted', 'analytics', function () { seen.granted.push('analytics') }])
    consentryQueue.push(['acceptAll'])
  </script>`

    it('runs calls queued before the script once, in order, and later pushes at once', async () => {
      await page.goto(server.route('/queue.html', { body: consentryPage({ before: QUEUE }) }))
      expect(await snapshot(page)).toMatchObject({ decided: true, categories: { analytics: true } })
      const counts = () => page.evaluate(() => [seen.change.length, seen.commands.length, seen.granted.length])
      expect(await counts()).toEqual([1, 1, 1])

      const ranAtOnce = await page.evaluate(() => {
        consentryQueue.push(['set', { marketing: false }])
        return seen.change.length
      })
      expect(ranAtOnce).toBe(2)
      await page.waitForTimeout(200)
      expect(await counts()).toEqual([2, 1, 1])
      expect(await page.evaluate(() => Consentry.has('marketing'))).toBe(false)
    })

    it('holds a queued decision until the page calls init()', async () => {
      await page.goto(server.route('/queue-late.html', { body: consentryPage({ before: QUEUE, config: null }) }))
      expect(await snapshot(page)).toMatchObject({ decided: false })
      await page.evaluate((config) => Consentry.init(config), CONFIG)
      expect(await snapshot(page)).toMatchObject({ decided: true, categories: { analytics: true } })
      await page.waitForTimeout(100)
      expect(await page.evaluate(() => [seen.change.length, seen.commands.length, seen.granted.length])).toEqual([1, 1, 1])
    })
  })

  describe('the next script', () => {
    // The script tag starts in a microtask (script-tag.ts): at the checkpoint right after its own evaluation, so
    // whatever the parser runs next already finds it started, as when it started inside the script itself.
    const page2 = () =>
      consentryPage({
        before: `<script>window.order = []; addEventListener('consentry:ready', () => order.push('ready'))</script>`,
        body: '',
      }).replace(
        '</body>',
        `<script>order.push(JSON.stringify({ decided: Consentry.get().decided, analytics: Consentry.has('analytics'), banner: !!document.querySelector('[data-consentry]') }))</script></body>`,
      )

    it('a script right after the tag finds it started: ready has fired, the decision is read, the banner is built', async () => {
      const url = server.route('/next-script.html', { body: page2() })
      await page.goto(url)
      expect(await page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual(['ready', JSON.stringify({ decided: false, analytics: false, banner: true })])
      await page.evaluate(() => Consentry.acceptAll())
      await page.goto(url)
      // A returning visitor: the stored decision answers has() at once, and no banner is built.
      expect(await page.evaluate(() => (window as unknown as { order: string[] }).order)).toEqual(['ready', JSON.stringify({ decided: true, analytics: true, banner: false })])
      expect(log.errors).toEqual([])
    })
  })

  describe('strict CSP', () => {
    /** Loads `body` under a strict CSP and returns every violation the document reported. */
    const underCsp = async (path: string, body: string): Promise<() => Promise<string[]>> => {
      // Init scripts run before the page's own and are exempt from its CSP, so this listener sees everything.
      await page.addInitScript(() => {
        window.seen = { change: [], events: [], commands: [], granted: [], violations: [] }
        document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`))
      })
      await page.goto(server.route(path, { body, headers: { 'Content-Security-Policy': STRICT_CSP } }))
      return () => page.evaluate(() => seen.violations)
    }

    it("works under script-src 'self' with the config in a JSON block", async () => {
      const violations = await underCsp('/csp.html', consentryPage())
      expect(await snapshot(page)).toMatchObject({ decided: false, revision: 1 })
      // Drive the UI too, so a banner that needs inline styles or eval would show up here.
      await page.evaluate(() => {
        Consentry.show()
        Consentry.showPreferences()
        Consentry.acceptAll()
      })
      await page.waitForTimeout(100)
      expect(await snapshot(page)).toMatchObject({ decided: true })
      expect(await violations()).toEqual([])
      expect([...log.errors, ...log.warnings].filter((m) => CSP_MESSAGE.test(m))).toEqual([])
    })

    it('the violation detector does catch an inline script (control)', async () => {
      const violations = await underCsp('/csp-control.html', consentryPage({ before: '<script>window.x = 1</script>' }))
      expect(await violations()).toEqual(['script-src-elem inline'])
      // Expected here: the console error this test provokes on purpose, worded so the check above would see it.
      await expect.poll(() => log.errors.some((m) => CSP_MESSAGE.test(m))).toBe(true)
      log.errors.splice(0)
    })
  })
})
