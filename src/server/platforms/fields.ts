/**
 * Each platform's privacy fields for one outcome, in the shape of that
 * platform's server API. Sources per platform: docs/forwarding.md.
 */
import type { Outcome } from './view.js'

/** Meta Conversions API, per event in `data[]`. */
export interface MetaFields {
  /** `[]` is explicitly not Limited Data Use; `['LDU']` is LDU. */
  data_processing_options: [] | ['LDU']
  /** With LDU: 1 = United States, 0 = Meta geolocates the event. */
  data_processing_options_country?: 0 | 1
  /** With LDU: Meta's state code (1000 California…), 0 = Meta geolocates. */
  data_processing_options_state?: number
  /** `true`: Meta uses the event for attribution only, not to optimise ad delivery. */
  opt_out: boolean
}

/** Google Ads API `ClickConversion.consent` / `CallConversion.consent` (JSON field names). */
export interface GoogleAdsFields {
  consent: { adUserData: 'GRANTED' }
}

/** Google Data Manager API `consent`, per event or audience member (or per request). */
export interface GoogleDataManagerFields {
  consent: { adUserData: 'CONSENT_GRANTED'; adPersonalization: 'CONSENT_GRANTED' }
}

/** TikTok Events API 2.0, per event in `data[]`. */
export interface TikTokFields {
  limited_data_use: boolean
}

/** Pinterest Conversions API, per event in `data[]`: Limited Data Processing. */
export interface PinterestFields {
  custom_data?: { opt_out_type: 'LDP' }
}

/** Reddit Conversions API v3, per event in `data.events[]`: Limited Data Use. */
export interface RedditFields {
  user?: { data_processing_options: { modes: ['LDU']; country?: string; region?: string } }
}

/** Snap Conversions API v3 and LinkedIn Conversions API: no privacy field to set; an event is sent or not. */
export type NoFields = Record<string, never>

/**
 * Meta's state codes for `data_processing_options_state`, for the states where Meta
 * applies LDU to its Business Tools (Meta, "Data Processing Options for US Users").
 */
const META_STATES: Record<string, number> = {
  CA: 1000, CO: 1001, CT: 1002, FL: 1003, OR: 1004, TX: 1005, MT: 1006,
  DE: 1007, NE: 1008, NH: 1009, NJ: 1010, MN: 1011, MD: 1012, RI: 1013,
}

const US = /^US(-|$)/

export const meta = (outcome: Outcome, region: string): MetaFields | null => {
  if (outcome == 'granted') return { data_processing_options: [], opt_out: false }
  if (outcome == 'none') return null
  // Meta geolocates when told 0/0 (its own example for an unknown location); a state it does not list gets no LDU,
  // and neither does a place outside the US: the event is not sent.
  if (region == '' || region == 'US') return { data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0, opt_out: true }
  const state = US.test(region) ? META_STATES[region.slice(3)] : undefined
  return state ? { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: state, opt_out: true } : null
}

export const googleAds = (outcome: Outcome): GoogleAdsFields | null => (outcome == 'granted' ? { consent: { adUserData: 'GRANTED' } } : null)

export const googleDataManager = (outcome: Outcome): GoogleDataManagerFields | null =>
  outcome == 'granted' ? { consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' } } : null

export const tiktok = (outcome: Outcome, region: string): TikTokFields | null =>
  outcome == 'granted' ? { limited_data_use: false } : outcome == 'limited' && (region == '' || US.test(region)) ? { limited_data_use: true } : null

export const pinterest = (outcome: Outcome, region: string): PinterestFields | null =>
  outcome == 'granted' ? {} : outcome == 'limited' && (region == '' || US.test(region)) ? { custom_data: { opt_out_type: 'LDP' } } : null

export const reddit = (outcome: Outcome, region: string): RedditFields | null => {
  if (outcome == 'granted') return {}
  if (outcome == 'none' || !(region == '' || US.test(region))) return null
  // Country and region only when known: ISO 3166-1 and 3166-2, as Reddit takes them.
  const where = region ? { country: 'US', ...(region.length > 2 ? { region } : {}) } : {}
  return { user: { data_processing_options: { modes: ['LDU'], ...where } } }
}

/** No restricted mode is documented (Snap's values are not; LinkedIn has no field): sent when granted, else not. */
export const plain = (outcome: Outcome): NoFields | null => (outcome == 'granted' ? {} : null)
