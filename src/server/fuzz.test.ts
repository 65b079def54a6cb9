/** Fuzzing consentry/server's parsers: readConsent, consentCookieHeader, readGpc, readSyncRecord (see src/testing/fuzz.ts). */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { encodeRecord } from '../record/index.js'
import { consentCookieHeader, readConsent, readGpc, readSyncRecord, type SyncRecord } from './index.js'
import { syncRecordProblem } from '../sync/record.js'
import { id, NOW, record, RUNS, TIMEOUT } from '../testing/fuzz.js'

const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] }


describe(`fuzzing (${RUNS} cases each)`, { timeout: TIMEOUT }, () => {
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
      // One character changed: always refused (see the codec's property in src/record/fuzz.test.ts).
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
