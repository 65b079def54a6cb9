/**
 * `consentry/destinations`: forward consent and the US signals downstream —
 * Google Consent Mode, tag-manager events, ad pixels, analytics SDKs — the
 * moment Consentry is ready and on every change. A vendor with a consent API
 * of its own is told through its preset from `consentry/presets`, the same
 * object that goes in `services`. Only what you import is bundled.
 */
import { use } from '../plugins/index.js'
import type { SignalsConfig } from '../signals/cmp/state.js'
import { destinationsPlugin } from './run.js'
import type { Destination } from './types.js'
import { destinationOf, type Vendor } from './vendors.js'

export { googleConsentMode, dataLayerEvents, CONSENT_TYPES, type ConsentModeOptions, type ConsentType } from './google.js'
export { microsoftUet } from './pixels.js'
export { metaPixel, tiktokPixel, microsoftClarity, segment, posthog, mixpanel, amplitude } from './renamed.js'
export { withPrivacyParams } from './params.js'
export { serverSync, type SyncOptions } from '../sync/outbox.js'
export type { SyncRecord } from '../sync/record.js'
export type { Destination, PrivacySignals } from './types.js'
export type { Vendor } from './vendors.js'

/**
 * Connects destinations to this page's Consentry. Call it before `init`:
 * each destination then hears the state during `init`, before blocking lets
 * any tag run, and every change after. A vendor's preset (`metaPixel`,
 * `posthog`… from `consentry/presets`) stands for that vendor's destination.
 * `signals` sets what the site does, as in `config.signals`, for the GPP and
 * USP strings they receive.
 * @example
 * import { metaPixel } from 'consentry/presets'
 * connectDestinations([googleConsentMode(), dataLayerEvents(), metaPixel])
 * await init(config)
 */
export const connectDestinations = (destinations: (Destination | Vendor)[], signals?: Partial<SignalsConfig>): (() => void) =>
  use(destinationsPlugin(destinations.map(destinationOf), signals))
