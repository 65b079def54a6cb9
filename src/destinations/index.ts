/**
 * `consentry/destinations`: forward consent and the US signals downstream —
 * Google Consent Mode, tag-manager events, ad pixels, analytics SDKs — the
 * moment Consentry is ready and on every change. Only what you import is bundled.
 */
import { use } from '../plugins/index.js'
import type { SignalsConfig } from '../signals/cmp/state.js'
import { destinationsPlugin } from './run.js'
import type { Destination } from './types.js'

export { signalsOf } from './run.js'
export { googleConsentMode, dataLayerEvents, CONSENT_TYPES, type ConsentModeOptions, type ConsentType } from './google.js'
export { metaPixel, tiktokPixel, microsoftUet, microsoftClarity } from './pixels.js'
export { segment, posthog, mixpanel, amplitude } from './analytics.js'
export { withPrivacyParams } from './params.js'
export { serverSync, syncRecord, recordId, type SyncOptions } from '../sync/outbox.js'
export type { SyncRecord } from '../sync/record.js'
export type { Destination, PrivacySignals } from './types.js'

/**
 * Connects destinations to this page's Consentry. Call it before `init`:
 * each destination then hears the state during `init`, before blocking lets
 * any tag run, and every change after. `signals` sets what the site does, as
 * in `config.signals`, for the GPP and USP strings they receive.
 * @example
 * connectDestinations([googleConsentMode(), dataLayerEvents(), metaPixel()])
 * await init(config)
 */
export const connectDestinations = (destinations: Destination[], signals?: Partial<SignalsConfig>): (() => void) =>
  use(destinationsPlugin(destinations, signals))
