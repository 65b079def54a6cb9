import { beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, get, has, init as engineInit, $ui, ConsentryError } from '../headless.js'
import { $consent } from '../store/index.js'
import { CONFIG, painted } from '../testing/index.js'
import type { ConsentryConfig, UiConfig } from '../config/index.js'
import { de } from './i18n/de.js'
import { initWithUi } from './init.js'
import { action, freshUiPage, host, loaders, q, qa, shadow, waitFor } from './testing.js'

const start = (ui: UiConfig = {}, extra: Partial<ConsentryConfig> = {}) => initWithUi({ ...CONFIG, ...extra, ui }, loaders)

beforeEach(() => {
  vi.restoreAllMocks()
  freshUiPage()
})

describe('the banner', () => {
  it('appears at once on a first visit, in an open shadow root on [data-consentry]', async () => {
    await start()
    expect(host()?.shadowRoot).toBeTruthy()
    const banner = q('[part=banner]')!
    expect(banner.getAttribute('role')).toBe('dialog')
    expect(banner.getAttribute('aria-modal')).toBe('false')
    expect(shadow()!.getElementById(banner.getAttribute('aria-labelledby')!)?.textContent).toBe('We value your privacy')
    expect(shadow()!.getElementById(banner.getAttribute('aria-describedby')!)?.textContent).toContain('We use cookies')
    expect(banner.classList.contains('bar') && banner.classList.contains('bottom')).toBe(true)
    expect(qa('[data-consentry-action]').map((b) => b.getAttribute('data-consentry-action'))).toEqual(['reject-all', 'accept-all', 'preferences'])
  })

  it('gives accept and reject the same element, class and row', async () => {
    await start()
    const [reject, accept] = [action('reject-all')!, action('accept-all')!]
    expect(reject.tagName).toBe('BUTTON')
    expect(reject.className).toBe(accept.className)
    expect(reject.parentElement).toBe(accept.parentElement)
    expect(action('preferences')!.className).toBe('secondary')
  })

  it('moves focus into the banner once it has painted', async () => {
    await start()
    await waitFor(() => shadow()!.activeElement == q('[part=banner]'))
  })

  it('does not show for a visitor who has decided', async () => {
    await engineInit(CONFIG)
    acceptAll()
    const record = localStorage.getItem('consentry')
    freshUiPage()
    localStorage.setItem('consentry', record!)
    await start()
    expect(get().decided).toBe(true)
    expect(q('[part=banner]')).toBeNull()
  })

  it('accept all and reject all decide, with method "banner", and close the banner', async () => {
    await start()
    action('reject-all')!.click()
    expect(get()).toMatchObject({ decided: true, method: 'banner', categories: { analytics: false } })
    expect(q('[part=banner]')!.hidden).toBe(true)
    $ui.set('banner')
    action('accept-all')!.click()
    expect(get()).toMatchObject({ method: 'banner', categories: { analytics: true, marketing: true } })
  })

  it("a script's click (isTrusted false) on accept, reject, a switch or save decides nothing", async () => {
    // happy-dom has no isTrusted; a real browser's dispatched or .click() event carries isTrusted: false.
    const untrusted = (el: Element) => {
      const e = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })
      Object.defineProperty(e, 'isTrusted', { value: false })
      el.dispatchEvent(e)
    }
    await start()
    untrusted(action('accept-all')!)
    untrusted(action('reject-all')!)
    expect(get().decided).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
    $ui.set('preferences')
    const sw = await waitFor(() => q<HTMLButtonElement>(`[aria-labelledby="consentry-c-analytics"][role=switch]`))
    untrusted(sw)
    expect(sw.getAttribute('aria-checked')).toBe('false')
    untrusted(q('[part=preferences] [data-consentry-action=accept-all]')!)
    untrusted(q('[part=preferences] [data-consentry-action=save]')!)
    expect(get().decided).toBe(false)
    // The same click from the visitor (trusted) does decide.
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
    expect(get()).toMatchObject({ decided: true, method: 'preferences', categories: { analytics: false } })
  })

  it('puts the policy link where {policy} stands, as a real link, and drops it without a URL', async () => {
    await start({ policyUrl: '/privacy' })
    const link = q<HTMLAnchorElement>('a[part=link]')!
    expect(link.getAttribute('href')).toBe('/privacy')
    expect(link.textContent).toBe('Privacy policy')
    freshUiPage()
    await start()
    expect(q('a')).toBeNull()
    expect(q('#consentry-text')!.textContent).not.toContain('{policy}')
  })

  it.each([
    [{ layout: 'box' as const }, ['box', 'bottom-right'], 'false'],
    [{ layout: 'box' as const, position: 'top-left' as const }, ['box', 'top-left'], 'false'],
    [{ layout: 'bar' as const, position: 'top' as const }, ['bar', 'top'], 'false'],
    [{ layout: 'modal' as const }, ['modal', 'center'], 'true'],
  ])('lays out %j', async (ui, classes, modal) => {
    await start(ui)
    const banner = q('[part=banner]')!
    for (const c of classes) expect(banner.classList.contains(c)).toBe(true)
    expect(banner.getAttribute('aria-modal')).toBe(modal)
  })

  it('a modal has a backdrop unless turned off', async () => {
    await start({ layout: 'modal' })
    expect(q('[part=backdrop]')).toBeTruthy()
    freshUiPage()
    await start({ layout: 'modal', backdrop: false })
    expect(q('[part=backdrop]')).toBeNull()
  })

  it('traps Tab inside a modal banner', async () => {
    await start({ layout: 'modal' })
    // The trap comes with the extras module; until then Tab stays put.
    await loaders.extras()
    await new Promise((r) => setTimeout(r, 0))
    const buttons = qa('[part=banner] button')
    buttons[buttons.length - 1]!.focus()
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true })
    buttons[buttons.length - 1]!.dispatchEvent(tab)
    expect(tab.defaultPrevented).toBe(true)
    expect(shadow()!.activeElement).toBe(buttons[0])
  })

  it.each(['light', 'dark', 'auto'] as const)('sets theme %s on the host', async (theme) => {
    await start({ theme })
    expect(host()!.getAttribute('data-theme')).toBe(theme)
  })

  it('puts styles in a <style nonce> when a nonce is configured', async () => {
    await start({ nonce: 'abc123' })
    const style = shadow()!.querySelector('style')!
    expect(style.nonce || style.getAttribute('nonce')).toBe('abc123')
    expect(style.textContent).toContain(':host{all:initial')
  })

  it('renders config and translation strings as text, never as markup', async () => {
    await start({ text: { en: { bannerTitle: '<img src=x onerror=alert(1)>' } } })
    expect(q('#consentry-title')!.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(q('img')).toBeNull()
  })
})

