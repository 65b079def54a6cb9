// @vitest-environment node
/** The rest of the service: region, health, dashboard, unknown paths and methods, headers, retention, start and stop. */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ConsentryError } from '../../errors/index.js'
import { createRecordsService, openStore, type RecordsService } from '../index.js'
import type { RecordStore } from '../store/types.js'
import { ENGINES, record, switchable, TOKEN, stopEngines } from './testing.js'

const BASE = 'http://records.test'
const SITE = 'https://shop.example.com'


afterAll(stopEngines, 60_000)
describe.each(ENGINES)('records service on %s', (_, open) => {
  let store: RecordStore & { down: boolean }
  let service: RecordsService
  const call = (path: string, init: RequestInit = {}) => service.fetch(new Request(BASE + path, init))

  beforeAll(async () => {
    store = switchable(await open())
    service = createRecordsService({ store, adminToken: TOKEN, allowedOrigins: SITE, prune: false, onError: () => {} })
  }, 120_000)
  afterAll(async () => {
    await service.close()
    await store.close()
  })

  it('GET /v1/region: the region from CDN headers, with CORS for an allowed page, uncached', async () => {
    const res = await call('/v1/region', { headers: { 'cf-ipcountry': 'US', 'cf-region-code': 'CA', origin: SITE } })
    expect([res.status, await res.json()]).toEqual([200, { region: 'US-CA' }])
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(await (await call('/v1/region', { headers: { 'cf-ipcountry': 'XX' } })).json()).toEqual({ region: '' })
    expect(await (await call('/v1/region')).json()).toEqual({ region: '' })
    expect((await call('/v1/region', { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    // regionFrom: only the CDN really in front is believed.
    const behindVercel = createRecordsService({ store, prune: false, regionFrom: ['vercel'] })
    const spoofed = await behindVercel.fetch(new Request(`${BASE}/v1/region`, { headers: { 'cf-ipcountry': 'FR', 'x-vercel-ip-country': 'DE' } }))
    expect(await spoofed.json()).toEqual({ region: 'DE' })
  })

  it('GET /healthz: 200 while the store answers, 503 when it does not', async () => {
    expect([(await call('/healthz')).status, await (await call('/healthz')).json()]).toEqual([200, { ok: true }])
    store.down = true
    const down = await call('/healthz')
    store.down = false
    expect([down.status, await down.json()]).toEqual([503, { ok: false, error: 'the store does not answer' }])
    expect((await call('/healthz')).status).toBe(200)
  })

  it('GET /dashboard serves the dashboard page under its own CSP', async () => {
    const res = await call('/dashboard')
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(await res.text()).toMatch(/<html/)
  })

  it('unknown paths are a 404 in JSON; a wrong method is a 405 with Allow', async () => {
    for (const path of ['/', '/v1', '/v1/consent/', '/v1/consents', '/v1/export/x', '/etc/passwd', '/v1/consent/a/b']) {
      const res = await call(path, { headers: { authorization: `Bearer ${TOKEN}` } })
      expect([path, res.status, await res.json()]).toEqual([path, 404, { error: 'not found' }])
    }
    const cases: [string, string, string][] = [
      ['/v1/consent', 'GET', 'POST, OPTIONS'],
      ['/v1/consent', 'DELETE', 'POST, OPTIONS'],
      ['/v1/region', 'POST', 'GET, OPTIONS'],
      ['/v1/export', 'POST', 'GET, HEAD'],
      ['/v1/stats', 'DELETE', 'GET, HEAD'],
      ['/v1/consent/0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', 'PUT', 'GET, HEAD, DELETE'],
      ['/healthz', 'POST', 'GET, HEAD'],
      ['/dashboard', 'POST', 'GET, HEAD'],
    ]
    for (const [path, method, allow] of cases) {
      const res = await call(path, { method, headers: { authorization: `Bearer ${TOKEN}` } })
      expect([path, method, res.status, res.headers.get('allow')]).toEqual([path, method, 405, allow])
    }
  })

  it('every response carries the security headers; HEAD answers like GET without a body', async () => {
    const responses = await Promise.all([
      call('/v1/region'),
      call('/healthz'),
      call('/nope'),
      call('/v1/stats'),
      call('/v1/consent', { method: 'POST', body: '{' }),
      call('/v1/consent', { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } }),
      call('/v1/stats', { headers: { authorization: `Bearer ${TOKEN}` } }),
    ])
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toMatch(/no-store/)
    }
    const head = await call('/healthz', { method: 'HEAD' })
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, 'application/json; charset=utf-8', ''])
  })

  it('a store failure in an admin request is a 500 without details, reported to onError', async () => {
    const errors: string[] = []
    const s = createRecordsService({ store, adminToken: TOKEN, prune: false, onError: (e, where) => errors.push(`${where}: ${(e as Error).message}`) })
    store.down = true
    const res = await s.fetch(new Request(`${BASE}/v1/stats`, { headers: { authorization: `Bearer ${TOKEN}` } }))
    store.down = false
    expect([res.status, await res.json()]).toEqual([500, { error: 'internal error' }])
    expect(errors).toEqual(['GET /v1/stats: connection refused (test)'])
  })
})

