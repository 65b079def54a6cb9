/**
 * Destinations from the script tag in real Chromium and Firefox ESR: consentry.min.js, then
 * consentry-destinations.min.js switched on by a JSON block, then the page's
 * Google tag and Meta Pixel code — under a strict CSP, no inline script.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] }
const DESTINATIONS = { googleConsentMode: { adsDataRedaction: true }, dataLayerEvents: true, metaPixel: true }

/** What a page's Google tag and Meta Pixel snippets do, after Consentry. */
const TAGS = `
window.dataLayer = window.dataLayer || []
function gtag() { dataLayer.push(arguments) }
gtag('js', new Date())
gtag('config', 'G-TEST')
!function (f) { var n = f.fbq = function () { n.callMethod ? n.callMethod.apply(n, arguments) : n.queue.push(arguments) }; if (!f._fbq) f._fbq = n; n.push = n; n.loaded = !0; n.version = '2.0'; n.queue = [] }(window)
fbq('init', '123')
`

/** `first`: the destinations script before consentry.min.js (it then hears `consentry:ready` during init, before blocking runs any tag). */
const html = (first = false) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>destinations</title>
${configBlock(CONFIG)}
<script type="application/json" data-consentry-destinations>${JSON.stringify(DESTINATIONS)}</script>
${first ? '<script src="/dist/consentry-destinations.min.js"></script>' : ''}
<script src="/dist/consentry.min.js"></script>
${first ? '' : '<script src="/dist/consentry-destinations.min.js"></script>'}
<script src="/dest/tags.js"></script>
<script type="text/plain" data-consent="analytics" src="/dest/analytics.js"></script>
</head><body><p>page</p></body></html>`

/** Google's snippet, as a file: it runs before Consentry when Consentry's script is async or deferred. */
const GTAG = `
window.dataLayer = window.dataLayer || []
function gtag() { dataLayer.push(arguments) }
gtag('js', new Date())
gtag('config', 'G-TEST')
`

/**
 * The placement the docs give: the destinations file first, then Google's tag, then Consentry loaded
 * `async` or `defer` (or with a config that fails validation), so Consentry is ready only after Google's
 * `js` and `config` are in dataLayer — or never.
 */
const lateConsentry = (loading: 'async' | 'defer', config: unknown) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>late</title>
${configBlock(config)}
<script type="application/json" data-consentry-destinations>{ "googleConsentMode": { "waitForUpdate": 500 } }</script>
<script src="/dist/consentry-destinations.min.js"></script>
<script src="/dest/gtag.js"></script>
<script src="/dist/consentry.min.js" ${loading}></script>
</head><body><p>page</p></body></html>`

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
  wait_for_update: 500,
}

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  let server: TestServer
  let session: Session
  let page: Tab
  let log: PageLog

  beforeAll(async () => {
    ;({ server, session } = suite)
    server.route('/dest/tags.js', { body: TAGS, type: 'text/javascript' })
    server.route('/dest/gtag.js', { body: GTAG, type: 'text/javascript' })
    // A tag Consentry blocks until analytics is granted: for a returning visitor it runs during init.
    server.route('/dest/analytics.js', { body: "gtag('event', 'blocked_tag_ran')", type: 'text/javascript' })
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  const layer = (): Promise<unknown[][]> =>
    page.evaluate(() =>
      (window as any).dataLayer.map((e: any) =>
        Object.prototype.toString.call(e) === '[object Arguments]' ? ['args', ...Array.from(e as ArrayLike<unknown>).slice(0, 2)] : ['event', e.event],
      ),
    )

  describe('destinations from the script tag', () => {
    it('consent default (as arguments) and the default event come before the page’s gtag config; Meta revoke before its init', async () => {
      await page.goto(server.route('/dest/page.html', { body: html(), headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'" } }))
      const entries = await layer()
      expect(entries.slice(0, 3)).toEqual([['args', 'set', 'ads_data_redaction'], ['args', 'consent', 'default'], ['event', 'consentry_default']])
      expect(entries.findIndex((e) => e[2] == 'default')).toBeLessThan(entries.findIndex((e) => e[1] == 'config'))
      const fbq = await page.evaluate(() => (window as any).fbq.queue.map((a: ArrayLike<unknown>) => Array.from(a)))
      expect(fbq).toEqual([['consent', 'revoke'], ['dataProcessingOptions', []], ['consent', 'revoke'], ['init', '123']])
      expect(log.errors).toEqual([])
    })

    it('accepting sends one update, and an update event, and grants the pixel', async () => {
      await page.goto(server.route('/dest/page.html', { body: html() }))
      await page.evaluate(() => Consentry.acceptAll())
      const entries = await layer()
      expect(entries.filter((e) => e[2] == 'update')).toHaveLength(1)
      expect(entries.filter((e) => e[1] == 'consentry_update')).toHaveLength(1)
      const update = await page.evaluate(() => Array.from((window as any).dataLayer.find((e: any) => e[1] == 'update') as ArrayLike<any>)[2])
      expect(update).toMatchObject({ ad_storage: 'granted', analytics_storage: 'granted', ad_user_data: 'granted' })
      expect(await page.evaluate(() => Array.from((window as any).fbq.queue.at(-1) as ArrayLike<unknown>))).toEqual(['consent', 'grant'])
    })

    it('a returning visitor: the stored decision reaches Google as an update right after the default, before config and before any tag Consentry releases', async () => {
      await page.goto(server.route('/dest/page.html', { body: html(true) }))
      await page.evaluate(() => Consentry.set({ analytics: true }))
      await page.reload()
      await page.waitForFunction(() => (window as any).dataLayer.some((e: any) => e[1] == 'blocked_tag_ran'))
      const entries = await layer()
      const i = entries.findIndex((e) => e[2] == 'update')
      expect(i).toBeGreaterThan(-1)
      expect(entries.findIndex((e) => e[2] == 'default')).toBeLessThan(i)
      expect(i).toBeLessThan(entries.findIndex((e) => e[1] == 'config'))
      expect(i).toBeLessThan(entries.findIndex((e) => e[2] == 'blocked_tag_ran'))
    })
  })

  describe('the Consent Mode default comes first, whenever Consentry runs', () => {
    /** Every dataLayer entry: whether it is an Arguments object, and its contents. */
    const entries = (): Promise<{ args: boolean; value: unknown[] }[]> =>
      page.evaluate(() =>
        (window as any).dataLayer.map((e: any) => {
          const args = Object.prototype.toString.call(e) === '[object Arguments]'
          return { args, value: args ? JSON.parse(JSON.stringify(Array.from(e as ArrayLike<unknown>))) : [e.event] }
        }),
      )
    const index = (list: { value: unknown[] }[], ...head: unknown[]) => list.findIndex((e) => head.every((h, i) => e.value[i] === h))

    it.each(['async', 'defer'] as const)('Consentry loaded %s: the first consent command is default, all denied, as arguments, before gtag js and config; then the update', async (loading) => {
      await page.goto(server.route(`/dest/late-${loading}.html`, { body: lateConsentry(loading, CONFIG) }))
      await page.evaluate(() => new Promise((ok) => Consentry.on('ready', ok)))
      await page.evaluate(() => Consentry.acceptAll())
      const list = await entries()
      const first = list.find((e) => e.value[0] == 'consent')!
      expect(first).toEqual({ args: true, value: ['consent', 'default', DENIED] })
      expect(index(list, 'consent', 'default')).toBeLessThan(index(list, 'js'))
      expect(index(list, 'consent', 'default')).toBeLessThan(index(list, 'config'))
      expect(list.filter((e) => e.value[1] == 'default')).toHaveLength(1)
      const update = list.filter((e) => e.value[1] == 'update')
      expect(update).toEqual([{ args: true, value: ['consent', 'update', expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' })] }])
    })

    it.each(['async', 'defer'] as const)('Consentry loaded %s with a config that fails validation: denied stays in force', async (loading) => {
      await page.goto(server.route(`/dest/late-bad-${loading}.html`, { body: lateConsentry(loading, { categories: 'analytics' }) }))
      await expect.poll(() => log.errors.length).toBe(1)
      expect(log.errors[0]).toContain('categories')
      log.errors.length = 0
      const list = await entries()
      expect(list.filter((e) => e.value[0] == 'consent')).toEqual([{ args: true, value: ['consent', 'default', DENIED] }])
      expect(index(list, 'consent', 'default')).toBeLessThan(index(list, 'js'))
    })
  })
})
