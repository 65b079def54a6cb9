// @vitest-environment node
/** The webhook admin endpoints, as the admin (or the CLI's HTTP twin) uses them, on both engines. */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRecordsService, type RecordsService } from '../index.js'
import type { RecordStore } from '../store/types.js'
import { ENGINES, record, TOKEN, stopEngines } from './testing.js'
import { webhooksRoute } from './webhooks.js'

const BASE = 'http://records.test'

afterAll(stopEngines, 60_000)
describe.each(ENGINES)('webhook admin endpoints on %s', (_, open) => {
  let store: RecordStore
  let service: RecordsService
  const call = (method: string, path: string, body?: unknown, token = TOKEN) =>
    service.fetch(
      new Request(BASE + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body == 'string' ? body : JSON.stringify(body) }),
      }),
    )
  beforeAll(async () => {
    store = await open()
    // Deliveries are not sent here (webhooks: false): the endpoints manage them, the deliverer's suite sends them.
    service = createRecordsService({ store, adminToken: TOKEN, webhooks: false, prune: false })
  }, 120_000)
  afterAll(async () => {
    await service?.close()
    await store?.close()
  })

  it('add shows the secret once (generated whsec_ + 64 hex, or the one given); list shows no secret, with pending and dead counts', async () => {
    const a = await call('POST', '/v1/webhooks', { url: 'https://crm.example/hooks/consent' })
    expect(a.status).toBe(201)
    const made = await a.json()
    expect(made).toEqual({ id: expect.stringMatching(/^wh_[\da-f]{32}$/), url: 'https://crm.example/hooks/consent', events: ['consent.changed'], createdAt: expect.any(String), secret: expect.stringMatching(/^whsec_[\da-f]{64}$/) })
    const b = await (await call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/x', secret: 'my-own-secret-0123456789', events: ['consent.changed'] })).json()
    expect(b.secret).toBe('my-own-secret-0123456789')
    await store.insert(record())
    const list = await (await call('GET', '/v1/webhooks')).json()
    expect(list.subscriptions).toEqual([
      { id: made.id, url: made.url, events: ['consent.changed'], createdAt: made.createdAt, pending: 1, dead: 0 },
      { id: b.id, url: b.url, events: ['consent.changed'], createdAt: b.createdAt, pending: 1, dead: 0 },
    ])
    expect(JSON.stringify(list)).not.toContain('secret')
  })

  it('a bad subscription is a 400 naming the field; a body that is not a JSON object too', async () => {
    const cases: [unknown, RegExp][] = [
      [{ url: 'javascript:alert(1)' }, /^url: /],
      [{}, /^url: /],
      [{ url: 'https://x.example/', secret: 'abc' }, /^secret: /],
      [{ url: 'https://x.example/', events: ['consent.erased'] }, /^events: /],
      ['[1]', /JSON object/],
      ['{', /JSON object/],
    ]
    for (const [body, error] of cases) {
      const res = await call('POST', '/v1/webhooks', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((await res.json()).error).toMatch(error)
    }
  })

  it('rotate answers the new secret; remove is 204 then 404 and takes its pending deliveries', async () => {
    const w = await (await call('POST', '/v1/webhooks', { url: 'https://rotate.example/' })).json()
    const r = await call('POST', `/v1/webhooks/${w.id}/rotate`, { secret: 'rotated-secret-0123456789' })
    expect([r.status, await r.json()]).toEqual([200, { secret: 'rotated-secret-0123456789' }])
    const generated = await (await call('POST', `/v1/webhooks/${w.id}/rotate`)).json()
    expect(generated.secret).toMatch(/^whsec_/)
    expect((await call('POST', '/v1/webhooks/wh_nope/rotate')).status).toBe(404)
    await store.insert(record())
    expect((await call('DELETE', `/v1/webhooks/${w.id}`)).status).toBe(204)
    expect((await call('DELETE', `/v1/webhooks/${w.id}`)).status).toBe(404)
    expect((await store.webhooks.deliveries({ subscription: w.id })).length).toBe(0)
  })

  it('deliveries by state and subscription; replay of one (202, 404) and of all of a subscription’s dead ones', async () => {
    const w = await (await call('POST', '/v1/webhooks', { url: 'https://dead.example/' })).json()
    for (const s of (await store.webhooks.list()).filter((x) => x.id != w.id)) await store.webhooks.remove(s.id)
    await store.insert(record())
    await store.insert(record())
    for (const d of await store.webhooks.claim(10, 1000, Date.now() + 1000)) await store.webhooks.settle(d.id, { delivered: false, error: 'HTTP 410', next: null })
    const dead = (await (await call('GET', `/v1/webhooks/deliveries?state=dead&subscription=${w.id}`)).json()).deliveries
    expect(dead).toHaveLength(2)
    expect(dead[0]).toEqual({ id: expect.stringMatching(/^dlv_/), subscriptionId: w.id, consentId: expect.any(String), state: 'dead', attempts: 1, createdAt: expect.any(String), nextAttemptAt: null, deliveredAt: null, lastError: 'HTTP 410' })
    expect((await (await call('GET', '/v1/webhooks/deliveries?limit=1')).json()).deliveries).toHaveLength(1)
    expect((await call('GET', '/v1/webhooks/deliveries?state=lost')).status).toBe(400)
    expect((await call('GET', '/v1/webhooks/deliveries?limit=0')).status).toBe(400)
    expect((await call('GET', '/v1/webhooks/deliveries?limit=abc')).status).toBe(400)
    expect((await call('POST', `/v1/webhooks/deliveries/${dead[0].id}/replay`)).status).toBe(202)
    expect((await call('POST', '/v1/webhooks/deliveries/dlv_nope/replay')).status).toBe(404)
    expect(await (await call('POST', `/v1/webhooks/${w.id}/replay`)).json()).toEqual({ replayed: 1 })
    expect((await call('POST', '/v1/webhooks/wh_nope/replay')).status).toBe(404)
    const pending = (await (await call('GET', `/v1/webhooks/deliveries?state=pending&subscription=${w.id}`)).json()).deliveries
    expect(pending.map((d: { attempts: number }) => d.attempts)).toEqual([0, 0])
  })

  it('every webhooks path needs the admin token; a wrong method is 405 with Allow', async () => {
    for (const [method, path] of [['GET', '/v1/webhooks'], ['POST', '/v1/webhooks'], ['DELETE', '/v1/webhooks/wh_x'], ['GET', '/v1/webhooks/deliveries'], ['POST', '/v1/webhooks/deliveries/dlv_x/replay']]) {
      expect((await call(method!, path!, undefined, 'wrong')).status, `${method} ${path}`).toBe(401)
    }
    const res = await call('PUT', '/v1/webhooks')
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST'])
  })
})

