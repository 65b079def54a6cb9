/**
 * Google's tags. GA4's gtag.js, Google Ads' gtag.js and GTM all load from
 * www.googletagmanager.com, so each preset names its own path there, and the
 * two gtag.js presets tell their loads apart by the tag ID that starts the
 * query string (`gtag/js?id=G-…` for Analytics, `?id=AW-…` for Ads), as
 * Google's snippet writes it. A URL prefix compares the query too, so a
 * hand-written `gtag/js?l=dataLayer&id=G-…` matches neither: add it with a spread.
 *
 * New Google tags get a `GT-` ID that can carry Analytics and Ads at once
 * ("Tag ID prefixes", developers.google.com/tag-platform/gtagjs/configure),
 * so both presets list `gtag/js?id=GT-`: the script waits until every
 * listed service that names it is granted. Floodlight (`DC-`) is Campaign
 * Manager's, in neither preset.
 */
import type { ServiceConfig } from '../config/types.js'

/**
 * Google Analytics 4 through gtag.js; usually in `analytics`.
 * Cookies: "[GA4] Cookie usage on websites" (support.google.com/analytics/answer/11397207): `_ga` and
 * `_ga_<container-id>`, 2 years; `_gid` and `_gat*` are Universal Analytics leftovers still found on old sites.
 * Linked to Google Ads, GA4 also writes the `_gcl_*` cookies: they are listed on {@link googleAds}.
 * @example categories: [{ id: 'analytics', services: [googleAnalytics] }]
 */
export const googleAnalytics: ServiceConfig = {
  id: 'google-analytics',
  label: 'Google Analytics',
  provider: 'Google Ireland Ltd.',
  description: 'Measures how visitors use the site.',
  hosts: ['www.googletagmanager.com/gtag/js?id=G-', 'www.googletagmanager.com/gtag/js?id=GT-', 'google-analytics.com', 'analytics.google.com'],
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
 * and `_gac_*` ("Our advertising and measurement cookies", business.safety.google/adscookies;
 * "About the _gac cookie", support.google.com/analytics/answer/7519794).
 * doubleclick.net cookies are Google's own (third-party): see `reloadOnWithdraw`.
 * @example categories: [{ id: 'marketing', services: [googleAds] }]
 */
export const googleAds: ServiceConfig = {
  id: 'google-ads',
  label: 'Google Ads',
  provider: 'Google Ireland Ltd.',
  description: 'Measures ad conversions and shows ads to past visitors.',
  hosts: [
    'www.googletagmanager.com/gtag/js?id=AW-',
    'www.googletagmanager.com/gtag/js?id=GT-',
    'googleadservices.com',
    'googleads.g.doubleclick.net',
    'www.google.com/pagead/',
  ],
  cookies: [/^_gcl_/, /^_gac_/],
  cookieTable: [{ name: '_gcl_au', purpose: 'Links ad clicks to conversions on this site.', lifetime: '90 days' }],
}

/**
 * Google Maps: Maps Embed API iframes (`www.google.com/maps/embed/v1/…`, and
 * the share dialog's `/maps/embed?pb=…`) and the Maps JavaScript API
 * (developers.google.com/maps/documentation/embed); usually in `functional`
 * or `marketing`. Google's cookies here (`NID`, "How Google uses cookies",
 * policies.google.com/technologies/cookies) are set on google.com
 * (third-party): the page cannot delete them, see `reloadOnWithdraw`.
 * @example <iframe data-consent="functional" data-service="google-maps" data-src="https://www.google.com/maps/embed?pb=…">
 */
export const googleMaps: ServiceConfig = {
  id: 'google-maps',
  label: 'Google Maps',
  provider: 'Google Ireland Ltd.',
  description: 'Shows interactive maps.',
  hosts: ['www.google.com/maps/embed', 'maps.google.com', 'maps.googleapis.com', 'maps.gstatic.com'],
  cookieTable: [{ name: 'NID', purpose: 'Keeps Google preferences (set on google.com).', lifetime: '6 months' }],
}
