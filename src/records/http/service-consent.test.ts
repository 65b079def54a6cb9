// @vitest-environment node
/**
 * POST /v1/consent through the records service's fetch handler, as a site's pages reach it: status codes and
 * bodies, the body limit, the store failing, and hostile bodies.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { syncRecordProblem } from '../../sync/record.js'
import { SYNC_MAX_BYTES } from '../../server/index.js'
import { BASE, ENGINES, record, stopEngines, useService, uuid } from './testing.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)

afterAll(stopEngines, 60_000)
describe.each(ENGINES)('records service on %s', (_, open) => {
  const suite = useService(open)
  const { make, post, history } = suite

  describe('POST /v1/consent', () => {
    it('stores a record (204), and the same record id again is a 204 stored once', async () => {
      const r = record()
      const first = await post(r)
      expect([first.status, await first.text()]).toEqual([204, ''])
      expect((await post(r)).status).toBe(204)
      const h = await history(r.consentId)
      expect(h.records).toHaveLength(1)
      expect(h.records[0]).toMatchObject(r)
      expect(h.inForce).toMatchObject({ id: r.id })
      expect(Date.parse(h.records[0].receivedAt)).not.toBeNaN()
    })

    it('takes a sendBeacon (text/plain) record as well as fetch JSON', async () => {
      const r = record()
      expect((await post(r, { 'content-type': 'text/plain;charset=UTF-8' })).status).toBe(204)
      expect((await history(r.consentId)).records).toHaveLength(1)
    })

    it.each([
      ['not JSON', '{"v":1,', 400, 'body is not valid JSON'],
      ['an unknown field', { ...record(), email: 'a@b.c' }, 400, 'email: unknown field'],
      ['a query string in the URL', { ...record(), url: 'https://e.com/?email=a@b.c' }, 400, 'url: expected an http(s) URL without query or fragment'],
      ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 400, 'body is not valid UTF-8'],
      // readSyncRecord lets these by; PostgreSQL cannot keep them as sent. Never storable: a 4xx, so the outbox does not retry for ever.
      ['a NUL in the url', { ...record(), url: 'https://e.com/\u0000' }, 400, 'not a record the store can keep: url: NUL or a lone surrogate (check it with readSyncRecord first)'],
      ['a date not in the calendar', { ...record(), createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-30T10:00:00.000Z' }, 400, 'not a record the store can keep: updatedAt: not a date in the calendar (check it with readSyncRecord first)'],
    ])('refuses %s with 400 and the reason in JSON, storing nothing', async (_, body, status, error) => {
      const res = await suite.service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body: body instanceof Uint8Array ? body : typeof body == 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }))
      expect([res.status, res.headers.get('content-type'), await res.json()]).toEqual([status, 'application/json; charset=utf-8', { error }])
      if (typeof body == 'object' && 'consentId' in body) expect((await history(body.consentId as string)).records).toEqual([])
    })

    it('refuses another content type with 415, unread', async () => {
      const res = await post(record(), { 'content-type': 'multipart/form-data; boundary=x' })
      expect(res.status).toBe(415)
      expect((await res.json()).error).toMatch(/application\/json/)
    })

    it('refuses a body over the limit with 413: by its Content-Length before reading, or as it streams', async () => {
      const big = JSON.stringify({ ...record(), url: 'https://e.com/' + 'a'.repeat(SYNC_MAX_BYTES) })
      expect(await (await post(big)).json()).toEqual({ error: `body over ${SYNC_MAX_BYTES} bytes` })
      const small = make({ maxBytes: 1000 })
      const r = record()
      expect((await post(r, {}, undefined, small)).status).toBe(204)
      expect((await post({ ...r, id: uuid(), url: 'https://e.com/' + 'a'.repeat(1000) }, {}, undefined, small)).status).toBe(413)
    })

    it('cuts a 1 GB streamed body off at the limit without buffering it (413 after reading at most the limit and one chunk)', async () => {
      const chunk = new Uint8Array(64 * 1024).fill(0x20)
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent >= 2 ** 30) return c.close()
          sent += chunk.byteLength
          c.enqueue(chunk)
        },
      })
      const started = performance.now()
      const res = await suite.service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit))
      expect(res.status).toBe(413)
      // The stream's own buffering may have pulled one chunk ahead.
      expect(sent).toBeLessThanOrEqual(SYNC_MAX_BYTES + 2 * chunk.byteLength)
      expect(performance.now() - started).toBeLessThan(2000)
    })

    it('answers 503 with Retry-After while the store is down (the outbox retries 5xx), and stores the retry', async () => {
      const r = record()
      suite.store.down = true
      const res = await post(r)
      expect([res.status, res.headers.get('retry-after')]).toEqual([503, '5'])
      suite.store.down = false
      expect((await post(r)).status).toBe(204)
      expect((await history(r.consentId)).records).toHaveLength(1)
    })
  })

  it(`hostile bodies (${Math.min(RUNS, 2000)} cases): never a 5xx, and nothing stored that readSyncRecord refuses`, async () => {
    const consentId = uuid()
    const base = record({ consentId })
    // Valid records with one field replaced by anything, SQL-looking strings included, and raw strings.
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(base), 'extra', '__proto__'), value: fc.oneof(fc.anything(), fc.constantFrom("'; DROP TABLE records; --", "0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13' OR '1'='1", '\u0000', 'https://e.com/\u0000')) })
    const body = fc.oneof(
      mutated.map(({ key, value }) => JSON.stringify({ ...base, id: uuid(), [key]: value })),
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
    )
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('application/json', 'text/plain', 'text/html', ''), async (text, type) => {
        const res = await suite.service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body: text, headers: type ? { 'content-type': type } : {} }))
        expect([204, 400, 413, 415]).toContain(res.status)
      }),
      { numRuns: Math.min(RUNS, 2000) },
    )
    const stored = (await history(consentId)).records as Record<string, unknown>[]
    for (const { receivedAt, ...r } of stored) expect(syncRecordProblem(r)).toBeNull()
  }, 120_000)
})
