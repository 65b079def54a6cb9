/** The preferences centre shown inline in the page: `data-consentry-preferences` and `embedPreferences()`. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, get, rejectAll, reset } from '../headless.js'
import { ConsentryError } from '../errors/index.js'
import type { ConsentryConfig } from '../config/index.js'
import { CONFIG, fromOtherTab, happyDomLoadsNothing } from '../testing/index.js'
import { embedPreferences } from './embed.js'
import { initWithUi } from './init.js'
import { action, freshUiPage, host, loaders, q, returningVisitor, startUi, waitFor } from './testing.js'

// The US config's __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load.
happyDomLoadsNothing()

beforeEach(() => {
  vi.restoreAllMocks()
  freshUiPage()
})

/** A privacy page's section that asks for the preferences inline. */
const section = (attrs = 'data-consentry-preferences') => {
  const div = document.createElement('div')
  for (const a of attrs.split(' ')) div.setAttribute(a, '')
  document.body.append(div)
  return div
}
/** The shadow root drawn inside `el`, once the preferences centre has loaded into it. */
const inline = (el: Element) => waitFor(() => el.querySelector('[data-consentry-embed]')?.shadowRoot?.querySelector<HTMLElement>('[part=preferences]'))
const within = (region: HTMLElement) => ({
  switchFor: (id: string) => region.querySelector<HTMLButtonElement>(`[aria-labelledby="consentry-${id}"][role=switch]`)!,
  button: (name: string) => region.querySelector<HTMLButtonElement>(`[data-consentry-action="${name}"]`)!,
  saved: () => region.querySelector('[part=saved]')!.textContent,
})

