import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { encodeRecord, type ConsentRecord } from '../record/index.js'
import { CONFIG } from '../testing/index.js'
import { consentCookieHeader, readConsent, readGpc } from './index.js'

const NOW = Date.UTC(2026, 10, 25)
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  revision: 1,
  categories: { necessary: true, analytics: true, marketing: false },
  services: { posthog: true, ga4: false, meta: false },
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'EU',
  gpc: false,
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
  ...over,
})

describe('Sec-GPC', () => {
  it.each([
    ['1', true],
    [['1'], true],
    [['1', '1'], true],
    ['0', false],
    ['true', false],
    [' 1', false],
    ['1 ', false],
    ['11', false],
    ['', false],
    [['1', '0'], false],
    [[], false],
    [undefined, false],
    [null, false],
    ['1'.repeat(100000), false],
  ])('%j → %s (only the exact value 1, GPC §3.1)', (header, gpc) => {
    expect(readGpc(header as string)).toBe(gpc)
  })
})

describe('re-issuing the consent cookie from the server', () => {
  it('builds a Set-Cookie with the config name, path, SameSite, lifetime and Secure, from the newest valid cookie', () => {
    const older = encodeRecord(record({ updatedAt: NOW - 5000, createdAt: NOW - 5000 }))
    const newer = encodeRecord(record())
    const header = consentCookieHeader(`consentry=${older}; x=1; consentry=${newer}`, { ...CONFIG, cookie: { domain: '.example.com', sameSite: 'Strict' } }, { secure: true, now: NOW })!
    const [pair, ...attrs] = header.split('; ')
    expect(pair).toBe(`consentry=${newer}`)
    expect(attrs).toEqual([`Max-Age=${366 * 86400}`, `Expires=${new Date(NOW + 366 * 86400000).toUTCString()}`, 'Path=/', 'Domain=.example.com', 'SameSite=Strict', 'Secure'])
    // What the browser keeps reads back as the same decision.
    expect(readConsent(pair, CONFIG, { now: NOW })).toMatchObject({ decided: true, categories: { analytics: true } })
  })

  it('is null without a valid consent cookie: nothing to re-issue, and a forged one is not blessed', () => {
    expect(consentCookieHeader(undefined, CONFIG)).toBeNull()
    expect(consentCookieHeader('consentry=1.forged', CONFIG)).toBeNull()
    const valid = encodeRecord(record())
    expect(consentCookieHeader(`consentry=${valid.slice(0, -1)}x`, CONFIG, { now: NOW })).toBeNull()
  })
})

describe('hostile Cookie headers never throw and never grant', () => {
  const valid = encodeRecord(record())
  it.each([
    ['huge', 'a=' + 'x'.repeat(1_000_000) + '; consentry=' + 'y'.repeat(500_000)],
    ['no equals signs', 'consentry; ; ;;; =; ==='],
    ['repeated names, all bad', Array(2000).fill('consentry=1.bad').join('; ')],
    ['unicode and control characters', 'consentry=\u0000\u202e1.é; ☃=☃'],
    ['the right name with a truncated value', `consentry=${valid.slice(0, 40)}`],
  ])('%s', (_, header) => {
    expect(readConsent(header, CONFIG, { now: NOW })).toMatchObject({ decided: false, categories: { analytics: false } })
    expect(consentCookieHeader(header, CONFIG, { now: NOW })).toBeNull()
  })

  it('arbitrary strings (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (h) => {
        expect(readConsent(h, CONFIG, { now: NOW }).decided).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('a valid cookie among hostile ones is still found', () => {
    expect(readConsent(`;;;=; consentry=bad; consentry=${valid}; z=${'z'.repeat(10000)}`, CONFIG, { now: NOW }).decided).toBe(true)
  })
})
