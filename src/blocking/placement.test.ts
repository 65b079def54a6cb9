import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { init, rejectAll, startBlocking, type ConsentryConfig } from '../headless.js'
import { mixpanel, posthog } from '../presets/index.js'
import { freshPage, happyDomLoadsNothing } from '../testing/index.js'
import { resetMarkup } from './index.js'

// The page's own iframe (a tag that got in first) is a page happy-dom does not load (and says so).
happyDomLoadsNothing()

const CONFIG: ConsentryConfig = {
  categories: [
    { id: 'necessary', necessary: true, services: [{ id: 'stripe', hosts: ['js.stripe.com'] }] },
    { id: 'analytics', services: [posthog, mixpanel, { id: 'hotjar', hosts: ['static.hotjar.com'] }] },
  ],
}

/** What PostHog's and Mixpanel's official snippets leave in <head> once they have run: their loaders. */
const SNIPPETS = `
<script async src="https://us-assets.i.posthog.com/static/array.js"></script>
<script async src="https://us-assets.i.posthog.com/static/recorder.js"></script>
<script async src="https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js"></script>`

/** Markup as the parser leaves it (happy-dom neither runs nor fetches these). */
const head = (html: string) => {
  const t = document.createElement('template')
  t.innerHTML = html
  document.head.append(t.content)
}

let warn: MockInstance<typeof console.warn>
let stop = () => {}
const start = async (config = CONFIG) => {
  await init(config)
  stop = startBlocking()
}
const warnings = () => warn.mock.calls.map((c) => String(c[0]))

beforeEach(() => {
  freshPage()
  resetMarkup()
  document.head.replaceChildren()
  document.body.replaceChildren()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  stop()
  vi.restoreAllMocks()
})

describe('a tag that got in before Consentry (development builds)', () => {
  it('each service whose host the page already loaded is named once, with the URL and the fix', async () => {
    head(SNIPPETS)
    await start()
    expect(warnings()).toEqual([
      '[consentry] service "posthog" loaded https://us-assets.i.posthog.com/static/array.js before Consentry started, so nothing could block it: load Consentry before it, first in <head>',
      '[consentry] service "mixpanel" loaded https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js before Consentry started, so nothing could block it: load Consentry before it, first in <head>',
    ])
    // Once per page view: a later decision does not repeat it.
    rejectAll()
    expect(warnings()).toHaveLength(2)
  })

  it('iframes and images count as scripts do; what waits for consent does not', async () => {
    head(`<script type="text/plain" data-consent="analytics" src="https://us-assets.i.posthog.com/static/array.js"></script>
      <script data-consent="analytics" data-src="https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js"></script>
      <iframe data-consent="analytics" data-src="https://static.hotjar.com/frame.html"></iframe>`)
    await start()
    expect(warnings()).toEqual([])
    stop()
    freshPage()
    document.body.innerHTML = '<img alt="" src="https://api-js.mixpanel.com/track/?data=x"><iframe src="https://static.hotjar.com/frame.html"></iframe>'
    await start()
    expect(warnings().map((w) => w.slice(0, w.indexOf(' before')))).toEqual([
      '[consentry] service "mixpanel" loaded https://api-js.mixpanel.com/track/?data=x',
      '[consentry] service "hotjar" loaded https://static.hotjar.com/frame.html',
    ])
  })

  it('resource timing entries count too: a loader that removed its script, a request of code already running', async () => {
    vi.spyOn(performance, 'getEntriesByType').mockImplementation(((type: string) =>
      type == 'resource' ? [{ name: 'https://eu.i.posthog.com/decide/?v=3' }] : []) as typeof performance.getEntriesByType)
    await start()
    expect(warnings()).toEqual([expect.stringContaining('service "posthog" loaded https://eu.i.posthog.com/decide/?v=3 before Consentry started')])
  })

  it('says nothing of a necessary category’s services, or of a page where Consentry came first', async () => {
    head('<script src="https://js.stripe.com/v3/"></script>')
    await start()
    // Consentry first: the snippets come after it, and blocking parks their loaders.
    head(SNIPPETS)
    expect(warnings()).toEqual([])
  })
})
