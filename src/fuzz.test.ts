/**
 * Fuzzing every reader of outside data (issues #7 and #14): the consent record
 * codec, config validation (with the UI's URL fields), the GPP decoder and
 * consentry/server's parsers (readConsent, consentCookieHeader, readGpc,
 * readSyncRecord). `npm test` runs 10,000 cases per property; `npm run fuzz`
 * runs every `*fuzz.test.ts` file at 100,000 (`FUZZ_RUNS=1000000 npx vitest
 * run --project unit fuzz.test` for a longer local run). Properties: no throw
 * escapes a reader (config validation throws only its own typed error),
 * nothing invalid grants anything, and every valid input round-trips.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { isHttpUrl, resolveConfig } from './config/index.js'
import { ConsentryError } from './errors/index.js'
import { decodeRecord, encodeRecord, type ConsentRecord } from './record/index.js'
import { decodeGpp, encodeGpp, SECTIONS } from './signals/codec/index.js'
import { consentCookieHeader, readConsent, readGpc, readSyncRecord, type SyncRecord } from './server/index.js'
import { syncRecordProblem } from './sync/record.js'
import { resolveUi } from './ui/config.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
// 6 ms a case: the unit project's 60 s at the default count, 10 minutes at `npm run fuzz`'s 100,000 (whose
// slowest test, three properties of 100,000 cases over readConsent and consentCookieHeader, took 35 s).
const TIMEOUT = Math.max(60_000, RUNS * 6)
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

describe(`fuzzing (${RUNS} cases each)`, { timeout: TIMEOUT }, () => {
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

  it('UI config: arbitrary input is a resolved UI or one ConsentryError; URL fields accept only what a browser reads as http(s) or relative', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (x) => {
        try {
          resolveUi(x as never)
        } catch (e) {
          expect(e).toBeInstanceOf(ConsentryError)
        }
      }),
      { numRuns: RUNS },
    )
    // javascript:, data:… with any case, leading spaces or controls, and tabs or newlines inside (WHATWG URL §4.4
    // drops those): the browser would follow them, so the config refuses them, naming the field.
    fc.assert(
      fc.property(fc.constantFrom('javascript', 'data', 'vbscript', 'blob', 'file'), fc.infiniteStream(fc.tuple(fc.boolean(), fc.constantFrom('', '', '', '\t', '\n', '\r', '\r\n'))), fc.constantFrom('', ' ', '  ', '\t', '\x01', '\0', ' \n'), fc.string({ maxLength: 20 }), fc.constantFrom('policyUrl', 'assetsUrl'), (scheme, noise, lead, rest, field) => {
        const value = lead + [...scheme].map((ch) => { const [upper, gap] = noise.next().value; return (upper ? ch.toUpperCase() : ch) + gap }).join('') + ':' + rest
        expect(isHttpUrl(value)).toBe(false)
        expect(() => resolveUi({ [field]: value })).toThrow(`config.ui.${field}:`)
      }),
      { numRuns: RUNS },
    )
    // Whatever is accepted resolves to http(s) against any page, and carries no control character.
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), (value) => {
        if (!isHttpUrl(value)) return
        expect(value).not.toMatch(/[\0-\x1f\x7f-\x9f]/)
        for (const page of ['https://www.example.com/a/b?c#d', 'http://localhost:8080/'])
          expect(new URL(value, page).protocol).toMatch(/^https?:$/)
        expect(resolveUi({ policyUrl: value }).policyUrl).toBe(value)
      }),
      { numRuns: RUNS },
    )
  })

  it('readConsent and consentCookieHeader: Cookie headers never throw, garbage grants nothing and is not re-issued', () => {
    const none = { necessary: true, analytics: false, marketing: false }
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (cookie) => {
        const s = readConsent(cookie, CONFIG, { now: NOW })
        expect(s.decided).toBe(false)
        expect(s.categories).toEqual(none)
        expect(consentCookieHeader(cookie, CONFIG, { now: NOW })).toBeNull()
      }),
      { numRuns: RUNS },
    )
    // Headers shaped like real ones: our cookie name (and near misses) with damaged records, foreign values and noise.
    const damaged = fc.oneof(
      // One character changed: always refused (see the codec's property above).
      fc.tuple(record, fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([r, at, ch]) => {
        const v = encodeRecord(r)
        const i = at % v.length
        return v.slice(0, i) + (v[i] == ch ? (ch == 'x' ? 'y' : 'x') : ch) + v.slice(i + 1)
      }),
      fc.tuple(record, fc.nat()).map(([r, at]) => encodeRecord(r).slice(0, at % encodeRecord(r).length)),
      // Future-dated beyond the day of clock skew allowed, or created after its update: intact checksums, still refused.
      record.map((r) => encodeRecord({ ...r, createdAt: NOW + 2 * 864e5, updatedAt: NOW + 2 * 864e5 })),
      record.map((r) => encodeRecord({ ...r, createdAt: r.updatedAt + 1 })),
      fc.string({ maxLength: 80 }),
    )
    const pair = fc.tuple(fc.constantFrom('consentry', 'consentry', 'Consentry', ' consentry', 'consentry ', 'consentry2', 'other'), damaged).map(([n, v]) => `${n}=${v}`)
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 5 }), fc.constantFrom('; ', ';', ', '), (pairs, sep) => {
        const header = pairs.join(sep)
        const s = readConsent(header, CONFIG, { now: NOW })
        expect(s.decided).toBe(false)
        expect(s.categories).toEqual(none)
        expect(consentCookieHeader(header, CONFIG, { now: NOW })).toBeNull()
      }),
      { numRuns: RUNS },
    )
    // One intact record among the noise: nothing is granted that it does not grant, and the server re-issues exactly it.
    fc.assert(
      fc.property(record, fc.array(pair, { maxLength: 3 }), fc.nat(3), (r, noise, at) => {
        const value = encodeRecord(r)
        const header = [...noise.slice(0, at), `consentry=${value}`, ...noise.slice(at)].join('; ')
        const s = readConsent(header, CONFIG, { now: NOW })
        for (const c of ['analytics', 'marketing']) if (s.categories[c]) expect(r.categories[c]).toBe(true)
        const set = consentCookieHeader(header, CONFIG, { now: NOW })!
        expect(set.split('; ')[0]).toBe(`consentry=${value}`)
      }),
      { numRuns: RUNS },
    )
  })

  it('readGpc: any header value, from any runtime, never throws and is a boolean; a lone "1" is the signal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), fc.anything({ maxDepth: 2 })), (header) => {
        const gpc = readGpc(header as never)
        expect(typeof gpc).toBe('boolean')
        // GPC spec §3.1: the value is exactly "1"; no reading of it can find a signal where no "1" was sent.
        if (gpc) expect(JSON.stringify(header)).toContain('1')
      }),
      { numRuns: RUNS },
    )
    // Exactly: "1", or a comma-joined list of repeated headers with one member exactly "1" (OWS around members).
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 10 }), fc.array(fc.constantFrom('1', '0', ' ', ',', '\t', 'true')).map((a) => a.join(''))), (gpc) => {
        expect(readGpc(gpc)).toBe(gpc === '1' || (gpc.includes(',') && gpc.split(',').some((m) => /^[ \t]*1[ \t]*$/.test(m))))
      }),
      { numRuns: RUNS },
    )
    expect(readGpc('1')).toBe(true)
    expect(readGpc(['1'])).toBe(true)
  })

  it('readSyncRecord: bodies never throw; garbage and damaged records are refused with a 4xx, valid ones come back as sent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 3 }), fc.anything({ maxDepth: 3 })), fc.constantFrom('application/json', 'text/plain', 'text/html', 'application/json; charset=utf-8', undefined, null), (body, type) => {
        const r = readSyncRecord(body, type)
        expect(r.ok).toBe(false)
        if (!r.ok) expect([400, 413, 415]).toContain(r.status)
      }),
      { numRuns: RUNS },
    )
    const iso = fc.integer({ min: 0, max: NOW }).map((t) => new Date(t).toISOString())
    const valid: fc.Arbitrary<SyncRecord> = fc
      .record({
        v: fc.constant(1 as const),
        id: fc.uuid(),
        consentId: fc.uuid(),
        createdAt: iso,
        updatedAt: iso,
        method: fc.constantFrom('banner', 'preferences', 'api', 'gpc', 'embed'),
        mode: fc.constantFrom('opt-in', 'opt-out'),
        jurisdiction: fc.constantFrom('', 'EU', 'US-CA'),
        revision: fc.nat(1000),
        categories: fc.dictionary(id, fc.boolean(), { maxKeys: 4 }),
        services: fc.dictionary(id, fc.boolean(), { maxKeys: 4 }),
        optOut: fc.record({ sale: fc.boolean(), sharing: fc.boolean(), targetedAds: fc.boolean(), sensitive: fc.boolean() }),
        gpc: fc.boolean(),
        url: fc.constantFrom('https://www.example.com/', 'http://localhost:8080/shop/cart'),
      })
      .map((x) => (x.createdAt > x.updatedAt ? { ...x, createdAt: x.updatedAt } : x))
    const fields = ['v', 'id', 'consentId', 'createdAt', 'updatedAt', 'method', 'mode', 'jurisdiction', 'revision', 'categories', 'services', 'optOut', 'gpc', 'url', 'gpp', 'gppSid', 'usp', 'extra']
    fc.assert(
      fc.property(valid, fc.constantFrom(...fields), fc.option(fc.anything({ maxDepth: 2 })), fc.boolean(), (rec, field, value, asText) => {
        const sent = { ...rec, [field]: value ?? undefined } as Record<string, unknown>
        if (value === null) delete sent[field]
        const r = readSyncRecord(asText ? JSON.stringify(sent) : sent, 'application/json')
        if (r.ok) {
          expect(syncRecordProblem(r.record)).toBeNull()
          expect(r.record).toEqual(asText ? JSON.parse(JSON.stringify(sent)) : sent)
        } else expect(r.status).toBe(400)
        // The unchanged record is accepted as it was sent.
        expect(readSyncRecord(JSON.stringify(rec), 'text/plain')).toEqual({ ok: true, record: rec })
      }),
      { numRuns: RUNS },
    )
  })
})