describe('languages', () => {
  it('follows <html lang> among the configured translations', async () => {
    document.documentElement.lang = 'de-AT'
    await start({ translations: [de] })
    expect(action('accept-all')!.textContent).toBe('Alle akzeptieren')
    expect(q('[part=banner]')!.getAttribute('lang')).toBe('de')
  })

  it('prefers the configured language, and falls back to English', async () => {
    document.documentElement.lang = 'de'
    await start({ translations: [de], language: 'fr' })
    expect(action('accept-all')!.textContent).toBe('Accept all')
  })

  it('uses navigator.languages when the page says nothing', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-CH', 'en'])
    await start({ translations: [de] })
    expect(action('reject-all')!.textContent).toBe('Alle ablehnen')
  })

  it('loads a language on demand when the build can (script tag)', async () => {
    document.documentElement.lang = 'ar'
    const language = vi.fn(async (lang: string) => (await import('./i18n/index.js'))[lang as 'ar'])
    await initWithUi({ ...CONFIG }, { ...loaders, languages: ['ar'], language })
    const banner = await waitFor(() => q('[part=banner]'))
    expect(language).toHaveBeenCalledWith('ar')
    expect(banner.getAttribute('dir')).toBe('rtl')
  })

  it('lets any string be overridden, for one language or all', async () => {
    document.documentElement.lang = 'de'
    await start({ translations: [de], text: { '*': { manage: 'Options' }, de: { acceptAll: 'Ja' } } })
    expect(action('accept-all')!.textContent).toBe('Ja')
    expect(action('preferences')!.textContent).toBe('Options')
  })
})

