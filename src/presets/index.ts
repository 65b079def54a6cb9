/**
 * `consentry/presets`: services ready to put in a category, each a plain
 * object with the hosts it loads from and the cookies and storage keys it
 * sets, from the vendors' documentation. Only the ones you import are bundled.
 * Override any field with a spread: `{ ...googleAnalytics, cookies: [...] }`.
 * A vendor with a consent API of its own (`metaPixel`, `posthog`…) is also what
 * `connectDestinations` from `consentry/destinations` takes to tell it the
 * decision: one import per vendor, and no destination code in a page that only blocks.
 */
export { googleAnalytics, googleTagManager, googleAds, googleMaps } from './google.js'
export { metaPixel, tiktokPixel, linkedinInsight } from './ads.js'
export { microsoftClarity, hotjar, posthog, mixpanel, amplitude, segment } from './analytics.js'
export { youtube, vimeo } from './embeds.js'
