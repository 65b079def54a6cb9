/** The preferences centre: its switches, saving, closing, reopening; and the banner following other tabs. */
import { describe, expect, it, vi } from 'vitest'
import { acceptAll, get, has, init as engineInit } from '../headless.js'
import { $consent } from '../store/index.js'
import { CONFIG, fromOtherTab } from '../testing/index.js'
import { initWithUi } from './init.js'
import { action, freshUiPage, loaders, q, qa, shadow, startUi, useUiPage, waitFor } from './testing.js'

useUiPage()

describe('the preferences centre', () => {
  const open = async () => {
    action('preferences')!.click()
    return waitFor(() => q('[part=preferences]'))
  }
  const switchFor = (id: string) => q<HTMLButtonElement>(`[aria-labelledby="consentry-${id}"][role=switch]`)!

  it('opens from the banner as a modal dialog with focus inside, one switch per category and service', async () => {
    await startUi()
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

  it('focus moves in when the dialog first shows, even where its effect ran while it was still hidden', async () => {
    // A real browser cannot focus the layer until its buttons are laid out (the stylesheet hides `.layer:has(.first)`
    // until then), and on a busy machine Preact's effect can run first. Here frames come when the test says: each runs
    // the animation-frame callbacks, then layout (the resize observers), as a browser's rendering update does; and
    // focus on a hidden layer does nothing, as in a browser.
    const observers: (() => void)[] = []
    const frames = new Map<number, FrameRequestCallback>()
    let id = 0
    vi.stubGlobal('ResizeObserver', class { constructor(cb: () => void) { observers.push(cb) } observe() {} disconnect() {} })
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (frames.set(++id, cb), id))
    vi.stubGlobal('cancelAnimationFrame', (n: number) => frames.delete(n))
    const frame = () => {
      const due = [...frames.values()]
      frames.clear()
      due.forEach((cb) => cb(0))
      observers.forEach((cb) => cb())
    }
    const focus = HTMLElement.prototype.focus
    const spy = vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement, o?: FocusOptions) {
      if (!this.closest('.layer')?.querySelector('.first')) focus.call(this, o)
    })
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ width: 300 } as DOMRect)
    try {
      await startUi()
      const dialog = await open()
      // No frame yet: Preact's 100 ms fallback runs the effect, whose focus() finds the layer hidden.
      await new Promise((r) => setTimeout(r, 150))
      expect(shadow()!.activeElement).not.toBe(dialog)
      frame()
      frame()
      expect(shadow()!.activeElement).toBe(dialog)
    } finally {
      spy.mockRestore()
      rect.mockRestore()
      vi.unstubAllGlobals()
    }
  })

  it("in the UK, a category exempt from consent (ukExemption) starts on, and turning it off and saving is the visitor's objection", async () => {
    const categories = CONFIG.categories.map((c) => (c.id == 'analytics' ? { ...c, ukExemption: 'statistics' as const } : c))
    await startUi({}, { categories, region: 'GB', mode: 'auto' })
    await open()
    for (const id of ['c-analytics', 's-posthog', 's-ga4']) expect(switchFor(id).getAttribute('aria-checked'), id).toBe('true')
    for (const id of ['c-marketing', 's-meta']) expect(switchFor(id).getAttribute('aria-checked'), id).toBe('false')
    switchFor('c-analytics').click()
    await waitFor(() => switchFor('s-ga4').getAttribute('aria-checked') == 'false')
    action('save')!.click()
    expect(get()).toMatchObject({ decided: true, method: 'preferences', categories: { analytics: false }, services: { posthog: false, ga4: false } })
  })

  it('saves what the switches say, with method "preferences"', async () => {
    await startUi()
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
    await startUi()
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
    await startUi()
    await open()
    switchFor('c-analytics').click()
    await waitFor(() => switchFor('s-ga4').getAttribute('aria-checked') == 'true')
    switchFor('c-analytics').click()
    await waitFor(() => switchFor('s-ga4').getAttribute('aria-checked') == 'false')
  })

  it('Esc closes without deciding, back to the banner', async () => {
    await startUi()
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
    await startUi()
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
    await startUi({ floatingButton: true })
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
    await startUi({ floatingButton: true })
    action('accept-all')!.click()
    ;(await waitFor(() => action('open'))).click()
    await waitFor(() => q('[part=preferences]'))
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=reject-all]')!.click()
    expect(get().categories.analytics).toBe(false)
  })
})

describe('other tabs', () => {
  it('a decision made elsewhere closes the banner here, and a reset there brings it back', async () => {
    await startUi()
    const value = (() => {
      acceptAll()
      const v = localStorage.getItem('consentry')
      return v
    })()
    expect(q('[part=banner]')!.hidden).toBe(true)
    await fromOtherTab(null)
    expect(get().decided).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
    await fromOtherTab(value)
    expect(q('[part=banner]')!.hidden).toBe(true)
  })
})
