/** The banner: where and how it shows, what its buttons decide, its layouts, themes and styles. */
import { CONFIG } from '../testing/index.js'
import { describe, expect, it } from 'vitest'
import { get, $ui } from '../headless.js'
import { action, freshUiPage, host, loaders, q, qa, returningVisitor, shadow, startUi, useUiPage, waitFor } from './testing.js'
import { useEnv } from '../env/index.js'
import { resetUi } from './index.js'
import { de } from './i18n/index.js'

useUiPage()

describe('the banner', () => {
  it('appears at once on a first visit, in an open shadow root on [data-consentry]', async () => {
    await startUi()
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
    await startUi()
    const [reject, accept] = [action('reject-all')!, action('accept-all')!]
    expect(reject.tagName).toBe('BUTTON')
    expect(reject.className).toBe(accept.className)
    expect(reject.parentElement).toBe(accept.parentElement)
    expect(action('preferences')!.className).toBe('secondary')
  })

  it('moves focus into the banner once it has painted', async () => {
    await startUi()
    await waitFor(() => shadow()!.activeElement == q('[part=banner]'))
  })

  it('does not show for a visitor who has decided', async () => {
    await returningVisitor()
    await startUi()
    expect(get().decided).toBe(true)
    expect(q('[part=banner]')).toBeNull()
  })

  it('accept all and reject all decide, with method "banner", and close the banner', async () => {
    await startUi()
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
    await startUi()
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
    await startUi({ policyUrl: '/privacy' })
    const link = q<HTMLAnchorElement>('a[part=link]')!
    expect(link.getAttribute('href')).toBe('/privacy')
    expect(link.textContent).toBe('Privacy policy')
    freshUiPage()
    await startUi()
    expect(q('a')).toBeNull()
    expect(q('#consentry-text')!.textContent).not.toContain('{policy}')
  })

  it.each([
    [{ layout: 'box' as const }, ['box', 'bottom-right'], 'false'],
    [{ layout: 'box' as const, position: 'top-left' as const }, ['box', 'top-left'], 'false'],
    [{ layout: 'bar' as const, position: 'top' as const }, ['bar', 'top'], 'false'],
    [{ layout: 'modal' as const }, ['modal', 'center'], 'true'],
  ])('lays out %j', async (ui, classes, modal) => {
    await startUi(ui)
    const banner = q('[part=banner]')!
    for (const c of classes) expect(banner.classList.contains(c)).toBe(true)
    expect(banner.getAttribute('aria-modal')).toBe(modal)
  })

  it('a modal has a backdrop unless turned off', async () => {
    await startUi({ layout: 'modal' })
    expect(q('[part=backdrop]')).toBeTruthy()
    freshUiPage()
    await startUi({ layout: 'modal', backdrop: false })
    expect(q('[part=backdrop]')).toBeNull()
  })

  it('traps Tab inside a modal banner', async () => {
    await startUi({ layout: 'modal' })
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
    await startUi({ theme })
    expect(host()!.getAttribute('data-theme')).toBe(theme)
  })

  it("lays its buttons out again when the window's size changes, and stops once the UI is removed", async () => {
    await startUi()
    const buttons = q('[part=buttons]')!
    // happy-dom lays nothing out, so the measuring class stays: mark the group and see the next measure replace it.
    buttons.className = 'buttons row'
    dispatchEvent(new Event('resize'))
    expect(buttons.className).toBe('buttons fit')
    buttons.className = 'buttons row'
    resetUi()
    dispatchEvent(new Event('resize'))
    document.fonts?.dispatchEvent(new Event('loadingdone'))
    expect(buttons.className).toBe('buttons row')
  })

  it('puts styles in a <style nonce> when a nonce is configured', async () => {
    await startUi({ nonce: 'abc123' })
    const style = shadow()!.querySelector('style')!
    expect(style.nonce || style.getAttribute('nonce')).toBe('abc123')
    expect(style.textContent).toContain(':host{all:initial')
  })

  it('renders config and translation strings as text, never as markup', async () => {
    await startUi({ text: { en: { bannerTitle: '<img src=x onerror=alert(1)>' } } })
    expect(q('#consentry-title')!.textContent).toBe('<img src=x onerror=alert(1)>')
    expect(q('img')).toBeNull()
  })
})

describe('asked again after a revision change', () => {
  const describedBy = () => q('[part=banner]')!.getAttribute('aria-describedby')!.split(' ').map((id) => shadow()!.getElementById(id)!.textContent)

  it('the banner says why, in bold at the start of its text (so first in its description); a first visit has no such line', async () => {
    await returningVisitor()
    await startUi({}, { revision: 2 })
    expect(get()).toMatchObject({ decided: false, revision: 2 })
    const line = q('[part=revised]')!
    expect(line.tagName).toBe('STRONG')
    expect(line.textContent).toBe('What we ask your consent for has changed since you last chose. ')
    // The first words of the banner's description.
    expect(describedBy()).toEqual([expect.stringMatching(/^What we ask your consent for has changed since you last chose\. We use cookies/)])
    freshUiPage()
    await startUi({}, { revision: 2 })
    expect(q('[part=banner]')).not.toBeNull()
    expect(q('[part=revised]')).toBeNull()
    expect(describedBy()).toEqual([expect.stringContaining('We use cookies')])
  })

  it('and after the config gained a category the decision did not ask about, with no revision raised (fitRecord)', async () => {
    await returningVisitor()
    await startUi({}, { categories: [...CONFIG.categories, { id: 'functional' }] })
    expect(get()).toMatchObject({ decided: false, revision: 1 })
    expect(q('[part=revised]')!.textContent).toBe('What we ask your consent for has changed since you last chose. ')
  })

  it('not when the decision has only run out (lifetime), and not once the visitor has chosen again', async () => {
    await returningVisitor()
    useEnv({ now: () => Date.now() + 14 * 2629800000 })
    await startUi()
    expect(get().decided).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
    expect(q('[part=revised]')).toBeNull()
    freshUiPage()
    await returningVisitor()
    await startUi({}, { revision: 2 })
    action('accept-all')!.click()
    $ui.set('banner')
    expect(q('[part=revised]')).toBeNull()
  })

  it("in the page's language; a site's own translation without the line shows none rather than English, and ui.text sets it", async () => {
    await returningVisitor()
    await startUi({ language: 'de', translations: [de] }, { revision: 2 })
    expect(q('[part=revised]')!.textContent).toBe(de.bannerRevised + ' ')
    const ro = { lang: 'ro', dir: 'ltr' as const, bannerTitle: 'Confidențialitatea dvs.' }
    for (const [ui, line] of [
      [{ language: 'ro', translations: [ro] }, null],
      [{ language: 'ro', translations: [ro], text: { ro: { bannerRevised: 'Am schimbat ce vă cerem.' } } }, 'Am schimbat ce vă cerem. '],
    ] as const) {
      freshUiPage()
      await returningVisitor()
      await startUi(ui as never, { revision: 2 })
      expect(q('[part=title]')!.textContent).toBe(ro.bannerTitle)
      expect(q('[part=revised]')?.textContent ?? null).toBe(line)
    }
  })
})