describe('docs/records.md and the webhook routes', () => {
  const docs = readFileSync(new URL('../../../docs/records.md', import.meta.url), 'utf8')
  const section = docs.slice(docs.indexOf('## Webhooks'), docs.indexOf('\n## ', docs.indexOf('## Webhooks') + 5))
  // The endpoint table's first cells: `GET /v1/webhooks/deliveries?state=…` and the like.
  const documented = [...section.matchAll(/^\| `(GET|POST|DELETE) (\/v1\/webhooks[^`?]*)[^`]*`/gm)].map((m) => [m[1]!, m[2]!] as const)

  it('every endpoint the docs list is routed, with that method; every route is in the docs', () => {
    expect(documented.length).toBe(7)
    for (const [method, path] of documented) {
      const route = webhooksRoute(path.replace(':id', 'wh_0123'))
      expect(route?.methods.split(', '), `${method} ${path}`).toContain(method)
    }
    const routes = new Set(documented.map(([, path]) => webhooksRoute(path.replace(':id', 'x'))!.name))
    expect([...routes].sort()).toEqual(['deliveries', 'list', 'remove', 'replay', 'replayDead', 'rotate'])
  })

  it('every records webhook action is documented', () => {
    for (const action of ['add', 'list', 'remove', 'rotate', 'dead', 'replay']) expect(docs).toContain(`records webhook ${action}`)
  })
})
