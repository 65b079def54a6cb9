import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeRecord, encodeRecord, MAX_LENGTH, newestRecord, type ConsentRecord } from './index.js'

const NOW = Date.UTC(2026, 10, 24)
const RUNS = { numRuns: 1000 }

const id = fc.stringMatching(/^[A-Za-z][\w-]{0,39}$/)
const choices = fc.dictionary(id, fc.boolean(), { maxKeys: 12 })
const time = fc.integer({ min: 0, max: NOW })
const record: fc.Arbitrary<ConsentRecord> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    a: time,
    b: time,
    revision: fc.integer({ min: 0, max: 2 ** 31 }),
    categories: choices,
    services: choices,
    method: fc.constantFrom('banner', 'preferences', 'api', 'gpc' as const),
    mode: fc.constantFrom('opt-in', 'opt-out' as const),
    jurisdiction: fc.stringMatching(/^[A-Za-z0-9-]{0,16}$/),
    gpc: fc.boolean(),
    optOut: fc.record({ sale: fc.boolean(), sharing: fc.boolean(), targetedAds: fc.boolean(), sensitive: fc.boolean() }),
  })
  .map(({ a, b, ...r }) => ({ ...r, createdAt: Math.min(a, b), updatedAt: Math.max(a, b) }) as ConsentRecord)

const SAMPLE: ConsentRecord = {
  id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
  createdAt: NOW - 1000,
  updatedAt: NOW,
  revision: 3,
  categories: { necessary: true, analytics: true, marketing: false },
  services: { posthog: true, meta: false },
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'EU',
  gpc: false,
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
}

describe('record codec', () => {
  it('encodes compactly with cookie-safe characters only', () => {
    const s = encodeRecord(SAMPLE)
    expect(s).toMatch(/^2\.0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13\.[0-9a-z]+\.[0-9a-z]+\.3\.bi0\.EU\.necessary\|analytics\|!marketing\.posthog\|!meta\.[0-9a-z]+$/)
    // RFC 6265 §4.1.1 cookie-octet: no space, DQUOTE, comma, semicolon or backslash.
    expect(s).toMatch(/^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/)
  })

  it('a first decision leaves `created` empty (it equals `updated`); a later one spells it out', () => {
    const first = encodeRecord({ ...SAMPLE, createdAt: NOW })
    expect(first.split('.')[2]).toBe('')
    expect(decodeRecord(first, NOW)).toEqual({ ...SAMPLE, createdAt: NOW })
    expect(encodeRecord(SAMPLE).split('.')[2]).toBe((NOW - 1000).toString(36))
  })

  it('schema 1 values (created always spelled out) are read as the same decision and rewritten as schema 2 (property)', () => {
    // Schema 1 as the earlier builds wrote it: the same fields, `created` never empty.
    const checksum = (s: string) => {
      let h = 0x811c9dc5
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
      return (h >>> 0).toString(36)
    }
    const v1 = (r: ConsentRecord) => {
      const p = encodeRecord(r).split('.').slice(0, -1)
      p[0] = '1'
      p[2] = r.createdAt.toString(36)
      const body = p.join('.')
      return body + '.' + checksum(body)
    }
    fc.assert(fc.property(record, (r) => {
      const old = v1(r)
      expect(decodeRecord(old, NOW)).toEqual(r)
      expect(encodeRecord(decodeRecord(old, NOW)!)).toMatch(/^2\./)
    }), RUNS)
    // Schema 1 never left `created` empty: such a value is not ours.
    const bad = v1(SAMPLE).split('.')
    bad[2] = ''
    const body = bad.slice(0, -1).join('.')
    expect(decodeRecord(body + '.' + checksum(body), NOW)).toBeNull()
    // Versions this build does not know are refused, not guessed at.
    const future = encodeRecord(SAMPLE).split('.')
    future[0] = '3'
    const fb = future.slice(0, -1).join('.')
    expect(decodeRecord(fb + '.' + checksum(fb), NOW)).toBeNull()
  })

  it('encode → decode is the identity (property)', () => {
    fc.assert(fc.property(record, (r) => { expect(decodeRecord(encodeRecord(r), NOW)).toEqual(r) }), RUNS)
  })

  it('decode → encode gives back the same string for every valid value (property)', () => {
    fc.assert(fc.property(record, (r) => {
      const s = encodeRecord(r)
      expect(encodeRecord(decodeRecord(s, NOW)!)).toBe(s)
    }), RUNS)
  })

  it('random strings never throw and never decode to a decision (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (s) => { expect(decodeRecord(s, NOW)).toBeNull() }), RUNS)
  })

  it('random bytes never throw and never decode to a decision (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      for (const s of [new TextDecoder().decode(bytes), String.fromCharCode(...bytes), '1.' + String.fromCharCode(...bytes)])
        expect(decodeRecord(s, NOW)).toBeNull()
    }), RUNS)
  })

  it('a damaged value (one character changed, or cut short) counts as no decision (property)', () => {
    fc.assert(fc.property(record, fc.nat(), fc.integer({ min: 33, max: 126 }), (r, at, code) => {
      const s = encodeRecord(r)
      const i = at % s.length
      const changed = s.slice(0, i) + String.fromCharCode(code) + s.slice(i + 1)
      if (changed !== s) expect(decodeRecord(changed, NOW)).toBeNull()
      expect(decodeRecord(s.slice(0, i), NOW)).toBeNull()
    }), RUNS)
  })

  it('turning a refusal into a grant by hand is detected', () => {
    const forged = encodeRecord(SAMPLE).replace('!marketing', 'marketing')
    expect(decodeRecord(forged, NOW)).toBeNull()
  })

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a number', 42],
    ['empty', ''],
    ['oversized', '1.' + 'a'.repeat(MAX_LENGTH)],
    ['another SDK', '{"categories":["necessary","analytics"],"revision":0}'],
    ['a foreign schema version', encodeRecord(SAMPLE).replace(/^2\./, '3.')],
    ['non-UTF-8 (lone surrogate)', encodeRecord(SAMPLE).replace('EU', 'E\uD800')],
  ])('%s counts as no decision', (_, value) => {
    expect(decodeRecord(value, NOW)).toBeNull()
  })

  it('rejects a decision dated more than a day in the future, or one updated before it was made', () => {
    expect(decodeRecord(encodeRecord({ ...SAMPLE, updatedAt: NOW + 2 * 864e5 }), NOW)).toBeNull()
    expect(decodeRecord(encodeRecord({ ...SAMPLE, createdAt: NOW + 1 }), NOW)).toBeNull()
  })

  it('rejects a record that names the same id twice', () => {
    const body = encodeRecord(SAMPLE).split('.').slice(0, -1)
    body[7] = 'analytics|!analytics'
    expect(decodeRecord(body.join('.') + '.x', NOW)).toBeNull()
  })

  it('picks the latest valid record among several copies', () => {
    const older = encodeRecord({ ...SAMPLE, updatedAt: NOW - 500 })
    const newer = encodeRecord(SAMPLE)
    expect(newestRecord([older, 'garbage', null, newer], NOW)?.updatedAt).toBe(NOW)
    expect(newestRecord([newer, older], NOW)?.updatedAt).toBe(NOW)
    expect(newestRecord(['garbage', undefined], NOW)).toBeNull()
  })
})