describe('the preferences shown inline in the page', () => {
  it('draw inside the page’s element as a region of the page, beside the banner of a first visit, not as a dialog', async () => {
    const el = section()
    await startUi()
    const region = await inline(el)
    // The banner's host is still the one `[data-consentry]` (contract: DOM): the inline one has a name of its own.
    expect(document.querySelectorAll('[data-consentry]')).toHaveLength(1)
    expect(host()!.contains(region)).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
    expect(region.getAttribute('role')).toBe('region')
    expect(region.hasAttribute('aria-modal')).toBe(false)
    expect(region.querySelector('[part=close]')).toBeNull()
    expect(region.parentElement!.querySelector('[part=backdrop]')).toBeNull()
    // Focus stays where the visitor has it: the page's own content comes first.
    expect(el.contains(document.activeElement)).toBe(false)
    const { switchFor, button } = within(region)
    // Nothing non-essential is pre-ticked before a decision.
    for (const id of ['c-analytics', 'c-marketing', 's-posthog', 's-ga4', 's-meta']) expect(switchFor(id).getAttribute('aria-checked')).toBe('false')
    expect(switchFor('c-necessary').disabled).toBe(true)
    expect(['reject-all', 'accept-all', 'save'].map((a) => button(a).textContent)).toEqual(['Reject all', 'Accept all', 'Save choices'])
  })

  it('Save decides from the page: the banner goes, “saved” is said beside the buttons, focus stays on Save', async () => {
    const el = section()
    await startUi()
    const region = await inline(el)
    const { switchFor, button, saved } = within(region)
    switchFor('s-posthog').click()
    await waitFor(() => switchFor('s-posthog').getAttribute('aria-checked') == 'true')
    button('save').focus()
    // A script's click is no visitor's (isTrusted false; happy-dom has no isTrusted, so it is set here, as a
    // browser sets it on a dispatched or .click() event): it decides nothing, as in the banner.
    for (const name of ['save', 'accept-all', 'reject-all']) {
      const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })
      Object.defineProperty(e, 'isTrusted', { value: false })
      button(name).dispatchEvent(e)
    }
    expect(get().decided).toBe(false)
    button('save').click()
    expect(get()).toMatchObject({ decided: true, method: 'preferences', services: { posthog: true, ga4: false, meta: false }, categories: { analytics: false } })
    expect(q('[part=banner]')!.hidden).toBe(true)
    await waitFor(() => saved() == 'Your choices have been saved.')
    expect(region.querySelector('[part=saved]')!.getAttribute('role')).toBe('status')
    expect((region.getRootNode() as ShadowRoot).activeElement).toBe(button('save'))
    // The switches now show the decision saved, and turning one clears the line until the next decision.
    expect(switchFor('s-posthog').getAttribute('aria-checked')).toBe('true')
    switchFor('s-ga4').click()
    await waitFor(() => saved() == '')
  })

  it('follow the decision in force as it changes: the banner, a call, another tab, a reset', async () => {
    const el = section()
    await startUi()
    const region = await inline(el)
    const { switchFor } = within(region)
    action('accept-all')!.click()
    await waitFor(() => switchFor('c-marketing').getAttribute('aria-checked') == 'true')
    expect(switchFor('s-meta').getAttribute('aria-checked')).toBe('true')
    // What another tab stores: a refusal, made here first to have its stored value, then undone here by a choice
    // dated a minute earlier, so that the other tab's is the newer one (the newest decision wins across tabs).
    rejectAll()
    const refused = localStorage.getItem('consentry')
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 60_000 })
    acceptAll()
    vi.useRealTimers()
    await waitFor(() => switchFor('c-analytics').getAttribute('aria-checked') == 'true')
    await fromOtherTab(refused)
    await waitFor(() => switchFor('c-analytics').getAttribute('aria-checked') == 'false')
    expect(get().categories.marketing).toBe(false)
    acceptAll()
    await waitFor(() => switchFor('c-marketing').getAttribute('aria-checked') == 'true')
    reset()
    await waitFor(() => switchFor('c-marketing').getAttribute('aria-checked') == 'false')
  })

  it('on a returning visitor’s page that has its own way back (so no UI of its own), still draw, from the decision', async () => {
    await returningVisitor()
    const link = document.createElement('a')
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    const el = section()
    await startUi()
    const region = await inline(el)
    expect(within(region).switchFor('c-analytics').getAttribute('aria-checked')).toBe('true')
    expect(q('[part=banner]')).toBeNull()
    // The extras came for the inline preferences: their floating button stays hidden beside the page's own link.
    expect(q<HTMLElement>('[part=floating-button]')?.hidden ?? true).toBe(true)
  })

  it('embedPreferences(): an element rendered later (a route of a single-page app), removed by what it returns', async () => {
    await startUi()
    const el = section('data-later')
    const remove = embedPreferences(el)
    // The same element twice is drawn once.
    embedPreferences(el)
    await inline(el)
    expect(el.querySelectorAll('[data-consentry-embed]')).toHaveLength(1)
    remove()
    expect(el.querySelector('[data-consentry-embed]')).toBeNull()
    // Removed while the module loads: nothing is drawn.
    const other = section('data-other')
    embedPreferences(other)()
    await new Promise((r) => setTimeout(r, 50))
    expect(other.querySelector('[data-consentry-embed]')).toBeNull()
  })

  it('an element the page drops without calling the remover (a route of a single-page app) takes its section with it', async () => {
    await startUi()
    const route = section('data-route')
    embedPreferences(route)
    const region = await inline(route)
    // Created, asked for, then attached: not taken for an element that left.
    const later = document.createElement('div')
    embedPreferences(later)
    document.body.append(document.createElement('p'))
    await new Promise((r) => setTimeout(r, 0))
    document.body.append(later)
    await inline(later)
    route.remove()
    await new Promise((r) => setTimeout(r, 0))
    // Its section is unmounted: the host is gone from the dropped element, and a decision no longer reaches its switches.
    expect(route.querySelector('[data-consentry-embed]')).toBeNull()
    acceptAll()
    await new Promise((r) => setTimeout(r, 0))
    expect(region.querySelector('[role=switch][aria-labelledby="consentry-c-analytics"]')?.getAttribute('aria-checked') ?? 'false').toBe('false')
    // The one still in the page stays, and follows the decision.
    expect(later.querySelector('[data-consentry-embed]')).not.toBeNull()
    const { switchFor } = within((await inline(later))!)
    expect(switchFor('c-analytics').getAttribute('aria-checked')).toBe('true')
    // Put back by the page and asked for again: drawn again.
    document.body.append(route)
    embedPreferences(route)
    await inline(route)
  })

  it('embedPreferences() with no element (a selector that matched nothing) is a typed error that names the call', () => {
    expect(() => embedPreferences(document.querySelector('#missing')!)).toThrow(expect.objectContaining({ name: 'ConsentryError', code: 'invalid-config' }))
    expect(() => embedPreferences({} as Element)).toThrow(ConsentryError)
    expect(() => embedPreferences(null as unknown as Element)).toThrow('[consentry] embedPreferences(): null is not an element')
  })

  it('with the script in <head>: the element, parsed after start-up, is found once the document has been parsed', async () => {
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    await startUi()
    const el = section()
    state.mockReturnValue('interactive')
    document.dispatchEvent(new Event('DOMContentLoaded'))
    window.dispatchEvent(new Event('DOMContentLoaded'))
    await inline(el)
  })

  it('in opt-out mode (US) carry “Do Not Sell or Share”: a “Your Privacy Choices” page', async () => {
    const US: ConsentryConfig = { ...CONFIG, mode: 'opt-out', region: 'US-CA', signals: false }
    const el = section()
    await initWithUi({ ...US, ui: {} }, loaders)
    const region = await inline(el)
    const sale = region.querySelector<HTMLButtonElement>('[aria-labelledby="consentry-o-sale"][role=switch]')!
    expect(sale.getAttribute('aria-checked')).toBe('false')
    sale.click()
    await waitFor(() => sale.getAttribute('aria-checked') == 'true')
    within(region).button('save').click()
    expect(get()).toMatchObject({ decided: true, method: 'preferences', optOut: { sale: true, sharing: true }, categories: { marketing: false } })
    acceptAll()
  })
})
