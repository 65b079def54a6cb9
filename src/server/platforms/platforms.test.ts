// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { mayUpload, platformFields, readConsent, type Platform, type SyncRecord } from '../index.js'

const NO_OPT_OUT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
const OPTED_OUT = { sale: true, sharing: true, targetedAds: true, sensitive: false }
const base: SyncRecord = {
  v: 1,
  id: '11111111-1111-4111-8111-111111111111',
  consentId: '22222222-2222-4222-8222-222222222222',
  createdAt: '2026-05-01T11:00:00.000Z',
  updatedAt: '2026-05-01T12:00:00.000Z',
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'DE',
  revision: 0,
  categories: { necessary: true, analytics: true, marketing: true },
  services: {},
  optOut: NO_OPT_OUT,
  gpc: false,
  url: 'https://shop.example/checkout',
}
const rec = (over: Partial<SyncRecord>): SyncRecord => ({ ...base, ...over })

/** The four cases of the docs' table, plus the others the issue names. */
const CASES = {
  'opt-in (EU, marketing granted)': rec({}),
  'refused (EU, marketing refused)': rec({ categories: { necessary: true, analytics: true, marketing: false } }),
  'US opt-out (California, Do Not Sell or Share)': rec({ mode: 'opt-out', jurisdiction: 'US-CA', method: 'banner', categories: { necessary: true, analytics: true, marketing: false }, optOut: OPTED_OUT }),
  'GPC (California, nothing clicked)': rec({ mode: 'opt-out', jurisdiction: 'US-CA', method: 'gpc', gpc: true, categories: { necessary: true, analytics: true, marketing: true } }),
  'sensitive only (California, Limit the Use)': rec({ mode: 'opt-out', jurisdiction: 'US-CA', optOut: { ...NO_OPT_OUT, sensitive: true } }),
  'outside the US with GPC (EU, marketing granted)': rec({ gpc: true }),
  'damaged record (marketing granted but an unknown field)': { ...rec({}), extra: 1 },
}
type Case = keyof typeof CASES

