/**
 * `consentry/server`: read a visitor's decision on the server (Node or edge),
 * from the `Cookie` request header, so the first render already knows it.
 * No DOM is touched.
 */
import { resolveConfig, type ConsentryConfig } from '../config/index.js'
import { fitRecord, newestRecord } from '../record/index.js'
import { snapshotOf, type Snapshot } from '../store/snapshot.js'
import { cookieValues } from '../storage/parse.js'

export { cookieValues }
export { readGpc, consentCookieHeader, type HeaderValue } from './headers.js'
export { readSyncRecord, SYNC_MAX_BYTES, type SyncResult } from './sync.js'
export { regionFromHeaders, type GeoHeaders, type GeoSource } from './region.js'
export type { SyncRecord } from '../sync/record.js'
export { signWebhook, verifyWebhook, type WebhookRefusal, type WebhookResult, type ConsentEvent, type ConsentEventPrevious } from './webhooks/index.js'
export {
  platformFields,
  mayUpload,
  type Platform,
  type PlatformOptions,
  type PlatformFields,
  type MetaFields,
  type GoogleAdsFields,
  type GoogleDataManagerFields,
  type TikTokFields,
  type PinterestFields,
  type RedditFields,
  type NoFields,
  type OpenRtbFields,
} from './platforms/index.js'

/**
 * The visitor's consent as the browser would see it, from the request's
 * `Cookie` header. A missing or invalid cookie reads as "no decision". A
 * decision past its lifetime is not decided, but its US opt-outs stay in
 * force (privacy-signals §9 item 32), as in the page's snapshot.
 * Throws a `ConsentryError` only for a bad config.
 * @example
 * const consent = readConsent(req.headers.cookie, config)
 * if (consent.categories.analytics) renderAnalyticsTag()
 */
export const readConsent = (
  cookieHeader: string | null | undefined,
  config: ConsentryConfig,
  options: { gpc?: boolean; now?: number } = {},
): Snapshot => {
  const conf = resolveConfig(config)
  const now = options.now ?? Date.now()
  const best = newestRecord(cookieValues(cookieHeader, conf.cookie.name), now)
  return snapshotOf(conf, best && fitRecord(best, conf), options.gpc ?? false, now)
}

export type { Snapshot, ConsentryConfig }
