import { describe, expect, it } from 'vitest'
import { encodeRecord } from '../record/index.js'
import { CONFIG } from '../testing/index.js'
import { cookieValues, readConsent } from './index.js'

const NOW = Date.UTC(2026, 10, 24)
const value = (updatedAt: number, analytics: boolean, revision = 1) =>
  encodeRecord({
    id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
    createdAt: updatedAt,
    updatedAt,
    revision,
    categories: { necessary: true, analytics, marketing: false },
    services: { posthog: analytics },
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
