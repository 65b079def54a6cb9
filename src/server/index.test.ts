import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../config/index.js'
import { useEnv } from '../env/index.js'
import { encodeRecord, type ConsentRecord } from '../record/index.js'
import { loadRecord } from '../storage/index.js'
import { CONFIG, freshPage } from '../testing/index.js'
import { consentCookieHeader, cookieValues, readConsent } from './index.js'

const NOW = Date.UTC(2026, 10, 24)
const value = (updatedAt: number, analytics: boolean, revision = 1) =>
  encodeRecord({
    id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
    createdAt: updatedAt,
    updatedAt,
    revision,
    categories: { necessary: true, analytics, marketing: false },
    // Every service of CONFIG, as a decision stores them (one left out of an allowed category was never asked about).
    services: { posthog: analytics, ga4: false, meta: false },
    method: 'banner',
    mode: 'opt-in',
    jurisdiction: 'EU',
    gpc: false,
    optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
  })

describe('consentry/server', () => {
  it('reads the decision from a Cookie header', () => {
    const s = readConsent(`theme=dark; consentry=${value(NOW, true)}; other=1`, CONFIG, { now: NOW })
    expect(s).toMatchObject({ decided: true, categories: { analytics: true, marketing: false }, services: { posthog: true, ga4: false } })
  })

  it('takes the latest of several cookies with the name', () => {
    const header = `consentry=${value(NOW - 1000, true)}; consentry=${value(NOW, false)}`
    expect(readConsent(header, CONFIG, { now: NOW }).categories.analytics).toBe(false)
  })

  it.each([undefined, null, '', 'consentry=garbage', `consentry=${value(NOW, true).replace('!marketing', 'marketing')}`])(
    'reads %j as no decision',
    (header) => {
      expect(readConsent(header, CONFIG, { now: NOW })).toMatchObject({ decided: false, categories: { analytics: false } })
    },
  )

  it('a decision under an older revision is stale', () => {
    expect(readConsent(`consentry=${value(NOW, true, 0)}`, CONFIG, { now: NOW }).decided).toBe(false)
  })

  it('throws a typed error for a bad config', () => {
    expect(() => readConsent('', { categories: [] })).toThrow(/config.categories/)
  })

  it('splits headers without throwing on odd input', () => {
    expect(cookieValues('a=1;b=2; a=3;novalue; =x', 'a')).toEqual(['1', '3'])
  })
})

describe('a US opt-out never lapses, on the server too (privacy-signals §9 item 32)', () => {
  const MONTH = 2629800000
  /** A site whose marketing (marked optOut) and analytics run by default in opt-out regions. */
  const US = { ...CONFIG, region: 'US-CA', mode: 'auto' as const, categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', default: true, services: [{ id: 'posthog' }] },
    { id: 'marketing', default: true, optOut: true, services: [{ id: 'meta' }] },
  ] }
  const optedOut = (t: number): ConsentRecord => ({
    id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', createdAt: t, updatedAt: t, revision: 1,
    categories: { necessary: true, analytics: true, marketing: false }, services: { posthog: true, meta: false },
    method: 'banner', mode: 'opt-out', jurisdiction: 'US-CA', gpc: false,
    optOut: { sale: true, sharing: true, targetedAds: true, sensitive: false },
  })
  const OPTED_OUT = { decided: false, optOut: { sale: true, sharing: true, targetedAds: true }, categories: { necessary: true, analytics: true, marketing: false }, services: { posthog: true, meta: false } }

  beforeEach(() => {
    freshPage()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })

  it('the cookie the page keeps 14 months after the opt-out reads as opted out, and is re-issued for the cookie lifetime', () => {
    // The decision was made 14 months ago; the cookie is long gone, localStorage kept it. Now the page loads.
    const now = Date.now()
    localStorage.setItem('consentry', encodeRecord(optedOut(now - 14 * MONTH)))
    useEnv({ now: () => now })
    loadRecord(resolveConfig(US))
    // What the browser sends with the next request.
    const header = document.cookie
    expect(readConsent(header, US, { now })).toMatchObject(OPTED_OUT)
    expect(consentCookieHeader(header, US, { now })).toMatch(new RegExp(`^consentry=${localStorage.getItem('consentry')!.replace(/[.|!]/g, '\\$&')}; Max-Age=${366 * 86400}; `))
  })

  it('readConsent at now + 14 months: not decided, opted out, the optOut categories refused, the rest at their defaults', () => {
    const header = `consentry=${encodeRecord(optedOut(NOW))}`
    expect(readConsent(header, US, { now: NOW + 14 * MONTH })).toMatchObject(OPTED_OUT)
    // Without the opt-out, the same stale decision leaves marketing to its default.
    const plain = encodeRecord({ ...optedOut(NOW), optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false } })
    expect(readConsent(`consentry=${plain}`, US, { now: NOW + 14 * MONTH })).toMatchObject({ decided: false, categories: { marketing: true } })
  })

  it('consentCookieHeader at now + 14 months re-issues an opted-out record from that day, for the cookie lifetime', () => {
    const value = encodeRecord(optedOut(NOW))
    const later = NOW + 14 * MONTH
    expect(consentCookieHeader(`consentry=${value}`, US, { now: later })).toBe(
      `consentry=${value}; Max-Age=${366 * 86400}; Expires=${new Date(later + 366 * 864e5).toUTCString()}; Path=/; SameSite=Lax`,
    )
  })
})
