/**
 * The vendors' destination factories as `consentry/destinations` exported them
 * until issue #19, kept for one release: each still works and says once, in
 * development builds, to pass the vendor's preset instead.
 */
import { warnOnce } from '../errors/index.js'
import * as analytics from './analytics.js'
import * as pixels from './pixels.js'
import type { Destination } from './types.js'

type Options = { category?: string; service?: string }
const renamed = (name: string) => {
  if (process.env.NODE_ENV !== 'production')
    warnOnce('renamed', `${name}() from consentry/destinations is now ${name} from consentry/presets, as it is: connectDestinations([${name}])`)
}

/** @deprecated `connectDestinations([metaPixel])` with `metaPixel` from `consentry/presets`. */
export const metaPixel = (o?: Options): Destination => (renamed('metaPixel'), pixels.metaPixel(o))
/** @deprecated `connectDestinations([tiktokPixel])` with `tiktokPixel` from `consentry/presets`. */
export const tiktokPixel = (o?: Options): Destination => (renamed('tiktokPixel'), pixels.tiktokPixel(o))
/** @deprecated `connectDestinations([microsoftClarity])` with `microsoftClarity` from `consentry/presets`. */
export const microsoftClarity = (o?: { analytics?: string; ads?: string; service?: string }): Destination => (renamed('microsoftClarity'), pixels.microsoftClarity(o))
/** @deprecated `connectDestinations([segment])` with `segment` from `consentry/presets`. */
export const segment = (): Destination => (renamed('segment'), analytics.segment())
/** @deprecated `connectDestinations([posthog])` with `posthog` from `consentry/presets`. */
export const posthog = (o?: Options): Destination => (renamed('posthog'), analytics.posthog(o))
/** @deprecated `connectDestinations([mixpanel])` with `mixpanel` from `consentry/presets`. */
export const mixpanel = (o?: Options): Destination => (renamed('mixpanel'), analytics.mixpanel(o))
/** @deprecated `connectDestinations([amplitude])` with `amplitude` from `consentry/presets`. */
export const amplitude = (o?: Options): Destination => (renamed('amplitude'), analytics.amplitude(o))
