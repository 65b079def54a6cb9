/**
 * What the UI suites (ui-*.test.ts) share besides their set-up (suite.ts): the
 * page they open, and small probes that read what a visitor would see — which
 * element has focus, across the shadow boundary.
 */
import { expect } from 'vitest'
import type { Tab } from './driver.js'
import type { BrowserSuite } from './suite.js'
import { consentryPage, type PageOptions, type Snapshot } from './pages.js'

/** Necessary, analytics with a service that lists its cookies, marketing: every kind of row the preferences show. */
export const UI_CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    {
      id: 'analytics',
      services: [
        {
          id: 'posthog',
          label: 'PostHog',
          provider: 'PostHog Inc.',
          description: 'Product analytics: which pages are used and how.',
          cookieTable: [{ name: 'ph_*_posthog', purpose: 'Tells visits apart', lifetime: '1 year' }],
        },
      ],
    },
    { id: 'marketing' },
  ],
  revision: 1,
}

/** {@link UI_CONFIG} with a `ui` block; a privacy-policy link unless `ui` says otherwise. */
export const uiConfig = (ui: Record<string, unknown> = {}): unknown => ({ ...UI_CONFIG, ui: { policyUrl: '/privacy', ...ui } })

/** A small content page, with a footer link that reopens the preferences (contract: `data-consentry-open`). */
export const CONTENT = `<header><h1>Acme Analytics</h1></header>
<main>
  <p>Measure what matters. Acme turns raw events into answers your whole team can read, without sending
  anyone's data to a third party. Start free; no card needed.</p>
  <p>Dashboards, funnels and retention in one place, ready in minutes and fast on every device.</p>
</main>
<footer><a href="/cookies" data-consentry-open>Cookie settings</a></footer>`

/**
 * Serves a Consentry page (content + {@link uiConfig} unless `options` say
 * otherwise) at `path`, with any response `headers`, and opens it in the suite's tab.
 */
export const openPage = async (
  suite: BrowserSuite,
  options: PageOptions = {},
  { path = '/ui.html', headers }: { path?: string; headers?: Record<string, string> } = {},
): Promise<void> => {
  const url = suite.server.route(path, { body: consentryPage({ body: CONTENT, config: uiConfig(), ...options }), headers })
  await suite.page.goto(url)
}

/** The first layer, found through the open shadow root (a page's locators start with `>>>`). */
export const bannerOf = (page: Tab) => page.locator('[part=banner]')
export const prefsOf = (page: Tab) => page.locator('[part=preferences]')
/** A button of the banner or of the preferences, by its `data-consentry-action`. */
export const bannerButton = (page: Tab, action: string) => page.locator(`[part=banner] [data-consentry-action=${action}]`)
export const prefsButton = (page: Tab, action: string) => page.locator(`[part=preferences] [data-consentry-action=${action}]`)
/**
 * Opens a category's row in the preferences (its description and services), by its id, as a visitor
 * does: a click on its name. Closed rows keep their services out of sight and out of the Tab order.
 */
export const openCategory = async (page: Tab, id: string): Promise<void> => {
  const disclosure = page.locator(`[part=preferences] [aria-controls=consentry-c-${id}-p]`)
  await disclosure.click()
  await expect.poll(() => disclosure.getAttribute('aria-expanded')).toBe('true')
}

/** A switch of the preferences, by the text of the heading that labels it. */
export const switchOf = (page: Tab, name: string) => page.getByRole('switch', { name })

export const snapshot = (page: Tab): Promise<Snapshot> => page.evaluate(() => Consentry.get())

/**
 * Where focus is, as a visitor would say it: `<place> <thing>`, with place
 * `banner`, `preferences`, `ui` (elsewhere in the shadow root) or `page`, and
 * thing the element's `data-consentry-action`, `switch:<label>`, `dialog` for
 * the dialog itself, `scroller` for a container that scrolls, or `<tag>:<text>`.
 * `body` when nothing has focus.
 * `document.activeElement` stops at the shadow host, so follow the roots down.
 */
export const focused = (page: Tab): Promise<string> =>
  page.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    if (!el || el === document.body) return 'body'
    const root = el.getRootNode() as Document | ShadowRoot
    const place = el.closest('[part=preferences]') ? 'preferences' : el.closest('[part=banner]') ? 'banner' : root instanceof ShadowRoot ? 'ui' : 'page'
    const action = el.getAttribute('data-consentry-action')
    const labelledBy = el.getAttribute('aria-labelledby')
    let thing: string
    if (action) thing = action
    else if (el.getAttribute('role') === 'switch') thing = `switch:${(labelledBy && root.getElementById(labelledBy)?.textContent) || '?'}`
    else if (el.getAttribute('role') === 'dialog') thing = 'dialog'
    // Focusable only because its content scrolls: Firefox gives such a region a Tab stop, to scroll it by keyboard.
    else if (
      !el.matches('a[href],button,input,select,textarea,[tabindex]') &&
      /auto|scroll/.test(getComputedStyle(el).overflowY) &&
      el.scrollHeight > el.clientHeight
    )
      thing = 'scroller'
    else thing = `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`
    return `${place} ${thing}`
  })

/** Presses `key` `times` times and returns where focus landed after each press. */
export const walk = async (page: Tab, key: string, times: number): Promise<string[]> => {
  const seen: string[] = []
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key)
    seen.push(await focused(page))
  }
  return seen
}

/** Waits until the UI's entrance animations are over, so colours and boxes are final. */
export const settled = (page: Tab): Promise<unknown> =>
  page.evaluate(() => Promise.all(document.querySelector('[data-consentry]')!.shadowRoot!.getAnimations().map((a) => a.finished)))
