/**
 * Where Consentry's script goes, in real Chromium and Firefox ESR: the page as a new user builds it —
 * PostHog's and Mixpanel's snippets in <head>, Consentry at the end of <body>. The snippets' loaders are
 * fetched before Consentry exists, from local "vendor" hosts that match the presets' host rules (with the
 * test's own host added, as a reverse proxy would be: both browsers resolve *.test to 127.0.0.1). The
 * development build (consentry.js) says so, once per service, naming the URL; consentry.min.js says nothing.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mixpanel, posthog } from '../../src/presets/index.js'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const config = () => ({
  categories: [
    { id: 'necessary', necessary: true },
    {
      id: 'analytics',
      services: [
        { id: 'posthog', hosts: [...posthog.hosts!, 'posthog.test'] },
        { id: 'mixpanel', hosts: [...mixpanel.hosts!, 'mxpnl.test'] },
        // Marked up to wait, as the docs say: never fetched, never named.
        { id: 'hotjar', hosts: ['hotjar.test'] },
      ],
    },
  ],
})

/** What PostHog's and Mixpanel's official snippets do: build a stub, insert the loader script into <head>. */
const snippet = (global: string, url: string) => `
window.${global} = window.${global} || []
var s = document.createElement('script')
s.type = 'text/javascript'
s.async = true
s.src = ${JSON.stringify(url)}
var first = document.getElementsByTagName('script')[0]
first.parentNode.insertBefore(s, first)
`

const html = (site: string, vendor: (host: string) => string, script: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>placement</title>
<script src="/placement/posthog-snippet.js"></script>
<script src="/placement/mixpanel-snippet.js"></script>
<script type="text/plain" data-consent="analytics" data-service="hotjar" src="${vendor('static.hotjar.test')}/c/hotjar.js"></script>
</head><body>
<p>page</p>
${configBlock(config())}
<script src="${site}/dist/${script}"></script>
</body></html>`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, { launch: { testHosts: true }, start: () => `${site}/__blank` })
  let server: TestServer
  let vendor: Server
  let vendorOrigin: (host: string) => string
  let hits: string[] = []
  let session: Session
  let page: Tab
  let log: PageLog
  let site: string
  let url: (script: string) => string

  beforeAll(async () => {
    ;({ server, session } = suite)
    vendor = createServer((req, res) => {
      hits.push(`${req.headers.host?.split(':')[0]}${req.url}`)
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' })
      res.end('window.vendorRan = (window.vendorRan || 0) + 1')
    })
    await new Promise<void>((ok) => vendor.listen(0, '127.0.0.1', ok))
    const port = (vendor.address() as AddressInfo).port
    vendorOrigin = (host) => `http://${host}:${port}`
    site = server.origin.replace('127.0.0.1', 'www.site.test')
    server.route('/placement/posthog-snippet.js', { body: snippet('posthog', `${vendorOrigin('us-assets.i.posthog.test')}/static/array.js`), type: 'text/javascript' })
    server.route('/placement/mixpanel-snippet.js', { body: snippet('mixpanel', `${vendorOrigin('cdn.mxpnl.test')}/libs/mixpanel-2-latest.min.js`), type: 'text/javascript' })
    url = (script) => server.route(`/placement/${script}.html`, { body: html(site, vendorOrigin, script) }).replace('127.0.0.1', 'www.site.test')
  })
  afterAll(async () => {
    await new Promise((ok) => vendor?.close(ok))
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
    hits = []
  })

  const placement = () => log.warnings.filter((w) => w.includes('before Consentry started'))

  it('consentry.js: one warning per service whose loader got in first, naming the URL and the fix', async () => {
    await page.goto(url('consentry.js'))
    await page.waitForFunction(() => (window as { vendorRan?: number }).vendorRan === 2)
    // What the issue saw: the vendors were reached before any consent, and nothing could stop it.
    expect([...hits].sort()).toEqual(['cdn.mxpnl.test/libs/mixpanel-2-latest.min.js', 'us-assets.i.posthog.test/static/array.js'])
    expect(await page.evaluate(() => Consentry.get().decided)).toBe(false)
    expect(placement().sort()).toEqual([
      `[consentry] service "mixpanel" loaded ${vendorOrigin('cdn.mxpnl.test')}/libs/mixpanel-2-latest.min.js before Consentry started, so nothing could block it: load Consentry before it, first in <head>`,
      `[consentry] service "posthog" loaded ${vendorOrigin('us-assets.i.posthog.test')}/static/array.js before Consentry started, so nothing could block it: load Consentry before it, first in <head>`,
    ])
  })

  it('consentry.min.js: the same page, no warning (the check is left out of production)', async () => {
    await page.goto(url('consentry.min.js'))
    await page.waitForFunction(() => (window as { vendorRan?: number }).vendorRan === 2)
    await page.evaluate(() => new Promise((ok) => Consentry.on('ready', ok)))
    expect(placement()).toEqual([])
  })
})
