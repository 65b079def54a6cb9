/**
 * `consentry/presets`: services ready to put in a category, each a plain
 * object with the hosts it loads from and the cookies and storage keys it
 * sets, from the vendors' documentation. Only the ones you import are bundled.
 * Override any field with a spread: `{ ...googleAnalytics, cookies: [...] }`.
 */
export { googleAnalytics, googleTagManager, googleAds, googleMaps } from './google.js'
export { metaPixel, tiktokPixel, linkedinInsight } from './ads.js'
export { microsoftClarity, hotjar, posthog, mixpanel, amplitude, segment } from './analytics.js'
export { youtube, vimeo } from './embeds.js'
