/** The records the platform-fields tests read, and what each platform must make of each (the docs' table). */
import type { Platform, SyncRecord } from '../index.js'

export const NO_OPT_OUT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
export const OPTED_OUT = { sale: true, sharing: true, targetedAds: true, sensitive: false }
export const base: SyncRecord = {
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
export const rec = (over: Partial<SyncRecord>): SyncRecord => ({ ...base, ...over })

/** The four cases of the docs' table, plus the others the issue names. */
export const CASES = {
  'opt-in (EU, marketing granted)': rec({}),
  'refused (EU, marketing refused)': rec({ categories: { necessary: true, analytics: true, marketing: false } }),
  'US opt-out (California, Do Not Sell or Share)': rec({ mode: 'opt-out', jurisdiction: 'US-CA', method: 'banner', categories: { necessary: true, analytics: true, marketing: false }, optOut: OPTED_OUT }),
  'GPC (California, nothing clicked)': rec({ mode: 'opt-out', jurisdiction: 'US-CA', method: 'gpc', gpc: true, categories: { necessary: true, analytics: true, marketing: true } }),
  'sensitive only (California, Limit the Use)': rec({ mode: 'opt-out', jurisdiction: 'US-CA', optOut: { ...NO_OPT_OUT, sensitive: true } }),
  'outside the US with GPC (EU, marketing granted)': rec({ gpc: true }),
  'damaged record (marketing granted but an unknown field)': { ...rec({}), extra: 1 },
}
export type Case = keyof typeof CASES

export const EXPECTED: Record<Platform, Record<Case, unknown>> = {
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
