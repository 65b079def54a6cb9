// @vitest-environment node
/**
 * The records service through its fetch handler, as a site's pages, an admin
 * and a monitor reach it: every endpoint's status codes and bodies, CORS,
 * the rate limit, the body limit, auth, and the store failing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { syncRecordProblem } from '../../sync/record.js'
import { SYNC_MAX_BYTES } from '../../server/index.js'
import { createRecordsService, type RecordsService, type RecordsServiceOptions } from '../index.js'
import type { RecordStore } from '../store/types.js'
import { ENGINES, record, switchable, TOKEN, uuid, stopEngines } from './testing.js'

const SITE = 'https://shop.example.com'
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
const BASE = 'http://records.test'


afterAll(stopEngines, 60_000)
describe.each(ENGINES)('records service on %s', (_, open) => {
  let store: RecordStore & { down: boolean }
  let service: RecordsService
  const services: RecordsService[] = []
  const make = (options: RecordsServiceOptions = {}) => {
    const s = createRecordsService({ store, adminToken: TOKEN, allowedOrigins: [SITE], prune: false, onError: () => {}, ...options })
    services.push(s)
    return s
  }

  beforeAll(async () => {
    store = switchable(await open())
    service = make()
  }, 120_000)
  afterEach(() => {
    store.down = false
  })
  afterAll(async () => {
    for (const s of services) await s.close()
    await store.close()
  })

  /** Posts `body` from `client`'s address (null: no address given to the service). */
  const post = (body: unknown, headers: Record<string, string> = {}, client: string | null = '203.0.113.1', s = service) =>
    s.fetch(
      new Request(`${BASE}/v1/consent`, { method: 'POST', body: typeof body == 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
      client === null ? undefined : { remoteAddress: client },
    )
  const admin = (path: string, init: RequestInit = {}, s = service) =>
    s.fetch(new Request(BASE + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers as Record<string, string>) } }))
  const history = async (consentId: string) => (await admin(`/v1/consent/${consentId}`)).json()

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
      const res = await service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body: body instanceof Uint8Array ? body : typeof body == 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }))
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
      const res = await service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit))
      expect(res.status).toBe(413)
      // The stream's own buffering may have pulled one chunk ahead.
      expect(sent).toBeLessThanOrEqual(SYNC_MAX_BYTES + 2 * chunk.byteLength)
      expect(performance.now() - started).toBeLessThan(2000)
    })

    it('answers 503 with Retry-After while the store is down (the outbox retries 5xx), and stores the retry', async () => {
      const r = record()
      store.down = true
      const res = await post(r)
      expect([res.status, res.headers.get('retry-after')]).toEqual([503, '5'])
      store.down = false
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
        const res = await service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body: text, headers: type ? { 'content-type': type } : {} }))
        expect([204, 400, 413, 415]).toContain(res.status)
      }),
      { numRuns: Math.min(RUNS, 2000) },
    )
    const stored = (await history(consentId)).records as Record<string, unknown>[]
    for (const { receivedAt, ...r } of stored) expect(syncRecordProblem(r)).toBeNull()
  }, 120_000)

  describe('CORS', () => {
    const origin = (o: string) => ({ origin: o })

    it('answers an allowed origin with its CORS headers, on success and on refusal alike (the outbox must read the status)', async () => {
      const ok = await post(record(), origin(SITE))
      expect([ok.status, ok.headers.get('access-control-allow-origin'), ok.headers.get('vary')]).toEqual([204, SITE, 'Origin'])
      const bad = await post('{', origin(SITE))
      expect([bad.status, bad.headers.get('access-control-allow-origin')]).toEqual([400, SITE])
    })

    it("answers an allowed origin's preflight for POST with Content-Type; refuses another origin's", async () => {
      const pre = (o: string) =>
        service.fetch(new Request(`${BASE}/v1/consent`, { method: 'OPTIONS', headers: { origin: o, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }))
      const ok = await pre(SITE)
      expect(ok.status).toBe(204)
      expect(Object.fromEntries([...ok.headers].filter(([k]) => k.startsWith('access-control-')))).toEqual({
        'access-control-allow-origin': SITE,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'Content-Type',
        'access-control-expose-headers': 'Retry-After',
        'access-control-max-age': '7200',
      })
      const no = await pre('https://evil.example')
      expect([no.status, no.headers.get('access-control-allow-origin')]).toEqual([403, null])
    })

    it("refuses another origin's POST with 403 before reading it, beacon included (no preflight protects text/plain)", async () => {
      const r = record()
      for (const type of ['text/plain', 'application/json']) {
        const res = await post(r, { ...origin('https://evil.example'), 'content-type': type })
        expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([403, null])
        expect((await res.json()).error).toMatch(/not allowed/)
      }
      expect((await post(r, origin('null'))).status).toBe(403)
      expect((await history(r.consentId)).records).toEqual([])
    })

    it("takes requests without Origin (not a page) and the service's own origin without listing it", async () => {
      expect((await post(record())).status).toBe(204)
      const own = await post(record(), origin(BASE))
      expect(own.status).toBe(204)
    })

    it("'*' lets any page post; an origin that is not one is a config error", async () => {
      const any = make({ allowedOrigins: '*' })
      const res = await post(record(), origin('https://anywhere.example'), undefined, any)
      expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([204, 'https://anywhere.example'])
      expect(() => make({ allowedOrigins: 'https://a.example, example.com' })).toThrow(/allowedOrigins: expected origins such as https:\/\/example.com, got "example.com"/)
      expect(() => make({ allowedOrigins: ['https://a.example/path'] })).toThrow(/allowedOrigins/)
      expect(make({ allowedOrigins: 'https://a.example/ , http://b.example:8080' })).toBeTruthy()
    })
  })

  describe('rate limit', () => {
    it('answers 429 with Retry-After past the burst, per client address; other clients go on', async () => {
      const limited = make({ rateLimit: { perMinute: 6, burst: 3 } })
      const statuses = []
      for (let i = 0; i < 4; i++) statuses.push((await post(record(), {}, '198.51.100.7', limited)).status)
      expect(statuses).toEqual([204, 204, 204, 429])
      const res = await post(record(), { origin: SITE }, '198.51.100.7', limited)
      expect([res.status, res.headers.get('retry-after'), res.headers.get('access-control-allow-origin')]).toEqual([429, '10', SITE])
      expect((await post(record(), {}, '198.51.100.8', limited)).status).toBe(204)
      // Without an address (no info passed) there is no client to count.
      for (let i = 0; i < 5; i++) expect((await post(record(), {}, null, limited)).status).toBe(204)
    })
  })

  describe('admin endpoints', () => {
    it('refuse no token and a wrong one (401, Bearer challenge), a token in the URL (400), and everything when no token is set (403)', async () => {
      const path = `/v1/consent/${uuid()}`
      const none = await service.fetch(new Request(BASE + path))
      expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="consentry records"'])
      const wrong = await service.fetch(new Request(BASE + path, { headers: { authorization: `Bearer ${TOKEN}x` } }))
      expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'wrong admin token' }])
      expect((await service.fetch(new Request(BASE + path, { headers: { authorization: `Basic ${btoa('admin:' + TOKEN)}` } }))).status).toBe(401)
      for (const q of [`?token=${TOKEN}`, `?access_token=${TOKEN}`]) {
        const res = await service.fetch(new Request(BASE + path + q))
        expect([res.status, (await res.json()).error]).toEqual([400, expect.stringMatching(/Authorization header, never in the URL/)])
        expect((await admin(path + q)).status).toBe(400)
      }
      const off = make({ adminToken: '' })
      for (const auth of ['Bearer ', 'Bearer undefined', `Bearer ${TOKEN}`]) expect((await off.fetch(new Request(BASE + path, { headers: { authorization: auth } }))).status).toBe(403)
      expect((await admin(path, { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200)
    })

    it('GET /v1/consent/:id gives every record oldest first and the decision in force (newest updatedAt); DELETE erases them', async () => {
      const consentId = uuid()
      const later = record({ consentId, updatedAt: '2026-11-26T09:00:00.000Z', method: 'preferences' })
      const earlier = record({ consentId, updatedAt: '2026-11-25T10:05:00.000Z' })
      await post(later)
      await post(earlier)
      const h = await history(consentId)
      expect(h.records.map((r: { id: string }) => r.id)).toEqual([earlier.id, later.id])
      expect(h).toMatchObject({ consentId, inForce: { id: later.id, method: 'preferences' } })
      const erased = await admin(`/v1/consent/${consentId}`, { method: 'DELETE' })
      expect([erased.status, await erased.json()]).toEqual([200, { consentId, erased: 2 }])
      expect(await history(consentId)).toEqual({ consentId, records: [], inForce: null })
      expect((await admin('/v1/consent/not-a-uuid')).status).toBe(400)
      expect((await admin(`/v1/consent/${consentId}'%20OR%201=1`)).status).toBe(400)
    })
  })
})