const EXPECTED: Record<Platform, Record<Case, unknown>> = {
  meta: {
    'opt-in (EU, marketing granted)': { data_processing_options: [], opt_out: false },
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000, opt_out: true },
    'GPC (California, nothing clicked)': { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000, opt_out: true },
    'sensitive only (California, Limit the Use)': { data_processing_options: [], opt_out: false },
    'outside the US with GPC (EU, marketing granted)': { data_processing_options: [], opt_out: false },
    'damaged record (marketing granted but an unknown field)': null,
  },
  'google-ads': {
    'opt-in (EU, marketing granted)': { consent: { adUserData: 'GRANTED' } },
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': null,
    'GPC (California, nothing clicked)': null,
    'sensitive only (California, Limit the Use)': { consent: { adUserData: 'GRANTED' } },
    'outside the US with GPC (EU, marketing granted)': { consent: { adUserData: 'GRANTED' } },
    'damaged record (marketing granted but an unknown field)': null,
  },
  'google-data-manager': {
    'opt-in (EU, marketing granted)': { consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' } },
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': null,
    'GPC (California, nothing clicked)': null,
    'sensitive only (California, Limit the Use)': { consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' } },
    'outside the US with GPC (EU, marketing granted)': { consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' } },
    'damaged record (marketing granted but an unknown field)': null,
  },
  tiktok: {
    'opt-in (EU, marketing granted)': { limited_data_use: false },
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': { limited_data_use: true },
    'GPC (California, nothing clicked)': { limited_data_use: true },
    'sensitive only (California, Limit the Use)': { limited_data_use: false },
    'outside the US with GPC (EU, marketing granted)': { limited_data_use: false },
    'damaged record (marketing granted but an unknown field)': null,
  },
  snap: {
    'opt-in (EU, marketing granted)': {},
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': null,
    'GPC (California, nothing clicked)': null,
    'sensitive only (California, Limit the Use)': {},
    'outside the US with GPC (EU, marketing granted)': {},
    'damaged record (marketing granted but an unknown field)': null,
  },
  pinterest: {
    'opt-in (EU, marketing granted)': {},
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': { custom_data: { opt_out_type: 'LDP' } },
    'GPC (California, nothing clicked)': { custom_data: { opt_out_type: 'LDP' } },
    'sensitive only (California, Limit the Use)': {},
    'outside the US with GPC (EU, marketing granted)': {},
    'damaged record (marketing granted but an unknown field)': null,
  },
  linkedin: {
    'opt-in (EU, marketing granted)': {},
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': null,
    'GPC (California, nothing clicked)': null,
    'sensitive only (California, Limit the Use)': {},
    'outside the US with GPC (EU, marketing granted)': {},
    'damaged record (marketing granted but an unknown field)': null,
  },
  reddit: {
    'opt-in (EU, marketing granted)': {},
    'refused (EU, marketing refused)': null,
    'US opt-out (California, Do Not Sell or Share)': { user: { data_processing_options: { modes: ['LDU'], country: 'US', region: 'US-CA' } } },
    'GPC (California, nothing clicked)': { user: { data_processing_options: { modes: ['LDU'], country: 'US', region: 'US-CA' } } },
    'sensitive only (California, Limit the Use)': {},
    'outside the US with GPC (EU, marketing granted)': {},
    'damaged record (marketing granted but an unknown field)': null,
  },
  // GPP strings: the privacy-signals reference's vectors (§7) for usnat v2 with the default settings.
  openrtb: {
    'opt-in (EU, marketing granted)': { regs: { gpp: 'DBAA', gpp_sid: [], us_privacy: '1---' } },
    'refused (EU, marketing refused)': { regs: { gpp: 'DBAA', gpp_sid: [], us_privacy: '1---' } },
    'US opt-out (California, Do Not Sell or Share)': { regs: { gpp: 'DBABLA~CVQVAAAAAACA.QA', gpp_sid: [7], us_privacy: '1YYN' } },
    'GPC (California, nothing clicked)': { regs: { gpp: 'DBABLA~CVQVAAAAAACA.YA', gpp_sid: [7], us_privacy: '1YYN' } },
    'sensitive only (California, Limit the Use)': { regs: { gpp: 'DBABLA~CVQqAAAAAACA.QA', gpp_sid: [7], us_privacy: '1YNN' } },
    'outside the US with GPC (EU, marketing granted)': { regs: { gpp: 'DBAA', gpp_sid: [], us_privacy: '1---' } },
    'damaged record (marketing granted but an unknown field)': null,
  },
}

describe('platformFields: each platform, each case', () => {
  for (const [platform, cases] of Object.entries(EXPECTED))
    it.each(Object.entries(cases))(`${platform}: %s`, (name, expected) => {
      expect(platformFields(CASES[name as Case], platform as Platform)).toEqual(expected)
    })
})

describe('mayUpload: audiences take only visitors who allowed advertising and did not opt out', () => {
  const expected: Record<Case, boolean> = {
    'opt-in (EU, marketing granted)': true,
    'refused (EU, marketing refused)': false,
    'US opt-out (California, Do Not Sell or Share)': false,
    'GPC (California, nothing clicked)': false,
    'sensitive only (California, Limit the Use)': true,
    'outside the US with GPC (EU, marketing granted)': true,
    'damaged record (marketing granted but an unknown field)': false,
  }
  it.each(Object.entries(expected))('%s', (name, ok) => {
    for (const p of Object.keys(EXPECTED) as Platform[]) expect(mayUpload(CASES[name as Case], p), p).toBe(ok)
  })
})

describe('where the visitor is', () => {
  const optedOut = CASES['US opt-out (California, Do Not Sell or Share)']

  it('Meta: a listed state by its code, an unknown place geolocated (0/0), a state Meta does not list or a place outside the US not sent', () => {
    expect(platformFields(optedOut, 'meta', { region: 'US-CO' })).toMatchObject({ data_processing_options_country: 1, data_processing_options_state: 1001 })
    expect(platformFields(optedOut, 'meta', { region: 'US-RI' })).toMatchObject({ data_processing_options_state: 1013 })
    for (const region of ['', 'US']) expect(platformFields(optedOut, 'meta', { region })).toEqual({ data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0, opt_out: true })
    expect(platformFields(optedOut, 'meta', { region: 'US-WA' })).toBeNull()
    expect(platformFields(optedOut, 'meta', { region: 'FR' })).toBeNull()
  })

  it('a region option that is not a region code is ignored: the record says where', () => {
    expect(platformFields(optedOut, 'meta', { region: 'california' })).toMatchObject({ data_processing_options_state: 1000 })
  })

  it('Reddit: country and region only when known', () => {
    expect(platformFields(optedOut, 'reddit', { region: 'US' })).toEqual({ user: { data_processing_options: { modes: ['LDU'], country: 'US' } } })
    expect(platformFields(optedOut, 'reddit', { region: '' })).toEqual({ user: { data_processing_options: { modes: ['LDU'] } } })
    expect(platformFields(optedOut, 'reddit', { region: 'BR' })).toBeNull()
  })

  it('TikTok and Pinterest: restricted modes for US (or unknown) places only', () => {
    expect(platformFields(optedOut, 'tiktok', { region: 'US-TX' })).toEqual({ limited_data_use: true })
    expect(platformFields(optedOut, 'tiktok', { region: 'JP' })).toBeNull()
    expect(platformFields(optedOut, 'pinterest', { region: 'CA' })).toBeNull()
  })

  it('GPC counts as an opt-out in an unknown place too (who may be Californian)', () => {
    const gpc = rec({ mode: 'opt-out', jurisdiction: '', gpc: true })
    expect(platformFields(gpc, 'tiktok')).toEqual({ limited_data_use: true })
    expect(mayUpload(gpc, 'meta')).toBe(false)
  })
})

describe('whose consent decides', () => {
  it('in opt-in mode a refusal stays a refusal: GPC on top restricts nothing into being sent', () => {
    const refusedWithGpc = rec({ jurisdiction: 'US-CA', gpc: true, categories: { necessary: true, marketing: false } })
    for (const p of Object.keys(EXPECTED) as Platform[]) if (p != 'openrtb') expect(platformFields(refusedWithGpc, p), p).toBeNull()
  })

  it('the platform’s own service decides when the record has it: refused Meta inside a granted marketing is refused', () => {
    const r = rec({ services: { 'meta-pixel': false, 'tiktok-pixel': true } })
    expect(platformFields(r, 'meta')).toBeNull()
    expect(platformFields(r, 'tiktok')).toEqual({ limited_data_use: false })
    expect(mayUpload(r, 'meta')).toBe(false)
    expect(platformFields(r, 'meta', { service: 'meta-capi' })).toEqual({ data_processing_options: [], opt_out: false })
  })

  it('the ads categories can be named', () => {
    const r = rec({ categories: { necessary: true, retargeting: true } })
    expect(platformFields(r, 'google-ads')).toBeNull()
    expect(platformFields(r, 'google-ads', { categories: ['retargeting'] })).toEqual({ consent: { adUserData: 'GRANTED' } })
  })
})

describe('a Snapshot works like a record', () => {
  const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }], mode: 'auto' as const }

  it('readConsent with no cookie: EU undecided is refused, a US visitor with GPC is limited', () => {
    expect(platformFields(readConsent(undefined, { ...CONFIG, region: 'DE' }), 'meta')).toBeNull()
    const us = readConsent(undefined, { ...CONFIG, region: 'US-CA' }, { gpc: true })
    expect(platformFields(us, 'meta')).toMatchObject({ data_processing_options: ['LDU'], data_processing_options_state: 1000 })
    expect(platformFields(us, 'openrtb')).toEqual({ regs: { gpp: 'DBABLA~CVQVAAAAAACA.YA', gpp_sid: [7], us_privacy: '1YYN' } })
    const usNoGpc = readConsent(undefined, { ...CONFIG, region: 'US-CA' })
    expect(platformFields(usNoGpc, 'google-ads')).toEqual({ consent: { adUserData: 'GRANTED' } })
  })

  it('a snapshot with a field of the wrong type is no consent', () => {
    const s = readConsent(undefined, { ...CONFIG, region: 'US-CA' })
    expect(platformFields({ ...s, gpc: 'no' }, 'google-ads')).toBeNull()
    expect(platformFields({ ...s, categories: { marketing: 1 } }, 'google-ads')).toBeNull()
  })
})

