// @vitest-environment node
/**
 * Who may reach the records service, through its fetch handler: CORS for a site's pages, the rate limit per
 * client address, and the admin endpoints' auth and answers.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { RecordsService } from '../index.js'
import { BASE, ENGINES, record, SITE, stopEngines, TOKEN, useService, uuid } from './testing.js'

afterAll(stopEngines, 60_000)
describe.each(ENGINES)('records service on %s', (_, open) => {
  const suite = useService(open)
  const { make, post, admin, history } = suite

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
        suite.service.fetch(new Request(`${BASE}/v1/consent`, { method: 'OPTIONS', headers: { origin: o, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }))
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

    const burst = async (s: RecordsService, client: string, forwarded?: string) => {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await post(record(), forwarded ? { 'x-forwarded-for': forwarded } : {}, client, s)).status)
      return statuses
    }

    it('behind a trusted proxy, each visitor has a bucket of their own, and one writing X-Forwarded-For gets no fresh one', async () => {
      const proxy = '10.0.0.2'
      const shared = make({ rateLimit: { perMinute: 1, burst: 2 } })
      // Not told of the proxy: everyone behind it is the proxy, and what clients write is not believed.
      expect(await burst(shared, proxy, '198.51.100.1')).toEqual([204, 204, 429])
      expect(await burst(shared, proxy, '198.51.100.2')).toEqual([429, 429, 429])
      const behind = make({ rateLimit: { perMinute: 1, burst: 2 }, trustProxy: 1 })
      expect(await burst(behind, proxy, '198.51.100.1')).toEqual([204, 204, 429])
      expect(await burst(behind, proxy, '198.51.100.2')).toEqual([204, 204, 429])
      // The first visitor again, with an address of their choosing in front of the one the proxy appended.
      expect(await burst(behind, proxy, '192.0.2.99, 198.51.100.1')).toEqual([429, 429, 429])
    })

    it('counts an IPv6 client by its /64, and an IPv4 one written IPv4-mapped as itself', async () => {
      const limited = make({ rateLimit: { perMinute: 1, burst: 2 } })
      expect(await burst(limited, '2001:db8:7:1::1')).toEqual([204, 204, 429])
      expect(await burst(limited, '2001:db8:7:1::2')).toEqual([429, 429, 429])
      expect(await burst(limited, '2001:db8:7:2::1')).toEqual([204, 204, 429])
      expect(await burst(limited, '198.51.100.60')).toEqual([204, 204, 429])
      expect(await burst(limited, '::ffff:198.51.100.60')).toEqual([429, 429, 429])
    })

    it("the dashboard's login limit goes by the same client: behind a trusted proxy, one visitor's wrong tokens do not lock out another", async () => {
      const behind = make({ trustProxy: 1 })
      const login = (forwarded: string) =>
        behind.fetch(
          new Request(`${BASE}/dashboard/login`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwarded }, body: 'token=wrong' }),
          { remoteAddress: '10.0.0.2' },
        )
      const statuses = []
      for (let i = 0; i < 6; i++) statuses.push((await login('198.51.100.70')).status)
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
      expect((await login('198.51.100.71')).status).toBe(401)
    })
  })

  describe('admin endpoints', () => {
    it('refuse no token and a wrong one (401, Bearer challenge), a token in the URL (400), and everything when no token is set (403)', async () => {
      const path = `/v1/consent/${uuid()}`
      const none = await suite.service.fetch(new Request(BASE + path))
      expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="consentry records"'])
      const wrong = await suite.service.fetch(new Request(BASE + path, { headers: { authorization: `Bearer ${TOKEN}x` } }))
      expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'wrong admin token' }])
      expect((await suite.service.fetch(new Request(BASE + path, { headers: { authorization: `Basic ${btoa('admin:' + TOKEN)}` } }))).status).toBe(401)
      for (const q of [`?token=${TOKEN}`, `?access_token=${TOKEN}`]) {
        const res = await suite.service.fetch(new Request(BASE + path + q))
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
