/**
 * Google's tags. Both GA4's gtag.js and GTM load from
 * www.googletagmanager.com, so each preset names its own path there; gtag.js
 * for Analytics and for Ads differ only in the `id` prefix (`G-` / `AW-`).
 */
import type { ServiceConfig } from '../config/types.js'

/**
 * Google Analytics 4 through gtag.js; usually in `analytics`.
 * Cookies: "[GA4] Cookie usage on websites" (support.google.com/analytics/answer/11397207): `_ga` and
 * `_ga_<container-id>`, 2 years; `_gid` and `_gat*` are Universal Analytics leftovers still found on old sites.
 * @example categories: [{ id: 'analytics', services: [googleAnalytics] }]
 */
export const googleAnalytics: ServiceConfig = {
  id: 'google-analytics',
  label: 'Google Analytics',
  provider: 'Google Ireland Ltd.',
  description: 'Measures how visitors use the site.',
  hosts: ['www.googletagmanager.com/gtag/js?id=G-', 'google-analytics.com', 'analytics.google.com'],
  cookies: ['_ga', /^_ga_/, '_gid', /^_gat/],
  cookieTable: [
    { name: '_ga', purpose: 'Distinguishes visitors.', lifetime: '2 years' },
    { name: '_ga_<container-id>', purpose: 'Keeps the session state.', lifetime: '2 years' },
  ],
}

/**
 * Google Tag Manager's container (gtm.js and its `<noscript>` iframe). It sets
 * no cookies itself; the tags it loads are governed by their own services and
 * by Consent Mode. Usually in `analytics` or `marketing`, or necessary when it
 * only carries consent-aware tags.
 * @example services: [googleTagManager, googleAnalytics]
 */
export const googleTagManager: ServiceConfig = {
  id: 'google-tag-manager',
  label: 'Google Tag Manager',
  provider: 'Google Ireland Ltd.',
  description: 'Loads the site’s measurement and marketing tags.',
  hosts: ['www.googletagmanager.com/gtm.js', 'www.googletagmanager.com/ns.html'],
}

/**
 * Google Ads conversion tracking and remarketing; usually in `marketing`.
 * Cookies: the conversion linker's `_gcl_*` family (`_gcl_au` 90 days, `_gcl_aw`, `_gcl_dc`, `_gcl_gb`…)
 * and `_gac_*` ("Our advertising and measurement cookies", business.safety.google/adscookies).
 * doubleclick.net cookies are Google's own (third-party): see `reloadOnWithdraw`.
 * @example categories: [{ id: 'marketing', services: [googleAds] }]
 */
export const googleAds: ServiceConfig = {
  id: 'google-ads',
  label: 'Google Ads',
  provider: 'Google Ireland Ltd.',
  description: 'Measures ad conversions and shows ads to past visitors.',
  hosts: ['www.googletagmanager.com/gtag/js?id=AW-', 'googleadservices.com', 'googleads.g.doubleclick.net', 'www.google.com/pagead/'],
  cookies: [/^_gcl_/, /^_gac_/],
  cookieTable: [{ name: '_gcl_au', purpose: 'Links ad clicks to conversions on this site.', lifetime: '90 days' }],
}

/**
 * Google Maps embeds; usually in `functional` or `marketing`. Google's
 * cookies here are set on google.com (third-party): the page cannot delete them.
 * @example <iframe data-consent="functional" data-service="google-maps" data-src="https://www.google.com/maps/embed?pb=…">
 */
export const googleMaps: ServiceConfig = {
  id: 'google-maps',
  label: 'Google Maps',
  provider: 'Google Ireland Ltd.',
  description: 'Shows interactive maps.',
  hosts: ['www.google.com/maps/embed', 'maps.google.com', 'maps.googleapis.com', 'maps.gstatic.com'],
}
