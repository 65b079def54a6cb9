import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../config/index.js'
import { resolveUi } from '../ui/config.js'
import { fromVanillaCookieConsent } from './index.js'

const convert = (language: object, categories: object = { necessary: { readOnly: true, enabled: true }, analytics: {}, ads: {} }) => {
  const out = fromVanillaCookieConsent({ categories, language })
  expect(() => resolveConfig(out.config)).not.toThrow()
  expect(() => resolveUi(out.config.ui)).not.toThrow()
  return { ui: out.config.ui!, config: out.config, warnings: out.warnings }
}
const warningAt = (warnings: string[], path: string) => warnings.find((w) => w.startsWith(path + ':'))

const en = {
  consentModal: {
    label: 'Cookie consent',
    title: 'We use cookies',
    description: 'We measure visits. <a href="/cookies">Cookie policy</a>',
    acceptAllBtn: 'Allow all',
    acceptNecessaryBtn: 'Only necessary',
    showPreferencesBtn: 'Settings',
    closeIconLabel: 'Reject and close',
  },
  preferencesModal: {
    title: 'Your settings',
    acceptAllBtn: 'Allow everything',
    savePreferencesBtn: 'Save',
    closeIconLabel: 'Close dialog',
    sections: [
      { title: 'Intro', description: 'Pick what we may use.' },
      { title: 'Needed', description: 'Always on.', linkedCategory: 'necessary' },
      {
        title: 'Statistics',
        description: 'Counts &amp; charts.',
        linkedCategory: 'analytics',
        cookieTable: { headers: { name: 'Name', desc: 'Purpose', exp: 'Expires' }, body: [{ name: '_ga', desc: 'Visitor id', exp: '2 years' }, { desc: 'no name' }] },
      },
      { title: 'Ads', description: 'Campaigns.', linkedCategory: 'ads' },
    ],
  },
}

