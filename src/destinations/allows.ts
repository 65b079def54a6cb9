import type { Snapshot } from '../store/index.js'

/**
 * Whether a vendor's destination may tell its vendor "granted": the vendor's own
 * service when the config declares one by the destination's id (a preset such as
 * `posthog` in `analytics`), else its category. A visitor who granted one service
 * has granted that service only, and one who refused PostHog inside a granted
 * `analytics` has refused PostHog: consent is exactly as wide as what was agreed to.
 */
export const allows = (s: Snapshot, category: string, service: string): boolean =>
  Object.prototype.hasOwnProperty.call(s.services, service) ? s.services[service] === true : s.categories[category] === true