describe('openrtb', () => {
  it('a record’s own GPP and USP strings are used as the page published them', () => {
    const r = rec({ mode: 'opt-out', jurisdiction: 'US-CA', gpp: 'DBABBg~BVQVAAAAAWA.QA', gppSid: [8], usp: '1YYY', optOut: OPTED_OUT })
    expect(platformFields(r, 'openrtb')).toEqual({ regs: { gpp: 'DBABBg~BVQVAAAAAWA.QA', gpp_sid: [8], us_privacy: '1YYY' } })
  })

  it('encodes with the site’s signals settings when the record has none', () => {
    const r = rec({ mode: 'opt-out', jurisdiction: 'US-CA', optOut: OPTED_OUT })
    expect(platformFields(r, 'openrtb', { signals: { lspa: true } })).toMatchObject({ regs: { us_privacy: '1YYY' } })
    expect(platformFields(r, 'openrtb', { signals: { sections: ['usca'] } })).toMatchObject({ regs: { gpp_sid: [8] } })
  })
})

describe('damaged input is no consent, and never throws', () => {
  const bad: unknown[] = [
    null,
    undefined,
    42,
    'consent',
    [],
    {},
    { ...base, v: 2 },
    { ...base, categories: { marketing: 'true' } },
    { ...base, optOut: { sale: false } },
    { ...base, consentId: 'x' },
    { ...base, jurisdiction: 'us-ca' },
    { ...base, categories: JSON.parse('{"marketing":true,"__proto__":true}') },
    { ...base, gpc: 1 },
    Object.create({ categories: { marketing: true } }),
    { decided: true, categories: { marketing: true }, services: {}, optOut: NO_OPT_OUT, gpc: false, jurisdiction: 'DE', mode: 'on' },
  ]
  it.each(bad.map((b, i) => [i, b]))('case %i: every platform null, no upload', (_, b) => {
    for (const p of Object.keys(EXPECTED) as Platform[]) {
      expect(platformFields(b, p), p).toBeNull()
      expect(mayUpload(b, p), p).toBe(false)
    }
  })

  it('random mutations of a granted record: a grant only when the record is still valid', () => {
    let seed = 3
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const values = [null, true, false, 0, 1, '', 'x', [], {}, { marketing: true }, 'US-CA', -1, 1e9]
    const keys = [...Object.keys(base), 'extra', '__proto__']
    for (let i = 0; i < 2000; i++) {
      const r: Record<string, unknown> = JSON.parse(JSON.stringify(base))
      for (let k = rand(3) + 1; k > 0; k--) r[keys[rand(keys.length)]!] = values[rand(values.length)]
      for (const p of ['meta', 'google-ads', 'tiktok'] as Platform[]) {
        const f = platformFields(r, p)
        if (f) expect(r.categories, JSON.stringify(r)).toMatchObject({ marketing: true })
      }
    }
  })

  it('an unknown platform is a developer mistake: a ConsentryError', () => {
    expect(() => platformFields(base, 'myspace' as Platform)).toThrow(expect.objectContaining({ code: 'invalid-config' }))
    expect(() => mayUpload(base, 'constructor' as Platform)).toThrow(expect.objectContaining({ code: 'invalid-config' }))
  })
})
