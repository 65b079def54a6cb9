/**
 * Product analytics and session replay; usually in `analytics`. Sites that
 * send these through their own domain (a reverse proxy or custom domain, as
 * PostHog, Segment and Amplitude suggest against ad blockers) add that host
 * with a spread: `{ ...posthog, hosts: [...posthog.hosts!, 'example.com/ingest/'] }`.
 */
import type { ServiceConfig } from '../config/types.js'

/**
 * Microsoft Clarity. First-party `_clck` (user, 1 year) and `_clsk` (session,
 * 1 day); `CLID` and `MUID` live on clarity.ms / bing.com (third-party)
 * (learn.microsoft.com/clarity/setup-and-installation/cookie-list, "Cookie list").
 * @example categories: [{ id: 'analytics', services: [microsoftClarity] }]; connectDestinations([microsoftClarity])
 */
export const microsoftClarity: ServiceConfig & { id: 'microsoft-clarity' } = {
  id: 'microsoft-clarity',
  label: 'Microsoft Clarity',
  provider: 'Microsoft Ireland Operations Ltd.',
  description: 'Records how visitors use pages (heatmaps, session replays).',
  hosts: ['clarity.ms'],
  cookies: ['_clck', '_clsk'],
  cookieTable: [
    { name: '_clck', purpose: 'Keeps the Clarity user id.', lifetime: '1 year' },
    { name: '_clsk', purpose: 'Joins page views into one session.', lifetime: '1 day' },
  ],
}

/**
 * Hotjar. `_hjSessionUser_<site id>` (365 days), `_hjSession_<site id>`
 * (30 minutes) and other `_hj*` cookies; `_hjUserAttributes` and
 * `hjActiveViewportIds` in localStorage, `hjViewportId` in sessionStorage
 * (Hotjar, "Cookies set by the Hotjar tracking code").
 * @example categories: [{ id: 'analytics', services: [hotjar] }]
 */
export const hotjar: ServiceConfig = {
  id: 'hotjar',
  label: 'Hotjar',
  provider: 'Hotjar Ltd.',
  description: 'Records how visitors use pages (heatmaps, recordings, surveys).',
  hosts: ['hotjar.com', 'hotjar.io'],
  cookies: [/^_hj/],
  localStorage: [/^_hj/, 'hjActiveViewportIds', 'hjViewportId'],
  cookieTable: [
    { name: '_hjSessionUser_<site id>', purpose: 'Keeps the Hotjar user id.', lifetime: '365 days' },
    { name: '_hjSession_<site id>', purpose: 'Keeps the current session.', lifetime: '30 minutes' },
  ],
}

/**
 * PostHog (cloud: us/eu.i.posthog.com and their asset hosts). Persistence
 * `ph_<project key>_posthog` in a cookie and in localStorage, 1 year
 * (posthog.com/docs/libraries/js, "Persistence").
 * @example categories: [{ id: 'analytics', services: [posthog] }]; connectDestinations([posthog])
 */
export const posthog: ServiceConfig & { id: 'posthog' } = {
  id: 'posthog',
  label: 'PostHog',
  provider: 'PostHog Inc.',
  description: 'Product analytics.',
  hosts: ['posthog.com'],
  cookies: [/^ph_.*_posthog$/],
  localStorage: [/^ph_.*_posthog$/, /^__ph_opt_in_out_/],
  cookieTable: [{ name: 'ph_<project key>_posthog', purpose: 'Keeps the PostHog visitor id and session.', lifetime: '1 year' }],
}

/**
 * Mixpanel (EU and India residency hosts included). `mp_<project token>_mixpanel`
 * holds the visitor id, in a cookie (1 year) or localStorage; `__mpq_<token>_*`
 * queue unsent events and `__mp_opt_in_out_<token>` keeps opt-outs
 * (the official mixpanel-browser library: mixpanel-persistence.js, gdpr-utils.js).
 * A `persistence_name` renames the first: override with a spread.
 * @example categories: [{ id: 'analytics', services: [mixpanel] }]; connectDestinations([mixpanel])
 */
export const mixpanel: ServiceConfig & { id: 'mixpanel' } = {
  id: 'mixpanel',
  label: 'Mixpanel',
  provider: 'Mixpanel Inc.',
  description: 'Product analytics.',
  hosts: ['mixpanel.com', 'mxpnl.com'],
  cookies: [/^mp_.*_mixpanel$/],
  localStorage: [/^mp_.*_mixpanel$/, /^__mp/],
  cookieTable: [{ name: 'mp_<token>_mixpanel', purpose: 'Keeps the Mixpanel visitor id.', lifetime: '1 year' }],
}

/**
 * Amplitude (Browser SDK 2). `AMP_<first 10 of the API key>` and
 * `AMP_MKTG_<same>` cookies, short-lived `AMP_TEST_*` / `AMP_TLDTEST_*`, older
 * `amp_*`; unsent events and remote config as `AMP_*` in localStorage
 * ("Cookies and consent management (Browser SDK)", amplitude.com/docs/get-started/cookies-and-consent-management).
 * The cookie pattern asks for the 10 hex digits so that other `AMP_` cookies
 * (Google's old `AMP_TOKEN`) are left alone.
 * @example categories: [{ id: 'analytics', services: [amplitude] }]; connectDestinations([amplitude])
 */
export const amplitude: ServiceConfig & { id: 'amplitude' } = {
  id: 'amplitude',
  label: 'Amplitude',
  provider: 'Amplitude Inc.',
  description: 'Product analytics.',
  hosts: ['amplitude.com'],
  cookies: [/^AMP_(MKTG_)?[\da-f]{10}$/i, /^AMP_(TLD)?TEST_/, /^amp_/],
  localStorage: [/^AMP_/, /^amp_/],
  cookieTable: [{ name: 'AMP_<key>', purpose: 'Keeps the Amplitude device and session ids.', lifetime: '1 year' }],
}

/**
 * Segment analytics.js, with the EU region's segmentapis.com. `ajs_anonymous_id`,
 * `ajs_user_id`, `ajs_group_id` cookies (1 year), copied with `ajs_user_traits`
 * and `ajs_group_properties` to localStorage (twilio.com/docs/segment, "Managing
 * identity in Analytics.js" and "Client-side persistence in Analytics.js").
 * @example categories: [{ id: 'analytics', services: [segment] }]; connectDestinations([segment])
 */
export const segment: ServiceConfig & { id: 'segment' } = {
  id: 'segment',
  label: 'Segment',
  provider: 'Twilio Inc.',
  description: 'Collects usage events and forwards them to the site’s tools.',
  hosts: ['cdn.segment.com', 'api.segment.io', 'segmentapis.com'],
  cookies: ['ajs_anonymous_id', 'ajs_user_id', 'ajs_group_id'],
  localStorage: [/^ajs_/],
  cookieTable: [{ name: 'ajs_anonymous_id', purpose: 'Keeps the anonymous visitor id.', lifetime: '1 year' }],
}