describe('translations', () => {
  it("maps the banner's and the preferences' texts to Consentry's keys, as text", () => {
    const { ui } = convert({ default: 'en', translations: { en } })
    expect(ui.text!.en).toEqual({
      bannerTitle: 'We use cookies',
      bannerText: 'We measure visits. {policy}',
      policyLink: 'Cookie policy',
      acceptAll: 'Allow all',
      rejectAll: 'Only necessary',
      manage: 'Settings',
      preferencesTitle: 'Your settings',
      save: 'Save',
      close: 'Close dialog',
      preferencesText: 'Pick what we may use.',
      categories: {
        necessary: { name: 'Needed', description: 'Always on.' },
        analytics: { name: 'Statistics', description: 'Counts & charts.' },
        ads: { name: 'Ads', description: 'Campaigns.' },
      },
    })
    expect(ui.policyUrl).toBe('/cookies')
    expect(ui.language).toBe('en')
  })

  it('gives categories Consentry does not know their name in every language, and descriptions in the config', () => {
    const { ui, config } = convert({ default: 'en', translations: { en } })
    expect(ui.text!['*']).toEqual({ categories: { ads: { name: 'Ads', description: 'Campaigns.' } } })
    expect(config.categories.find((c) => c.id == 'analytics')!.description).toBe('Counts & charts.')
  })

  it("puts the default language's cookie table on the services whose cookies it names", () => {
    const { config, warnings } = convert(
      { default: 'en', translations: { en } },
      { analytics: { services: { ga: { cookies: [{ name: /^_ga/ }] } } } },
    )
    expect(config.categories[0]!.services![0]!.cookieTable).toEqual([{ name: '_ga', purpose: 'Visitor id', lifetime: '2 years' }])
    expect(warningAt(warnings, 'language.translations.en.preferencesModal.sections[2].cookieTable.body[1]')).toMatch(/without a cookie name/)
  })

  it('warns about texts with no place, and one button text used twice', () => {
    const { warnings } = convert({ default: 'en', translations: { en } })
    expect(warningAt(warnings, 'language.translations.en.consentModal.label')).toBeTruthy()
    expect(warningAt(warnings, 'language.translations.en.consentModal.closeIconLabel')).toMatch(/nothing is decided by closing/)
    expect(warningAt(warnings, 'language.translations.en.preferencesModal.acceptAllBtn')).toMatch(/kept "Allow all"/)
  })

  it('takes the policy link from the footer, and warns about the footer links it leaves', () => {
    const footer = '<a href="/imprint">Imprint</a> | <a href="https://shop.example/privacy">Privacy</a>'
    const { ui, warnings } = convert({ default: 'en', translations: { en: { consentModal: { description: 'Hi <b>there</b>', footer }, preferencesModal: { sections: [] } } } })
    expect(ui.policyUrl).toBe('https://shop.example/privacy')
    expect(ui.text!.en).toMatchObject({ bannerText: 'Hi there {policy}', policyLink: 'Privacy' })
    expect(warningAt(warnings, 'language.translations.en.consentModal.footer')).toMatch(/Imprint/)
    expect(warningAt(warnings, 'language.translations.en')).toMatch(/HTML removed from consentModal.description/)
  })

  it('says where data-cc buttons in texts went', () => {
    const description = 'Hi. <button type="button" data-cc="show-preferencesModal">Settings</button>'
    const { ui, warnings } = convert({ default: 'en', translations: { en: { consentModal: { description } } } })
    expect((ui.text!.en as { bannerText: string }).bannerText).toBe('Hi. Settings')
    expect(warnings.find((w) => w.includes('data-cc'))).toMatch(/data-consentry-open/)
  })

  it('never takes a javascript: link as the policy URL', () => {
    const { ui } = convert({ default: 'en', translations: { en: { consentModal: { description: 'x', footer: '<a href="javascript:alert(1)">Privacy</a>' } } } })
    expect(ui.policyUrl).toBeUndefined()
  })

  it.each(['java\nscript:alert(1)', 'ja\tvascript:alert(1)', '\x01javascript:alert(1)'])('nor one a browser reads as javascript: (%j)', (href) => {
    const { ui } = convert({ default: 'en', translations: { en: { consentModal: { description: 'x', footer: `<a href="${href}">Privacy</a>` } } } })
    expect(ui.policyUrl).toBeUndefined()
  })

  it('drops the revision message placeholder from the text and carries the message as bannerRevised, without a warning', () => {
    const { ui, warnings } = convert({ default: 'en', translations: { en: { consentModal: { description: 'Hello {{revisionMessage}}', revisionMessage: 'Changed!' } } } })
    expect(ui.text!.en).toMatchObject({ bannerText: 'Hello', bannerRevised: 'Changed!' })
    expect(warningAt(warnings, 'language.translations.en.consentModal.revisionMessage')).toBeFalsy()
  })

  it('keeps each language: shipped ones in ui.text, others as whole translations (rtl from language.rtl)', () => {
    const { ui, warnings } = convert({
      default: 'de-DE',
      rtl: 'fa',
      translations: { 'de-DE': { consentModal: { title: 'Hallo' } }, fa: { consentModal: { title: 'سلام' } }, tr: { consentModal: { title: 'Merhaba' } } },
    })
    expect(ui.language).toBe('de')
    expect(ui.text).toEqual({ de: { bannerTitle: 'Hallo' } })
    expect(ui.translations).toEqual([{ lang: 'fa', dir: 'rtl', bannerTitle: 'سلام' }, { lang: 'tr', dir: 'ltr', bannerTitle: 'Merhaba' }])
    expect(warningAt(warnings, 'language.translations')).toMatch(/fa, tr.*English/)
  })

  it('detects the language when vanilla-cookieconsent did, and warns about the fallback', () => {
    const { ui, warnings } = convert({ default: 'fr', autoDetect: 'browser', translations: { fr: { consentModal: { title: 'Salut' } } } })
    expect(ui.language).toBeUndefined()
    expect(warningAt(warnings, 'language.autoDetect')).toMatch(/<html lang>/)
    expect(warningAt(warnings, 'language.default')).toMatch(/English/)
  })

  it('refuses a default language that is not a language tag', () => {
    const { ui, warnings } = convert({ default: 'english', translations: { english: { consentModal: { title: 'Hi' } } } })
    expect(ui.language).toBeUndefined()
    expect(warningAt(warnings, 'language.default')).toMatch(/not a language tag/)
  })

  it('warns about translations given as URLs or functions, and a second locale of one language', () => {
    const { ui, warnings } = convert({
      default: 'en',
      translations: { en: { consentModal: { title: 'A' } }, 'en-GB': { consentModal: { title: 'B' } }, de: '/i18n/de.json', it: () => ({}) },
    })
    expect(ui.text).toEqual({ en: { bannerTitle: 'A' } })
    expect(warningAt(warnings, 'language.translations.de')).toMatch(/URL.*\/i18n\/de.json/)
    expect(warningAt(warnings, 'language.translations.it')).toMatch(/function/)
    expect(warningAt(warnings, 'language.translations.en-GB')).toMatch(/only the first/)
  })

  it('warns about sections it cannot place and links to unknown categories', () => {
    const { warnings } = convert({
      default: 'en',
      translations: { en: { preferencesModal: { sections: [{ linkedCategory: 'analytics', title: 'A' }, { title: 'More', description: 'Contact us' }, { linkedCategory: 'nope', title: 'X' }] } } },
    })
    expect(warningAt(warnings, 'language.translations.en.preferencesModal.sections[1]')).toMatch(/More/)
    expect(warningAt(warnings, 'language.translations.en.preferencesModal.sections[2].linkedCategory')).toMatch(/nope/)
  })

  it("only the default language's cookie tables are carried, and columns it cannot map are named", () => {
    const table = { headers: { name: 'Name', flavour: 'Flavour' }, body: [{ name: 'x', flavour: 'choc' }] }
    const { config, warnings } = convert({
      default: 'en',
      translations: {
        en: { preferencesModal: { sections: [{ linkedCategory: 'analytics', cookieTable: table }] } },
        de: { preferencesModal: { sections: [{ linkedCategory: 'analytics', cookieTable: table }] } },
      },
    }, { analytics: {} })
    expect(config.categories[0]!.services).toEqual([{ id: 'analytics-cookies', label: 'analytics', cookieTable: [{ name: 'x', purpose: '—', lifetime: '—' }] }])
    expect(warningAt(warnings, 'language.translations.en.preferencesModal.sections[0].cookieTable.headers.flavour')).toBeTruthy()
    expect(warningAt(warnings, 'language.translations.de.preferencesModal.sections[0].cookieTable')).toMatch(/default language/)
  })
})
