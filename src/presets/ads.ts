/** Advertising pixels; usually in `marketing` (and `optOut: true` for US sale/sharing). */
import type { ServiceConfig } from '../config/types.js'

/**
 * Meta Pixel: fbevents.js from connect.facebook.net and the `/tr` endpoint
 * (`/tr?` in the `<noscript>` image, `/tr/` for events). First-party cookies
 * `_fbp` (browser id) and `_fbc` (click id), 90 days (Meta, "fbp and fbc
 * parameters", developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc);
 * facebook.com's own cookies are third-party.
 * @example categories: [{ id: 'marketing', optOut: true, services: [metaPixel] }]; connectDestinations([metaPixel])
 */
export const metaPixel: ServiceConfig & { id: 'meta-pixel' } = {
  id: 'meta-pixel',
  label: 'Meta Pixel',
  provider: 'Meta Platforms Ireland Ltd.',
  description: 'Measures Facebook and Instagram ads and builds audiences.',
  hosts: ['connect.facebook.net', 'www.facebook.com/tr/', 'www.facebook.com/tr?'],
  cookies: ['_fbp', '_fbc'],
  cookieTable: [
    { name: '_fbp', purpose: 'Identifies the browser for ad measurement.', lifetime: '90 days' },
    { name: '_fbc', purpose: 'Keeps the last Meta ad click.', lifetime: '90 days' },
  ],
}

/**
 * TikTok Pixel. First-party `_ttp`, `_tt_enable_cookie`, `ttcsid*`, `ttclid`;
 * TikTok's cookies last 13 months from when they were set or last used
 * ("About using cookies with TikTok Pixel", ads.tiktok.com/help/article?aid=10007540).
 * @example categories: [{ id: 'marketing', services: [tiktokPixel] }]; connectDestinations([tiktokPixel])
 */
export const tiktokPixel: ServiceConfig & { id: 'tiktok-pixel' } = {
  id: 'tiktok-pixel',
  label: 'TikTok Pixel',
  provider: 'TikTok Technology Ltd.',
  description: 'Measures TikTok ads and builds audiences.',
  hosts: ['analytics.tiktok.com', 'business-api.tiktok.com'],
  cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/, 'ttclid'],
  cookieTable: [{ name: '_ttp', purpose: 'Identifies the browser for ad measurement.', lifetime: '13 months' }],
}

/**
 * LinkedIn Insight Tag. First-party `li_fat_id` (ad click, 30 days) and
 * `li_giant`; LinkedIn's `bcookie`, `lidc`, `UserMatchHistory` are set on
 * linkedin.com (third-party) and cannot be deleted by the page
 * (LinkedIn Cookie Table, linkedin.com/legal/l/cookie-table).
 * @example categories: [{ id: 'marketing', services: [linkedinInsight] }]
 */
export const linkedinInsight: ServiceConfig = {
  id: 'linkedin-insight',
  label: 'LinkedIn Insight Tag',
  provider: 'LinkedIn Ireland Unlimited Company',
  description: 'Measures LinkedIn ads and builds audiences.',
  hosts: ['snap.licdn.com', 'px.ads.linkedin.com'],
  cookies: ['li_fat_id', 'li_giant'],
  cookieTable: [{ name: 'li_fat_id', purpose: 'Keeps the last LinkedIn ad click.', lifetime: '30 days' }],
}