describe('the ui config', () => {
  it.each([
    [{ layout: 'sidebar' }, 'config.ui.layout: expected bar or box or modal'],
    [{ layout: 'box', position: 'top' }, 'config.ui.position: expected bottom-right or bottom-left or top-right or top-left for layout box'],
    [{ policyUrl: 'javascript:alert(1)' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    // A browser's URL parser drops tabs and newlines anywhere, and control characters and spaces at the start.
    [{ policyUrl: 'java\nscript:alert(1)' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    [{ policyUrl: '\tjavascript:alert(1)' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    [{ policyUrl: ' javascript:alert(1)' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    [{ policyUrl: '\x01javascript:alert(1)' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    [{ policyUrl: 'ja\tva\rscript:alert(1)' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    [{ policyUrl: '/privacy\u0000' }, 'config.ui.policyUrl: expected an http(s) or relative URL'],
    [{ assetsUrl: 'javascript:alert(1)//' }, 'config.ui.assetsUrl: expected an http(s) or relative URL'],
    [{ assetsUrl: 'data:text/javascript,alert(1)//' }, 'config.ui.assetsUrl: expected an http(s) or relative URL'],
    [{ assetsUrl: 'java\nscript:alert(1)//' }, 'config.ui.assetsUrl: expected an http(s) or relative URL'],
    [{ theme: 'blue' }, 'config.ui.theme: expected light or dark or auto'],
    [{ translations: [{}] }, 'config.ui.translations: expected an array of translations'],
    [{ floatingButton: 1 }, 'config.ui.floatingButton: expected true or false or auto, got 1'],
  ])('rejects %j before anything starts', async (ui, message) => {
    await expect(start(ui as UiConfig)).rejects.toThrow(message)
    expect(host()).toBeNull()
    expect(() => acceptAll()).toThrow(/init\(\) first/)
  })
})

describe('a config with several wrong fields', () => {
  it('rejects once, listing every field (the UI, strict mode and the signals with the rest) in the order of docs/config.md', async () => {
    const config = {
      ...CONFIG,
      categories: [{ id: 'Bad id' }],
      signals: { cmpId: -1 },
      ui: { layout: 'box', position: 'top', policyUrl: 'javascript:alert(1)' },
      blocking: 'strict',
    } as unknown as ConsentryConfig
    const e = await initWithUi(config, loaders).then(
      () => null,
      (e: ConsentryError) => e,
    )
    expect(e).toBeInstanceOf(ConsentryError)
    expect(e!.problems.map((p) => p.path)).toEqual([
      'config.categories[0].id',
      'config.blocking',
      'config.ui.position',
      'config.ui.policyUrl',
      'config.signals.cmpId',
    ])
    expect(e!.message).toContain('config.signals.cmpId: expected an integer from 0 to 4095, got -1')
    expect(host()).toBeNull()
    expect(() => acceptAll()).toThrow(/init\(\) first/)
  })

  it('a wrong layout is reported once, not again through the position it would have allowed', async () => {
    const e = await start({ layout: 'sidebar' as 'bar', position: 'top-left' }).catch((e: ConsentryError) => e)
    expect((e as ConsentryError).problems.map((p) => p.path)).toEqual(['config.ui.layout'])
  })
})

describe('the preferences centre', () => {
  const open = async () => {
    action('preferences')!.click()
    return waitFor(() => q('[part=preferences]'))
  }
  const switchFor = (id: string) => q<HTMLButtonElement>(`[aria-labelledby="consentry-${id}"][role=switch]`)!

  it('opens from the banner as a modal dialog with focus inside, one switch per category and service', async () => {
    await start()
    const dialog = await open()
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    await waitFor(() => shadow()!.activeElement == dialog)
    expect(q('[part=banner]')!.hidden).toBe(true)
    expect(qa('[role=switch]')).toHaveLength(6)
    const necessary = switchFor('c-necessary')
    expect(necessary.getAttribute('aria-checked')).toBe('true')
    expect(necessary.disabled).toBe(true)
    // Nothing non-essential is pre-ticked.
    for (const id of ['c-analytics', 'c-marketing', 's-posthog', 's-ga4', 's-meta']) expect(switchFor(id).getAttribute('aria-checked')).toBe('false')
  })

  it('saves what the switches say, with method "preferences"', async () => {
    await start()
    await open()
    switchFor('c-analytics').click()
    await waitFor(() => switchFor('s-ga4').getAttribute('aria-checked') == 'true')
    switchFor('s-meta').click()
    await waitFor(() => switchFor('s-meta').getAttribute('aria-checked') == 'true')
    action('save')!.click()
    expect(get()).toMatchObject({ method: 'preferences', categories: { analytics: true, marketing: true }, services: { posthog: true, ga4: true, meta: true } })
    expect(q('[part=preferences]')).toBeNull()
  })

  it('a service switch carries its service only: the category stays off, drawn partly on, until all of its services are on', async () => {
    await start()
    await open()
    const checked = (id: string) => switchFor(id).getAttribute('aria-checked')
    switchFor('s-posthog').click()
    await waitFor(() => checked('s-posthog') == 'true')
    // A switch has no "mixed" state (WAI-ARIA 1.2): it reads off; the services below say which part is on.
    expect([checked('c-analytics'), checked('s-ga4')]).toEqual(['false', 'false'])
    expect(switchFor('c-analytics').classList.contains('partial')).toBe(true)
    expect(switchFor('c-marketing').classList.contains('partial')).toBe(false)
    switchFor('s-ga4').click()
    await waitFor(() => checked('c-analytics') == 'true')
    expect(switchFor('c-analytics').classList.contains('partial')).toBe(false)
    // One switched off again: the category is no longer on as a whole.
    switchFor('s-ga4').click()
    await waitFor(() => checked('c-analytics') == 'false')
    expect(switchFor('c-analytics').classList.contains('partial')).toBe(true)
    action('save')!.click()
    expect(get()).toMatchObject({ method: 'preferences', categories: { analytics: false, marketing: false }, services: { posthog: true, ga4: false, meta: false } })
    expect(has('analytics')).toBe(false)
    expect(has('posthog')).toBe(true)
  })

  it('a category switch carries its services', async () => {
    await start()
    await open()
    switchFor('c-analytics').click()
    await waitFor(() => switchFor('s-ga4').getAttribute('aria-checked') == 'true')
    switchFor('c-analytics').click()
    await waitFor(() => switchFor('s-ga4').getAttribute('aria-checked') == 'false')
  })

  it('Esc closes without deciding, back to the banner', async () => {
    await start()
    const dialog = await open()
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }))
    await waitFor(() => !q('[part=preferences]'))
    expect(get().decided).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
    // Focus goes back to the button that opened the preferences.
    await waitFor(() => shadow()!.activeElement == action('preferences'))
  })

  it('pre-fills the switches from a stale decision after a policy change', async () => {
    await engineInit({ ...CONFIG, revision: 0 })
    acceptAll()
    const record = localStorage.getItem('consentry')!
    freshUiPage()
    localStorage.setItem('consentry', record)
    await start()
    expect(get().decided).toBe(false)
    expect($consent.get().record?.categories.analytics).toBe(true)
    await open()
    expect(switchFor('c-analytics').getAttribute('aria-checked')).toBe('true')
  })

  it('shows a cookie table for services that declare one', async () => {
    const categories = [
      { id: 'analytics', services: [{ id: 'ga4', provider: 'Google', cookieTable: [{ name: '_ga', purpose: 'Distinguishes visitors', lifetime: '13 months' }] }] },
    ]
    await initWithUi({ categories, ui: {} }, loaders)
    await open()
    const toggle = q<HTMLButtonElement>('button.link')!
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    toggle.click()
    const table = await waitFor(() => q('table'))
    expect([...table.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['_ga', 'Google', 'Distinguishes visitors', '13 months'])
  })

  it('reopens from any [data-consentry-open] element and from the floating button, then gives focus back', async () => {
    await start({ floatingButton: true })
    action('accept-all')!.click()
    // The floating button comes with the extras chunk, loaded on demand.
    const fab = await waitFor(() => action('open'))
    expect(fab.hidden).toBe(false)
    expect(fab.getAttribute('aria-label')).toBe('Privacy settings')
    const link = document.createElement('a')
    link.href = '#'
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    link.focus()
    link.click()
    const dialog = await waitFor(() => q('[part=preferences]'))
    expect(fab.hidden).toBe(true)
    q<HTMLButtonElement>('[data-consentry-action=close]')!.click()
    await waitFor(() => !q('[part=preferences]'))
    expect(document.activeElement).toBe(link)
    expect(dialog.isConnected).toBe(false)
  })

  it('withdrawing takes as few clicks as giving: reopen, reject all', async () => {
    await start({ floatingButton: true })
    action('accept-all')!.click()
    ;(await waitFor(() => action('open'))).click()
    await waitFor(() => q('[part=preferences]'))
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=reject-all]')!.click()
    expect(get().categories.analytics).toBe(false)
  })
})

describe('other tabs', () => {
  it('a decision made elsewhere closes the banner here, and a reset there brings it back', async () => {
    await start()
    const value = (() => {
      acceptAll()
      const v = localStorage.getItem('consentry')
      return v
    })()
    expect(q('[part=banner]')!.hidden).toBe(true)
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: null }))
    expect(get().decided).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: value }))
    expect(q('[part=banner]')!.hidden).toBe(true)
  })
})


describe('start-up work', () => {
  it('the preferences centre is fetched as the pointer or focus approaches Manage preferences, not while the page loads', async () => {
    const preferences = vi.fn(loaders.preferences)
    await initWithUi({ ...CONFIG, ui: {} }, { ...loaders, preferences })
    await painted()
    await new Promise((r) => setTimeout(r, 50))
    expect(preferences).not.toHaveBeenCalled()
    // Over another button: still nothing.
    action('accept-all')!.dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(preferences).not.toHaveBeenCalled()
    action('preferences')!.dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(preferences).toHaveBeenCalledTimes(1)
    action('preferences')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))
    action('preferences')!.click()
    await waitFor(() => q('[part=preferences]'))
    expect(preferences).toHaveBeenCalledTimes(1)
  })

  it('keyboard focus on Manage preferences fetches it too', async () => {
    const preferences = vi.fn(loaders.preferences)
    await initWithUi({ ...CONFIG, ui: {} }, { ...loaders, preferences })
    action('preferences')!.focus()
    expect(preferences).toHaveBeenCalledTimes(1)
  })

  it('the banner is built in the script\'s own task, before the first paint', () => {
    void start()
    expect(q('[part=banner]')).not.toBeNull()
  })

  it('for a visitor who has decided, the UI is built after the first paint; a click on a data-consentry-open element before then still opens the preferences', async () => {
    await engineInit(CONFIG)
    acceptAll()
    const record = localStorage.getItem('consentry')
    freshUiPage()
    localStorage.setItem('consentry', record!)
    const link = document.createElement('a')
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    await start()
    expect(host()).toBeNull()
    link.click()
    await waitFor(() => q('[part=preferences]'))
    expect($ui.get()).toBe('preferences')
  })
})
