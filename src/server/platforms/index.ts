/**
 * The privacy fields each ad platform's server API expects for one visitor,
 * from their consent record (or a snapshot): one call per event or upload row.
 */
import { ConsentryError } from '../../errors/index.js'
import { googleAds, googleDataManager, meta, pinterest, plain, reddit, tiktok } from './fields.js'
import type { GoogleAdsFields, GoogleDataManagerFields, MetaFields, NoFields, PinterestFields, RedditFields, TikTokFields } from './fields.js'
import { openrtb, type OpenRtbFields } from './openrtb.js'
import { outcomeOf, regionOf, viewOf } from './view.js'

export type { GoogleAdsFields, GoogleDataManagerFields, MetaFields, NoFields, OpenRtbFields, PinterestFields, RedditFields, TikTokFields }

/** Each platform id and the fields `platformFields` gives for it. */
export interface PlatformFields {
  meta: MetaFields
  'google-ads': GoogleAdsFields
  'google-data-manager': GoogleDataManagerFields
  tiktok: TikTokFields
  snap: NoFields
  pinterest: PinterestFields
  linkedin: NoFields
  reddit: RedditFields
  openrtb: OpenRtbFields
}

export type Platform = keyof PlatformFields

/** Options of `platformFields` and `mayUpload`. */
export interface PlatformOptions {
  /** Where the visitor is for this event (`regionFromHeaders`): `US-CA`, `DE`, '' unknown. Default: the record's `jurisdiction`. */
  region?: string
  /** Category ids whose grant allows advertising. Default `['marketing', 'advertising', 'ads']` (any of them). */
  categories?: readonly string[]
  /** The service id that stands for this platform in your config; when the record has it, it decides, not the category. Default per platform: `meta-pixel`, `google-ads`, `tiktok-pixel`, `snap-pixel`, `pinterest-tag`, `linkedin-insight`, `reddit-pixel`. */
  service?: string
  /** `openrtb` only: your `config.signals` settings (sections, MSPA, LSPA…), for a record that carries no GPP string. */
  signals?: object
}

/** The service id of each platform in Consentry's presets and conventions. */
const SERVICES: Record<Platform, string> = {
  meta: 'meta-pixel',
  'google-ads': 'google-ads',
  'google-data-manager': 'google-ads',
  tiktok: 'tiktok-pixel',
  snap: 'snap-pixel',
  pinterest: 'pinterest-tag',
  linkedin: 'linkedin-insight',
  reddit: 'reddit-pixel',
  openrtb: '',
}

const platformOf = (platform: unknown, fn: string): Platform => {
  if (typeof platform != 'string' || !Object.hasOwn(SERVICES, platform))
    throw new ConsentryError('invalid-config', `${fn}: unknown platform "${String(platform)}" (one of ${Object.keys(SERVICES).join(', ')})`)
  return platform as Platform
}

/**
 * The privacy fields to put in one event (or upload row) for `platform`, from
 * the visitor's record in force (as `readSyncRecord` returns it) or a
 * `Snapshot`; `null` when nothing of this visitor may be sent to it. A refusal,
 * a US opt-out where the platform has no restricted mode for the visitor's
 * state, and anything that is not a valid record or snapshot all give `null`;
 * a US opt-out (GPC counts as one in the US) gives the platform's restricted
 * mode where it has one (Meta and Reddit LDU, TikTok `limited_data_use`,
 * Pinterest LDP). Never grants on damaged input, never throws on it; throws a
 * `ConsentryError` for an unknown platform. The table: docs/forwarding.md.
 * @example
 * const fields = platformFields(record, 'meta', { region: regionFromHeaders(request.headers) })
 * if (fields) await sendToMeta({ data: [{ event_name: 'Purchase', ...fields, user_data }] })
 */
export const platformFields = <P extends Platform>(recordOrSnapshot: unknown, platform: P, options: PlatformOptions = {}): PlatformFields[P] | null => {
  const p = platformOf(platform, 'platformFields')
  const view = viewOf(recordOrSnapshot)
  if (p == 'openrtb') return (view && openrtb(view, options)) as PlatformFields[P] | null
  const outcome = outcomeOf(view, options, SERVICES[p])
  const region = view ? regionOf(view, options) : ''
  const fields = {
    meta: () => meta(outcome, region),
    'google-ads': () => googleAds(outcome),
    'google-data-manager': () => googleDataManager(outcome),
    tiktok: () => tiktok(outcome, region),
    pinterest: () => pinterest(outcome, region),
    reddit: () => reddit(outcome, region),
    snap: () => plain(outcome),
    linkedin: () => plain(outcome),
  }[p]()
  return fields as PlatformFields[P] | null
}

/**
 * Whether the visitor may be in an audience (customer list) uploaded to
 * `platform`: only with advertising allowed and no US opt-out (GPC counts in
 * the US). An audience is targeting, which an opt-out refuses, so an
 * opted-out visitor is left out (and should be removed) even where a platform
 * has a restricted mode for conversion events. False for anything that is not
 * a valid record or snapshot.
 * @example
 * const rows = customers.filter((c) => mayUpload(recordOf(c), 'google-ads'))
 */
export const mayUpload = (recordOrSnapshot: unknown, platform: Platform, options: PlatformOptions = {}): boolean =>
  outcomeOf(viewOf(recordOrSnapshot), options, SERVICES[platformOf(platform, 'mayUpload')]) == 'granted'
