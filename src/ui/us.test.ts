import { beforeEach, describe, expect, it, vi } from 'vitest'
import { get, on, optOut, show } from '../headless.js'
import { useEnv } from '../env/index.js'
import type { ConsentryConfig, UiConfig } from '../config/index.js'
import { de } from './i18n/de.js'
import { initWithUi } from './init.js'
import { action, freshUiPage, loaders, q, qa, returningVisitor, shadow, waitFor } from './testing.js'
import { happyDomLoadsNothing, painted } from '../testing/index.js'

// The __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load (and says so).
happyDomLoadsNothing()

const US: ConsentryConfig = {
  mode: 'auto',
  region: 'US-CA',
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', default: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}
const start = (extra: Partial<ConsentryConfig> = {}, ui: UiConfig = {}) => initWithUi({ ...US, ...extra, ui }, loaders)
const notice = () => waitFor(() => q('[part=notice]'))

beforeEach(() => {
  vi.restoreAllMocks()
  freshUiPage()
})

describe('the opt-out notice (US)', () => {
  it('is a notice, not a dialog: no backdrop, focus left where it was, the page usable', async () => {
    const before = document.activeElement
    await start()
    const n = await notice()
    expect(n.getAttribute('role')).toBe('region')
    expect(n.textContent).toContain('You can opt out of the sale or sharing of your personal information')
    expect(q('[part=backdrop]')).toBeNull()
    await new Promise((r) => setTimeout(r, 30))
    expect(document.activeElement).toBe(before)
    expect(qa('[part=notice] [data-consentry-action]').map((b) => b.getAttribute('data-consentry-action'))).toEqual(['opt-out', 'preferences', 'close'])
  })

  it('"Do Not Sell or Share" opts out in one click, with no account or form, and confirms it on screen', async () => {
    await start()
    await notice()
    expect(action('opt-out')!.textContent).toBe('Do Not Sell or Share My Personal Information')
    action('opt-out')!.click()
    expect(get()).toMatchObject({ decided: true, method: 'banner', optOut: { sale: true, sharing: true, targetedAds: true }, categories: { marketing: false } })
    expect(q('[part=notice]')!.hidden).toBe(true)
    expect(q('[part=confirmation]')!.textContent).toContain('Your request to opt out of sale and sharing has been honored.')
    q<HTMLButtonElement>('[part=confirmation] [data-consentry-action=close]')!.click()
    expect(q('[part=confirmation]')).toBeNull()
  })

  it('opting out takes no more clicks than acknowledging: one each', async () => {
    await start()
    await notice()
    action('close')!.click()
    expect(get()).toMatchObject({ decided: true, optOut: { sale: false }, categories: { marketing: true } })
    expect(q('[part=notice]')!.hidden).toBe(true)
  })

  it('offers "Limit the Use of My Sensitive Personal Information" when configured', async () => {
    await start({ limitSensitive: true })
    await notice()
    const limit = action('limit-sensitive')!
    expect(limit.textContent).toBe('Limit the Use of My Sensitive Personal Information')
    limit.click()
    expect(get().optOut).toMatchObject({ sensitive: true, sale: false })
  })

  it('"Your Privacy Choices", with its toggle icon, opens the preferences', async () => {
    await start()
    await notice()
    const choices = action('preferences')!
    expect(choices.textContent).toBe('Your Privacy Choices')
    expect(choices.querySelector('svg')).not.toBeNull()
    choices.click()
    await waitFor(() => q('[part=preferences]'))
  })

  it('a GPC visitor is told the signal was honoured, and is offered nothing to opt back in', async () => {
    useEnv({ gpc: () => true })
    await start()
    const n = await notice()
    expect(n.textContent).toContain('Opt-out preference signal honored')
    expect(action('opt-out')).toBeNull()
    expect(get()).toMatchObject({ method: 'gpc', optOut: { sale: true } })
  })

  it('is translated like the rest of the UI', async () => {
    document.documentElement.lang = 'de'
    await start({}, { translations: [de] })
    await notice()
    expect(action('opt-out')!.textContent).toBe(de.doNotSell)
    expect(action('preferences')!.textContent).toBe(de.privacyChoices)
  })

  it('a visitor who has opted out gets no UI on the next page, which has its own way back, and fetches no extras; show() brings the notice back', async () => {
    await returningVisitor(US, () => optOut())
    const link = document.createElement('a')
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    const extras = vi.fn(loaders.extras)
    await initWithUi({ ...US, ui: {} }, { ...loaders, extras })
    expect(get().optOut.sale).toBe(true)
    await painted()
    await new Promise((r) => setTimeout(r, 50))
    expect(shadow()).toBeNull()
    expect(extras).not.toHaveBeenCalled()
    show()
    await notice()
    expect(extras).toHaveBeenCalled()
  })

  it('an EU visitor of the same site gets the opt-in banner instead', async () => {
    await start({ region: 'FR' })
    expect(q('[part=banner]')!.getAttribute('role')).toBe('dialog')
    expect(q('[part=notice]')).toBeNull()
    expect(get().categories.marketing).toBe(false)
  })
})

describe('"Your Privacy Choices" links on the page', () => {
  it('an empty [data-consentry-choices] element gets the icon and the text, and opens the preferences', async () => {
    const a = document.createElement('a')
    a.href = '#'
    a.setAttribute('data-consentry-choices', '')
    a.setAttribute('data-consentry-open', '')
    document.body.append(a)
    await start()
    await waitFor(() => a.querySelector('svg'))
    expect(a.textContent).toContain('Your Privacy Choices')
    a.click()
    await waitFor(() => q('[part=preferences]'))
    expect(shadow()).not.toBeNull()
  })
})

describe('the preferences centre in opt-out mode', () => {
  const open = async () => {
    action('preferences')!.click()
    return waitFor(() => q('[part=preferences]'))
  }
  const sw = (id: string) => q<HTMLButtonElement>(`[aria-labelledby=${id}]`)!

  it('puts "Do Not Sell or Share" first, as a switch that takes the optOut categories with it; Save records it', async () => {
    await start()
    await notice()
    await open()
    const sale = sw('consentry-o-sale')
    expect(q('#consentry-o-sale')!.textContent).toBe('Do Not Sell or Share My Personal Information')
    expect(sale.getAttribute('aria-checked')).toBe('false')
    sale.click()
    await waitFor(() => sw('consentry-o-sale').getAttribute('aria-checked') == 'true' || null)
    expect(sw('consentry-c-marketing').getAttribute('aria-checked')).toBe('false')
    expect(sw('consentry-c-analytics').getAttribute('aria-checked')).toBe('true')
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
    expect(get()).toMatchObject({ method: 'preferences', optOut: { sale: true, sharing: true, targetedAds: true }, categories: { analytics: true, marketing: false } })
  })

  it('for a GPC visitor the switch is on and locked, with "Opt-out preference signal honored"', async () => {
    useEnv({ gpc: () => true })
    await start()
    await notice()
    await open()
    expect(sw('consentry-o-sale').getAttribute('aria-checked')).toBe('true')
    expect(sw('consentry-o-sale').disabled).toBe(true)
    expect(q('[part=gpc-honored]')!.textContent).toBe('Opt-out preference signal honored')
  })

  it('has a "Limit the Use of My Sensitive Personal Information" switch when configured', async () => {
    await start({ limitSensitive: true })
    await notice()
    await open()
    sw('consentry-o-spi').click()
    await waitFor(() => sw('consentry-o-spi').getAttribute('aria-checked') == 'true' || null)
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
    expect(get().optOut).toMatchObject({ sensitive: true, sale: false })
  })

  it('one Save is one decision: the switches, "Do Not Sell or Share" and the sensitive-data limit make one change and one record', async () => {
    await start({ limitSensitive: true })
    await notice()
    await open()
    const changes: unknown[] = []
    on('change', (snap) => changes.push(snap))
    // One switch at a time, each drawn before the next click, as a visitor flips them.
    for (const [id, to] of [['consentry-c-analytics', 'false'], ['consentry-o-sale', 'true'], ['consentry-o-spi', 'true']] as const) {
      sw(id).click()
      await waitFor(() => sw(id).getAttribute('aria-checked') == to || null)
    }
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({
      method: 'preferences',
      categories: { analytics: false, marketing: false },
      optOut: { sale: true, sharing: true, targetedAds: true, sensitive: true },
    })
  })

  it('while "Do Not Sell or Share" stays on, switching on the services of an optOut category (all of them) does not opt back in', async () => {
    const categories = [...US.categories!.slice(0, 2), { id: 'marketing', default: true, optOut: true, services: [{ id: 'video' }, { id: 'pixel' }] }]
    await start({ categories })
    await notice()
    action('opt-out')!.click()
    expect(get().optOut.sale).toBe(true)
    await open()
    for (const id of ['consentry-s-video', 'consentry-s-pixel']) {
      sw(id).click()
      await waitFor(() => sw(id).getAttribute('aria-checked') == 'true' || null)
    }
    // All of its services on: the category is on, and the opt-out switch, untouched, is still on.
    expect([sw('consentry-c-marketing').getAttribute('aria-checked'), sw('consentry-o-sale').getAttribute('aria-checked')]).toEqual(['true', 'true'])
    q<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
    expect(get()).toMatchObject({ services: { video: true, pixel: true }, optOut: { sale: true, sharing: true, targetedAds: true } })
  })

  it('opt-in mode has no opt-out switches', async () => {
    await start({ region: 'DE' })
    await open()
    expect(q('[part=opt-outs]')).toBeNull()
  })
})
