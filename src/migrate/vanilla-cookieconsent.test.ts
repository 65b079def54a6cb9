import { describe, expect, it } from 'vitest'
import { runInNewContext } from 'node:vm'
import { resolveConfig } from '../config/index.js'
import { resolveUi } from '../ui/config.js'
import { fromVanillaCookieConsent, MigrationError } from './index.js'

/** Converts and checks the result with Consentry's own validators, as init() would. */
const convert = (vcc: object) => {
  const out = fromVanillaCookieConsent(vcc)
  expect(() => resolveConfig(out.config)).not.toThrow()
  expect(() => resolveUi(out.config.ui)).not.toThrow()
  return out
}
const warningAt = (warnings: string[], path: string) => warnings.find((w) => w.startsWith(path + ':'))
const base = { categories: { necessary: { enabled: true, readOnly: true }, analytics: {} } }

describe('categories', () => {
  it('a readOnly category becomes necessary; the others keep their names', () => {
    const { config } = convert(base)
    expect(config.categories).toEqual([{ id: 'necessary', necessary: true }, { id: 'analytics' }])
  })

  it('a pre-ticked category in opt-in mode starts unticked, with a warning that says why', () => {
    const { config, warnings } = convert({ categories: { analytics: { enabled: true } } })
    expect(config.categories[0]).toEqual({ id: 'analytics' })
    expect(warningAt(warnings, 'categories.analytics.enabled')).toMatch(/never pre-ticks.*Planet49/)
  })

  it("in opt-out mode an enabled category is on until refused (default: true)", () => {
    const { config, warnings } = convert({ mode: 'opt-out', categories: { analytics: { enabled: true } } })
    expect(config.mode).toBe('opt-out')
    expect(config.categories[0]).toEqual({ id: 'analytics', default: true })
    expect(warnings.filter((w) => w.startsWith('categories'))).toEqual([])
    expect(warningAt(warnings, 'mode')).toMatch(/Do Not Sell.*optOut: true/)
  })

  it('readOnly without enabled is still strictly necessary, and says so', () => {
    const { config, warnings } = convert({ categories: { necessary: { readOnly: true } } })
    expect(config.categories[0]!.necessary).toBe(true)
    expect(warningAt(warnings, 'categories.necessary.readOnly')).toBeTruthy()
  })

  it('services keep their ids, plain-text labels and cookie names and patterns', () => {
    const { config } = convert({
      categories: { analytics: { services: { ga: { label: 'Google <b>Analytics</b>', cookies: [{ name: /^_ga/ }, { name: '_gid' }] } } } },
    })
    const ga = config.categories[0]!.services![0]!
    expect(ga).toMatchObject({ id: 'ga', label: 'Google Analytics', cookies: [/^_ga/, '_gid'] })
    expect(ga.cookies![0]).toBeInstanceOf(RegExp)
  })

  it('turns RegExps from another realm (the CLI sandbox) into this realm\'s, which the validator accepts', () => {
    const vcc = runInNewContext('({ categories: { analytics: { autoClear: { cookies: [{ name: /^_pk_/i }] } } } })')
    const { config } = convert(vcc)
    const m = config.categories[0]!.services![0]!.cookies![0] as RegExp
    expect(m).toBeInstanceOf(RegExp)
    expect([m.source, m.flags]).toEqual(['^_pk_', 'i'])
  })

  it("a category's autoClear cookies go to a service of its own, cleaned with the category", () => {
    const { config, warnings } = convert({ categories: { analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid', path: '/', domain: '.a.example' }] } } } })
    expect(config.categories[0]!.services).toEqual([{ id: 'analytics-cookies', label: 'analytics', cookies: [/^_ga/, '_gid'] }])
    expect(warningAt(warnings, 'categories.analytics')).toMatch(/analytics-cookies/)
    expect(warningAt(warnings, 'categories.analytics.autoClear.cookies')).toMatch(/every domain and path/)
  })

  it('autoClear.reloadPage becomes reloadOnWithdraw, with a warning when only some categories had it', () => {
    expect(convert({ categories: { a: { autoClear: { cookies: [], reloadPage: true } } } }).config.reloadOnWithdraw).toBe(true)
    const { config, warnings } = convert({ categories: { a: { autoClear: { cookies: [], reloadPage: true } }, b: {} } })
    expect(config.reloadOnWithdraw).toBe(true)
    expect(warningAt(warnings, 'autoClear.reloadPage')).toBeTruthy()
  })

  it('renames ids Consentry cannot use and tells how to change the markup', () => {
    const { config, warnings } = convert({
      categories: { 'ad tracking': { services: { analytics: {} } }, analytics: {}, '2fa': {} },
    })
    expect(config.categories.map((c) => c.id)).toEqual(['ad-tracking', 'analytics', 'fa'])
    expect(config.categories[0]!.services![0]!.id).toBe('analytics-2')
    expect(warningAt(warnings, 'categories.ad tracking')).toMatch(/data-category="ad-tracking"/)
    expect(warningAt(warnings, 'categories.ad tracking.services.analytics')).toMatch(/data-service="analytics-2"/)
  })

  it('service callbacks become warnings naming whenGranted and on(change)', () => {
    const { warnings } = convert({ categories: { ads: { services: { meta: { onAccept() {}, onReject() {} } } } } })
    expect(warningAt(warnings, 'categories.ads.services.meta.onAccept')).toContain("whenGranted('meta')")
    expect(warningAt(warnings, 'categories.ads.services.meta.onReject')).toContain("on('change'")
  })

  it('an empty categories object still gives a valid config', () => {
    const { config, warnings } = convert({ categories: {} })
    expect(config.categories).toEqual([{ id: 'necessary', necessary: true }])
    expect(warningAt(warnings, 'categories')).toBeTruthy()
  })
})

describe('top-level options', () => {
  it('carries mode and revision, and refuses a bad revision with a warning', () => {
    expect(convert({ ...base, mode: 'opt-out', revision: 4 }).config).toMatchObject({ mode: 'opt-out', revision: 4 })
    expect(convert({ ...base, mode: 'opt-in' }).config.mode).toBeUndefined()
    const { config, warnings } = convert({ ...base, revision: -1 })
    expect(config.revision).toBeUndefined()
    expect(warningAt(warnings, 'revision')).toBeTruthy()
  })

  it('maps cookie name, domain, path, sameSite and expiry (as the consent lifetime too)', () => {
    const { config, warnings } = convert({ ...base, cookie: { name: 'my_consent', domain: '.shop.example', path: '/', sameSite: 'Strict', secure: true, expiresAfterDays: 365 } })
    expect(config.cookie).toEqual({ name: 'my_consent', domain: '.shop.example', path: '/', sameSite: 'Strict', secure: true, lifetime: 365 })
    expect(config.lifetime).toBe(12)
    expect(warningAt(warnings, 'cookie.name')).toMatch(/asked again/)
  })

  it('caps the expiry at 13 months and 400 days, and secures SameSite=None', () => {
    const { config, warnings } = convert({ ...base, cookie: { expiresAfterDays: 730, sameSite: 'None' } })
    expect(config.lifetime).toBe(13)
    expect(config.cookie).toEqual({ sameSite: 'None', secure: true, lifetime: 400 })
    expect(warningAt(warnings, 'cookie.expiresAfterDays')).toMatch(/13 months/)
  })

  it('an expiry function, useLocalStorage and a bad cookie name are warnings', () => {
    const { config, warnings } = convert({ ...base, cookie: { name: 'bad name', expiresAfterDays: () => 182, useLocalStorage: true } })
    expect(config.cookie).toBeUndefined()
    expect(config.lifetime).toBeUndefined()
    for (const p of ['cookie.name', 'cookie.expiresAfterDays', 'cookie.useLocalStorage']) expect(warningAt(warnings, p), p).toBeTruthy()
  })

  it('every callback becomes a warning with the exact Consentry call', () => {
    const f = () => {}
    const { warnings } = convert({ ...base, onFirstConsent: f, onConsent: f, onChange: f, onModalShow: f, onModalHide: f, onModalReady: f })
    expect(warningAt(warnings, 'onFirstConsent')).toContain("on('change'")
    expect(warningAt(warnings, 'onConsent')).toContain("on('ready'")
    expect(warningAt(warnings, 'onChange')).toContain("on('change', (snapshot)")
    expect(warningAt(warnings, 'onModalShow')).toContain('$ui.subscribe')
    expect(warningAt(warnings, 'onModalHide')).toContain('$ui.subscribe')
    expect(warningAt(warnings, 'onModalReady')).toContain('::part()')
  })

  it('options without an equivalent are warnings, never dropped in silence', () => {
    const { warnings } = convert({
      ...base, root: '#app', autoShow: false, hideFromBots: true, lazyHtmlGeneration: true, manageScriptTags: false, autoClearCookies: false, disablePageInteraction: true,
    })
    for (const p of ['root', 'autoShow', 'lazyHtmlGeneration', 'manageScriptTags', 'autoClearCookies', 'disablePageInteraction']) expect(warningAt(warnings, p), p).toBeTruthy()
  })

  it('hideFromBots carries over, on unless turned off as in vanilla-cookieconsent, with no warning', () => {
    for (const [given, expected] of [[true, true], [undefined, true], [false, undefined]] as const) {
      const { config, warnings } = convert({ ...base, hideFromBots: given })
      expect(config.hideFromBots, String(given)).toBe(expected)
      expect(warningAt(warnings, 'hideFromBots')).toBeFalsy()
    }
  })

  it('unknown keys are warnings at every level', () => {
    const { warnings } = convert({
      categories: { analytics: { enabeld: true, services: { ga: { lable: 'x' } } } },
      revison: 2,
      cookie: { expires: 5 },
      guiOptions: { consentModal: { theme: 'dark' } },
      language: { default: 'en', translations: { en: { consentModal: { titel: 'x' }, preferencesModal: { sections: [{ linkedCategory: 'analytics', tittle: 'y' }] } } } },
    })
    for (const p of ['revison', 'categories.analytics.enabeld', 'categories.analytics.services.ga.lable', 'cookie.expires', 'guiOptions.consentModal.theme', 'language.translations.en.consentModal.titel', 'language.translations.en.preferencesModal.sections[0].tittle'])
      expect(warningAt(warnings, p), p).toMatch(/not carried over/)
  })

  it('refuses what is not a v3 config, and recognises v2', () => {
    expect(() => fromVanillaCookieConsent(42)).toThrow(MigrationError)
    expect(() => fromVanillaCookieConsent({ cookie: {} })).toThrow(/no categories/)
    expect(() => fromVanillaCookieConsent({ current_lang: 'en', gui_options: {}, categories: {} })).toThrow(/v2/)
  })
})

describe('guiOptions', () => {
  const gui = (consentModal: object, extra: object = {}) => convert({ ...base, guiOptions: { consentModal }, ...extra })
  it("keeps vanilla-cookieconsent's default look: a box at the bottom right", () => {
    expect(convert(base).config.ui).toEqual({ layout: 'box', position: 'bottom-right' })
  })
  it('maps box corners, bars, and centred boxes (a modal, dimmed with disablePageInteraction)', () => {
    expect(gui({ layout: 'box', position: 'top left' }).config.ui).toMatchObject({ layout: 'box', position: 'top-left' })
    expect(gui({ layout: 'bar inline', position: 'top' }).config.ui).toMatchObject({ layout: 'bar', position: 'top' })
    expect(gui({ layout: 'box', position: 'middle center' }).config.ui).toMatchObject({ layout: 'modal', position: 'center', backdrop: false })
    const { config, warnings } = gui({ layout: 'box', position: 'middle center' }, { disablePageInteraction: true })
    expect(config.ui).toMatchObject({ layout: 'modal', backdrop: true })
    expect(warningAt(warnings, 'disablePageInteraction')).toBeUndefined()
  })
  it('warns where the look changes: cloud, wide, centred boxes, flipped or unequal buttons, preferences layouts', () => {
    const { config, warnings } = convert({
      ...base,
      guiOptions: { consentModal: { layout: 'cloud', position: 'bottom center', flipButtons: true, equalWeightButtons: false }, preferencesModal: { layout: 'bar wide', position: 'right' } },
    })
    expect(config.ui).toMatchObject({ layout: 'bar', position: 'bottom' })
    for (const p of ['guiOptions.consentModal.layout', 'guiOptions.consentModal.flipButtons', 'guiOptions.consentModal.equalWeightButtons', 'guiOptions.preferencesModal'])
      expect(warningAt(warnings, p), p).toBeTruthy()
    expect(warningAt(gui({ layout: 'box wide', position: 'bottom center' }).warnings, 'guiOptions.consentModal.position')).toMatch(/bottom-right/)
  })
})
