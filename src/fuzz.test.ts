/**
 * Fuzzing every reader of outside data (issue #7): the consent record codec,
 * config validation, the GPP decoder and consentry/server's parsers, 10,000
 * cases each in CI; `FUZZ_RUNS=1000000 npx vitest run src/fuzz.test.ts` for a
 * long local run. Properties: no throw escapes a reader (config validation
 * throws only its own typed error), nothing invalid grants anything, and
 * every valid input round-trips.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { resolveConfig } from './config/index.js'
import { ConsentryError } from './errors/index.js'
import { decodeRecord, encodeRecord, type ConsentRecord } from './record/index.js'
import { decodeGpp, encodeGpp, SECTIONS } from './signals/codec/index.js'
import { readConsent, readGpc, readSyncRecord } from './server/index.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
const NOW = Date.UTC(2026, 10, 25)
const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] }
const id = fc.stringMatching(/^[A-Za-z][\w-]{0,12}$/)
const record: fc.Arbitrary<ConsentRecord> = fc.record({
  id: fc.uuid({ version: 4 }),
  createdAt: fc.integer({ min: 0, max: NOW - 1000 }),
  updatedAt: fc.constant(NOW - 1000),
  revision: fc.nat(1000),
  categories: fc.dictionary(id, fc.boolean(), { maxKeys: 6 }),
  services: fc.dictionary(id, fc.boolean(), { maxKeys: 6 }),
  method: fc.constantFrom('banner', 'preferences', 'api', 'gpc', 'embed'),
  mode: fc.constantFrom('opt-in', 'opt-out'),
  jurisdiction: fc.constantFrom('', 'EU', 'US-CA', 'DE-BY'),
  gpc: fc.boolean(),
  optOut: fc.record({ sale: fc.boolean(), sharing: fc.boolean(), targetedAds: fc.boolean(), sensitive: fc.boolean() }),
})

afterEach(() => vi.restoreAllMocks())

describe(`fuzzing (${RUNS} cases each)`, () => {
  it('record codec: arbitrary strings decode to null or a record, never throw; valid records round-trip', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => void decodeRecord(s, NOW)), { numRuns: RUNS })
    fc.assert(
      fc.property(record, (r) => {
        // Keys are unique per map; a key in both maps is allowed by the codec.
        expect(decodeRecord(encodeRecord(r), NOW)).toEqual(r)
      }),
      { numRuns: RUNS },
    )
  })

  it('record codec: any single-character change to a valid cookie is refused (FNV-1a steps are bijections, so the checksum always differs)', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (r, at, ch) => {
        const s = encodeRecord(r)
        const i = at % s.length
        const changed = s.slice(0, i) + ch + s.slice(i + 1)
        if (changed != s) expect(decodeRecord(changed, NOW)).toBeNull()
      }),
      { numRuns: RUNS },
    )
  })

  it('config validation: arbitrary input is a config or one ConsentryError, nothing else', () => {
    // (Unknown keys are warned about in development: not what this checks.)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (x) => {
        try {
          resolveConfig(x)
        } catch (e) {
          expect(e).toBeInstanceOf(ConsentryError)
        }
      }),
      { numRuns: RUNS },
    )
    fc.assert(
      fc.property(fc.record({ categories: fc.array(fc.record({ id: fc.oneof(id, fc.anything()), necessary: fc.anything(), services: fc.anything() }), { maxLength: 4 }), mode: fc.anything(), region: fc.anything(), cookie: fc.anything() }, { requiredKeys: [] }), (x) => {
        try {
          const c = resolveConfig(x)
          expect(c.categories.length).toBeGreaterThan(0)
        } catch (e) {
          expect(e).toBeInstanceOf(ConsentryError)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('GPP decoder: arbitrary strings never throw; valid strings round-trip', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void decodeGpp(s)), { numRuns: RUNS })
    fc.assert(fc.property(fc.stringMatching(/^D[A-Za-z0-9_-]{2,20}(~[A-Za-z0-9_.-]{1,30}){0,3}$/), (s) => void decodeGpp(s)), { numRuns: RUNS })
    const usnat = fc.record({
      SaleOptOut: fc.integer({ min: 0, max: 2 }),
      SharingOptOut: fc.integer({ min: 0, max: 2 }),
      MspaCoveredTransaction: fc.integer({ min: 1, max: 2 }),
      Gpc: fc.boolean(),
    })
    fc.assert(
      fc.property(usnat, fc.boolean(), (f, bytePadding) => {
        const d = decodeGpp(encodeGpp({ usnat: f }, { bytePadding }))!
        expect(d.usnat).toMatchObject(f)
        expect(Object.keys(d)).toEqual(['usnat'])
      }),
      { numRuns: RUNS },
    )
    expect(Object.keys(SECTIONS)).toEqual(['usnat', 'usca', 'usva', 'usco', 'usct'])
  })

  it('consentry/server: Cookie headers, Sec-GPC and sync bodies never throw, and garbage grants nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.oneof(fc.string({ maxLength: 10 }), fc.array(fc.constantFrom('1', '0', ' ', ',', '\t', 'true')).map((a) => a.join(''))), (cookie, gpc) => {
        const s = readConsent(cookie, CONFIG, { now: NOW, gpc: readGpc(gpc) })
        expect(s.decided).toBe(false)
        expect(s.categories).toEqual({ necessary: true, analytics: false, marketing: false })
        // GPC: exactly "1", or a comma-joined list of repeated headers with one member exactly "1" (OWS around members).
        expect(readGpc(gpc)).toBe(gpc === '1' || (gpc.includes(',') && gpc.split(',').some((m) => /^[ \t]*1[ \t]*$/.test(m))))
      }),
      { numRuns: RUNS },
    )
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 3 })), fc.constantFrom('application/json', 'text/plain', 'text/html', undefined), (body, type) => {
        const r = readSyncRecord(body, type)
        expect(r.ok).toBe(false)
      }),
      { numRuns: RUNS },
    )
  })
})