describe('the service', () => {
  it('prunes on its schedule with retentionMonths, and stops when closed', async () => {
    vi.useFakeTimers()
    try {
      const prune = vi.fn(async () => 3)
      const store = { insert: vi.fn(), prune, close: vi.fn(async () => {}) } as unknown as RecordStore
      const info: string[] = []
      const service = createRecordsService({ store, retentionMonths: 12, prune: { firstAfter: 1000, every: 60_000 }, onInfo: (m) => info.push(m) })
      await vi.advanceTimersByTimeAsync(999)
      expect(prune).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(prune).toHaveBeenCalledWith(12)
      await vi.advanceTimersByTimeAsync(120_000)
      expect(prune).toHaveBeenCalledTimes(3)
      expect(info.at(-1)).toBe('retention: pruned 3 record(s) older than 12 months')
      await service.close()
      await vi.advanceTimersByTimeAsync(600_000)
      expect(prune).toHaveBeenCalledTimes(3)
      // A store passed in is the caller's to close.
      expect(store.close).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('defaults to 24 months, a day apart, the first run shortly after start; a failed run is reported and retried', async () => {
    vi.useFakeTimers()
    try {
      const prune = vi.fn().mockRejectedValueOnce(new Error('db busy')).mockResolvedValue(0)
      const errors: string[] = []
      const service = createRecordsService({ store: { insert: vi.fn(), prune } as unknown as RecordStore, onError: (e, where) => errors.push(`${where}: ${(e as Error).message}`) })
      await vi.advanceTimersByTimeAsync(30_000)
      expect(prune).toHaveBeenCalledWith(24)
      expect(errors).toEqual(['retention: db busy'])
      await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000)
      expect(prune).toHaveBeenCalledTimes(2)
      await service.close()
    } finally {
      vi.useRealTimers()
    }
  })

  it('reads CONSENTRY_ADMIN_TOKEN and CONSENTRY_ALLOWED_ORIGINS from the environment when not given', async () => {
    vi.stubEnv('CONSENTRY_ADMIN_TOKEN', 'from-the-environment-0123456789')
    vi.stubEnv('CONSENTRY_ALLOWED_ORIGINS', 'https://a.example,https://b.example')
    try {
      const store = { insert: vi.fn(), stats: async () => [] } as unknown as RecordStore
      const service = createRecordsService({ store, prune: false })
      const auth = { authorization: 'Bearer from-the-environment-0123456789' }
      expect((await service.fetch(new Request(`${BASE}/v1/stats`, { headers: auth }))).status).toBe(200)
      const res = await service.fetch(new Request(`${BASE}/v1/region`, { headers: { origin: 'https://b.example' } }))
      expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example')
      await service.close()
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('seals webhook secrets with store.secretKey or env CONSENTRY_SECRET_KEY; a bad key is refused at once, naming secretKey', async () => {
    const key = randomBytes(32).toString('base64')
    expect(() => createRecordsService({ store: { engine: 'pglite', dataDir: 'memory://', secretKey: 'too-short' }, prune: false })).toThrow(/^\[consentry\] secretKey: expected 32 random bytes/)
    const dir = mkdtempSync(join(tmpdir(), 'consentry-sealed-'))
    vi.stubEnv('CONSENTRY_SECRET_KEY', 'nope')
    try {
      expect(() => createRecordsService({ store: { engine: 'pglite', dataDir: dir }, prune: false })).toThrow(/^\[consentry\] secretKey: expected 32 random bytes/)
      vi.stubEnv('CONSENTRY_SECRET_KEY', `${key}`)
      const service = createRecordsService({ store: { engine: 'pglite', dataDir: dir }, adminToken: TOKEN, prune: false, webhooks: false })
      const res = await service.fetch(new Request(`${BASE}/v1/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://crm.example/hook' }) }))
      expect(res.status).toBe(201)
      await service.close()
      await expect(openStore({ dataDir: dir })).rejects.toThrow(/secretKey: the webhook secrets in this database are sealed/)
      const store = await openStore({ dataDir: dir, secretKey: key })
      expect(await store.webhooks.list()).toHaveLength(1)
      await store.close()
    } finally {
      vi.unstubAllEnvs()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  it('refuses bad options with a ConsentryError', () => {
    for (const options of [{ maxBytes: 0 }, { retentionMonths: -1 }, { rateLimit: { perMinute: NaN } }, { allowedOrigins: 'ftp://x.example' }])
      expect(() => createRecordsService({ ...options, prune: false } as never)).toThrow(ConsentryError)
    for (const trustProxy of [-1, 1.5, '1', 101]) expect(() => createRecordsService({ trustProxy, prune: false } as never)).toThrow(/^\[consentry\] trustProxy: expected the number of proxies/)
  })

  it('after close(), requests get 503 and a store it opened is closed', async () => {
    const service = createRecordsService({ store: { engine: 'pglite', dataDir: 'memory://' }, prune: false, onError: () => {} })
    await service.close()
    const res = await service.fetch(new Request(`${BASE}/v1/consent`, { method: 'POST', body: JSON.stringify(record()) }))
    expect(res.status).toBe(503)
  })
})
