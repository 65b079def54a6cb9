/**
 * Fixtures for the hooks tests (never bundled: no entry imports it). No DOM at
 * import, unlike `src/testing`, so server-render tests can use it in Node.
 */
import type { ConsentryConfig } from '../config/index.js'
import { encodeRecord } from '../record/index.js'

/** A site with analytics (PostHog) and marketing (Meta). */
export const SITE: ConsentryConfig = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'posthog' }] },
    { id: 'marketing', services: [{ id: 'meta' }] },
  ],
  revision: 1,
}

/**
 * A real `consentry` cookie value, as the browser stores it after a banner
 * decision granting `analytics` (and its service) or not.
 */
export const decisionCookie = (analytics: boolean, now = Date.now()): string =>
  encodeRecord({
    id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
    createdAt: now,
    updatedAt: now,
    revision: 1,
    categories: { necessary: true, analytics, marketing: false },
    services: { posthog: analytics, meta: false },
    method: 'banner',
    mode: 'opt-in',
    jurisdiction: 'EU',
    gpc: false,
    optOut: { sale: !analytics, sharing: !analytics, targetedAds: !analytics, sensitive: false },
  })
