/**
 * One vendor, one name (issue #19): the preset a site puts in `services` —
 * what blocking holds back and cleans — is also what `connectDestinations`
 * takes to tell that vendor the decision. The code that tells it is here, in
 * `consentry/destinations` only, so a page that only blocks carries none of it.
 */
import type { ServiceConfig } from '../config/types.js'
import { ConsentryError } from '../errors/index.js'
import { amplitude, mixpanel, posthog, segment } from './analytics.js'
import { metaPixel, microsoftClarity, tiktokPixel } from './pixels.js'
import type { Destination } from './types.js'

type VendorId = 'meta-pixel' | 'tiktok-pixel' | 'microsoft-clarity' | 'segment' | 'posthog' | 'mixpanel' | 'amplitude'

/** Each vendor's destination, by its preset's id (the service id it checks first, see allows.ts). */
const TELL: Record<VendorId, () => Destination> = {
  'meta-pixel': metaPixel,
  'tiktok-pixel': tiktokPixel,
  'microsoft-clarity': microsoftClarity,
  segment,
  posthog,
  mixpanel,
  amplitude,
}

/**
 * A preset from `consentry/presets` whose vendor has a consent API of its own:
 * `metaPixel`, `tiktokPixel`, `microsoftClarity`, `segment`, `posthog`,
 * `mixpanel`, `amplitude`. Spread it to change its hosts or cookies; keep its id.
 * @example connectDestinations([googleConsentMode(), metaPixel, posthog])
 */
export type Vendor = ServiceConfig & { id: VendorId }

/** The destination for an entry of `connectDestinations`' list: a destination as it is, a vendor's preset by its id. */
export const destinationOf = (d: Destination | Vendor): Destination => {
  if (typeof (d as Destination).update == 'function') return d as Destination
  const { id } = d as Vendor
  if (!Object.prototype.hasOwnProperty.call(TELL, id))
    throw new ConsentryError('invalid-config', `connectDestinations: "${id}" is neither a destination nor one of the presets ${Object.keys(TELL).join(', ')}`)
  return TELL[id]()
}
