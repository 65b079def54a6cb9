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
  // GPC §"The Sec-GPC Header Field": only a field value of exactly "1" counts; with several Sec-GPC
  // headers, the request has GPC when at least one of them is exactly "1".
  it.each([
    ['1', true],
    [['1'], true],
    [['1', '1'], true],
    [['1', '0'], true],
    [['0', '1'], true],
    [['true', '1'], true],
    ['0', false],
    ['true', false],
    [' 1', false],
    ['1 ', false],
    ['11', false],
    ['', false],
    [['0', 'true'], false],
    [['1 ', ' 1'], false],
    [[], false],
    [undefined, false],
    [null, false],
  ])('%j → %s (a lone value must be exactly 1; several count when one is)', (header, gpc) => {
    expect(readGpc(header as string)).toBe(gpc)
  })

  // Node's IncomingMessage and Fetch's Headers.get() join repeated headers into one string with ", "
  // (RFC 9110 §5.3); list members are separated by commas with optional whitespace around them (§5.6.1).
  it.each([
    ['1, 1', true],
    ['1, 0', true],
    ['0, 1', true],
    ['0,1', true],
    ['1 ,\t0', true],
    [', 1', true],
    ['true, 1', true],
    [['0, 1'], true],
    ['0, 0', false],
    ['true, yes', false],
    ['11, 0', false],
    ['1;q=1, 0', false],
    [',', false],
  ])('a joined list %j → %s', (header, gpc) => {
    expect(readGpc(header as string)).toBe(gpc)
  })

  it('odd values from a framework never throw and count as no signal', () => {
    for (const h of [[1], [null], [{}], 1, {}, [['1']], '1'.repeat(100000), ' ,'.repeat(100000)]) expect(readGpc(h as never)).toBe(false)
    expect(readGpc('0, '.repeat(100000) + '1')).toBe(true)
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
