/** The UI's languages and its config: translations, overrides, and every wrong field reported at once. */
import { describe, expect, it, vi } from 'vitest'
import { acceptAll, ConsentryError } from '../headless.js'
import type { ConsentryConfig, UiConfig } from '../config/index.js'
import { CONFIG, painted } from '../testing/index.js'
import { de } from './i18n/de.js'
import { nb } from './i18n/nb.js'
import { initWithUi } from './init.js'
import { action, host, loaders, q, returningVisitor, startUi, useUiPage, waitFor } from './testing.js'

useUiPage()

describe('languages', () => {
  it('follows <html lang> among the configured translations', async () => {
    document.documentElement.lang = 'de-AT'
    await startUi({ translations: [de] })
    expect(action('accept-all')!.textContent).toBe('Alle akzeptieren')
    expect(q('[part=banner]')!.getAttribute('lang')).toBe('de')
  })

  it('prefers the configured language, and falls back to English', async () => {
    document.documentElement.lang = 'de'
    await startUi({ translations: [de], language: 'fr' })
    expect(action('accept-all')!.textContent).toBe('Accept all')
  })

  it('uses navigator.languages when the page says nothing', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-CH', 'en'])
    await startUi({ translations: [de] })
    expect(action('reject-all')!.textContent).toBe('Alle ablehnen')
  })

  // BCP 47: `no` is the macrolanguage of `nb` and `nn` in the IANA registry; pages and browsers use all three.
  it.each([
    ['no', 'a page in Norwegian'],
    ['nn-NO', 'a page in Nynorsk, which has no translation of its own'],
    ['NO', 'a page that writes the tag in capitals'],
  ])('<html lang="%s"> (%s) shows Bokmål', async (lang) => {
    document.documentElement.lang = lang
    await startUi({ translations: [de, nb] })
    expect(action('accept-all')!.textContent).toBe(nb.acceptAll)
    expect(q('[part=banner]')!.getAttribute('lang')).toBe('nb')
  })

  it('a browser that prefers Norwegian (no) gets Bokmål from the script tag, fetched as i18n/nb.mjs', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['no', 'en'])
    const i18n = await import('./i18n/index.js')
    const language = vi.fn(async (lang: string) => i18n[lang as 'nb'])
    await initWithUi({ ...CONFIG }, { ...loaders, languages: ['de', 'nb'], language })
    const banner = await waitFor(() => q('[part=banner]'))
    expect(language).toHaveBeenCalledWith('nb')
    expect(banner.getAttribute('lang')).toBe('nb')
  })

  it("a site's own Nynorsk translation is shown to a Nynorsk page, not Bokmål", async () => {
    document.documentElement.lang = 'nn'
    await startUi({ translations: [nb, { ...nb, lang: 'nn', acceptAll: 'Godta alle (nynorsk)' }] })
    expect(action('accept-all')!.textContent).toBe('Godta alle (nynorsk)')
  })

  it('loads a language on demand when the build can (script tag)', async () => {
    document.documentElement.lang = 'ar'
    // Imported first: vitest transforms a module on its first import, which on a loaded machine can take longer
    // than the UI's 2 s wait for a language before it falls back to English (the test then flaked).
    const i18n = await import('./i18n/index.js')
    const language = vi.fn(async (lang: string) => i18n[lang as 'ar'])
    await initWithUi({ ...CONFIG }, { ...loaders, languages: ['ar'], language })
    const banner = await waitFor(() => q('[part=banner]'))
    expect(language).toHaveBeenCalledWith('ar')
    expect(banner.getAttribute('dir')).toBe('rtl')
  })

  it('a visitor who has decided fetches no language on a page view that shows nothing; asked for the preferences, they come in the page language', async () => {
    await returningVisitor()
    document.documentElement.lang = 'de'
    const link = document.createElement('a')
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    const i18n = await import('./i18n/index.js')
    const language = vi.fn(async (lang: string) => i18n[lang as 'de'])
    await initWithUi({ ...CONFIG, ui: {} }, { ...loaders, languages: ['de'], language })
    await painted()
    await new Promise((r) => setTimeout(r, 50))
    expect(host()).toBeNull()
    expect(language).not.toHaveBeenCalled()
    link.click()
    const prefs = await waitFor(() => q('[part=preferences]'))
    expect(language).toHaveBeenCalledTimes(1)
    expect(language).toHaveBeenCalledWith('de')
    expect(prefs.closest('[lang]')?.getAttribute('lang')).toBe('de')
  })

  it('lets any string be overridden, for one language or all', async () => {
    document.documentElement.lang = 'de'
    await startUi({ translations: [de], text: { '*': { manage: 'Options' }, de: { acceptAll: 'Ja' } } })
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
    await expect(startUi(ui as UiConfig)).rejects.toThrow(message)
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
    const e = await startUi({ layout: 'sidebar' as 'bar', position: 'top-left' }).catch((e: ConsentryError) => e)
    expect((e as ConsentryError).problems.map((p) => p.path)).toEqual(['config.ui.layout'])
  })
})
