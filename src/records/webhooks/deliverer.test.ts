// @vitest-environment node
// Webhook deliveries through the records service, on both engines, to real HTTP receivers on 127.0.0.1: a receiver
// that is down, answers 500s or is too slow, then recovers, gets every change, each delivery id once after de-dup,
// in order per consent id; a delivery that keeps failing is dead after retryHours and replay delivers it; two
// deliverers on one database never send one delivery at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { verifyWebhook } from '../../server/webhooks/index.js'
import { createRecordsService, type RecordsService } from '../http/service.js'
import { storeOn } from '../store/index.js'
import { ENGINES, type Engine, type Fresh } from '../store/testing.js'
import type { RecordStore } from '../store/types.js'
import { byVisitor, changes, startReceiver, waitFor, type Receiver } from './testing.js'

const VISITORS = 6
const EACH = 4

describe.each(['pglite', 'postgres'] as const)('webhook deliveries on %s', { timeout: 120_000 }, (name) => {
  let engine: Engine
  let f: Fresh
  let receiver: Receiver
  let secret = ''
  const services: RecordsService[] = []
  beforeAll(async () => {
    engine = await ENGINES[name]()
  }, 300_000)
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close()
    await receiver?.close()
  })
  afterAll(() => engine?.stop(), 60_000)

  const service = (store: RecordStore, webhooks: object) => {
    const s = createRecordsService({ store, prune: false, rateLimit: false, onError: () => {}, webhooks: { pollMs: 100, allowLocal: ['127.0.0.1'], ...webhooks } })
    services.push(s)
    return s
  }

  const subscribe = async (store: RecordStore = f.store) => {
    receiver = await startReceiver(() => secret)
    secret = (await store.webhooks.add({ url: receiver.url })).secret
  }

  /** Posts the interleaved changes one by one (as visitors' browsers would, over time) and waits for every one. */
  const postAndCheck = async (ms = 60_000) => {
    const records = changes(VISITORS, EACH)
    for (const r of records) await f.store.insert(r)
    await waitFor(() => receiver.unique().length >= records.length, ms, `${records.length} deliveries`)
    await waitFor(async () => (await f.store.webhooks.list())[0]!.pending == 0, 10_000, 'nothing pending')
    const events = receiver.unique()
    expect(receiver.requests.filter((q) => q.refused)).toEqual([])
    expect(events.length).toBe(records.length)
    // In order per consent id: each visitor's changes arrived oldest first.
    const expected = byVisitor(records.map((r) => ({ consentId: r.consentId, record: r }) as never))
    expect(byVisitor(events)).toEqual(expected)
    const stored = await f.store.webhooks.deliveries({ state: 'delivered', limit: 1000 })
    expect(stored.length).toBe(records.length)
    return events
  }

  it('every change arrives once, signed, in order per visitor, woken by the insert (no poll needed)', async () => {
    f = await engine.fresh()
    await subscribe()
    service(f.store, { pollMs: 60_000 })
    await postAndCheck(20_000)
    expect(receiver.requests.length).toBe(VISITORS * EACH) // nothing failed, so nothing was sent twice
  })

  it('a real delivery carries the contract headers, and verifyWebhook refuses it tampered, under a wrong secret, late, or without its header', async () => {
    f = await engine.fresh()
    await subscribe()
    service(f.store, {})
    await f.store.insert(changes(1, 1)[0]!)
    await waitFor(() => receiver.requests.length == 1, 20_000, 'one delivery')
    const [{ body, headers, id }] = receiver.requests as [Receiver['requests'][0]]
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'consentry-event': 'consent.changed', 'user-agent': expect.stringMatching(/^Consentry-Webhooks\/\d+\.\d+\.\d+/) })
    expect(headers['consentry-signature']).toMatch(/^t=\d+,v1=[\da-f]{64}$/)
    expect(id).toMatch(/^dlv_[\da-f-]{36}$/)
    const sig = headers['consentry-signature'] as string
    expect((await verifyWebhook(body, sig, secret)).ok).toBe(true)
    expect(await verifyWebhook(body.replace('"analytics":true', '"analytics":false'), sig, secret)).toEqual({ ok: false, reason: 'no-valid-signature' })
    expect(await verifyWebhook(body, sig, 'whsec_' + '0'.repeat(64))).toEqual({ ok: false, reason: 'no-valid-signature' })
    expect(await verifyWebhook(body, sig, secret, { now: Date.now() + 301_000 })).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' })
    expect(await verifyWebhook(body, undefined, secret)).toEqual({ ok: false, reason: 'missing-header' })
    // Rotated: the next delivery is signed with the new secret and the old one, and verifies under either.
    const old = secret
    const sub = (await f.store.webhooks.list())[0]!.id
    secret = (await f.store.webhooks.rotate(sub))!
    await f.store.insert(changes(1, 1)[0]!)
    await waitFor(() => receiver.requests.length == 2, 20_000, 'a delivery after the rotation')
    const after = receiver.requests[1]!
    expect(after.headers['consentry-signature']).toMatch(/^t=\d+,v1=[\da-f]{64},v1=[\da-f]{64}$/)
    for (const k of [secret, old]) expect((await verifyWebhook(after.body, after.headers['consentry-signature'], k)).ok).toBe(true)
  })

  it('a receiver down for a while, then up: everything arrives after it comes back', async () => {
    f = await engine.fresh()
    await subscribe()
    await receiver.down()
    service(f.store, {})
    const done = postAndCheck()
    await new Promise((ok) => setTimeout(ok, 2500))
    const duringOutage = receiver.requests.length
    await receiver.up()
    await done
    expect(duringOutage).toBe(0)
    const failed = await f.store.webhooks.deliveries({ state: 'delivered', limit: 1000 })
    expect(failed.some((d) => d.attempts > 1)).toBe(true) // retried, not merely sent late
  })

  it('a receiver answering 500s, then 200s: everything arrives, repeats only of refused attempts', async () => {
    f = await engine.fresh()
    await subscribe()
    // The first 15 requests are refused (the first attempts of several visitors, and retries), then all accepted.
    receiver.behave((n) => ({ status: n <= 15 ? 500 : 200 }))
    service(f.store, {})
    await postAndCheck()
    expect(receiver.requests.length).toBe(VISITORS * EACH + 15) // each refused one came again, once accepted never again
    expect((await f.store.webhooks.list())[0]).toMatchObject({ pending: 0, dead: 0 })
  })

  it('a receiver too slow (each attempt timed out), then fast: everything arrives; the timed-out ones came again', async () => {
    f = await engine.fresh()
    await subscribe()
    // The first 8 requests are answered after a second, past the 300 ms timeout; then at once.
    receiver.behave((n) => (n <= 8 ? { status: 200, delayMs: 1000 } : { status: 200 }))
    service(f.store, { timeoutMs: 300 })
    await postAndCheck()
    // The slow answers were received (and counted) before the sender gave up: the same id came twice or more.
    expect(receiver.requests.length).toBeGreaterThan(receiver.unique().length)
  })

  it('a delivery that keeps failing is dead after retryHours and does not hold up the visitor’s later changes; replay delivers it', async () => {
    f = await engine.fresh()
    await subscribe()
    receiver.behave({ status: 500 })
    const s = service(f.store, { retryHours: 1 / 3600 }) // one second
    const [first, second] = changes(1, 2)
    await f.store.insert(first!)
    await waitFor(async () => (await f.store.webhooks.deliveries({ state: 'dead' })).length == 1, 20_000, 'the first to be dead')
    const [dead] = await f.store.webhooks.deliveries({ state: 'dead' })
    expect(dead).toMatchObject({ consentId: first!.consentId, lastError: 'HTTP 500', nextAttemptAt: null })
    expect(dead!.attempts).toBeGreaterThan(1)
    receiver.behave({ status: 200 })
    await f.store.insert(second!)
    await waitFor(() => receiver.unique().length == 1, 20_000, 'the later change')
    expect(receiver.unique()[0]!.record.id).toBe(second!.id)
    // Replayed through the admin endpoint's store call: pending again, attempts 0, then delivered.
    const before = receiver.requests.length
    expect(await f.store.webhooks.replay(dead!.id)).toBe(true)
    await waitFor(() => receiver.unique().length == 2, 20_000, 'the replayed one')
    expect(receiver.requests.slice(before).map((q) => q.id)).toEqual([dead!.id])
    expect(receiver.unique()[1]!.record.id).toBe(first!.id)
    await s.close()
  })

  it('two deliverers on one database (two service processes) never send one delivery at once, nor twice', async () => {
    f = await engine.fresh()
    await subscribe()
    receiver.behave({ status: 200, delayMs: 30 })
    // PostgreSQL: a second store on its own pool, as another process has; PGlite: one instance, two deliverers.
    const other = name == 'postgres' ? await engine.raw(await reopen(f)) : null
    service(f.store, { concurrency: 4 })
    if (other) service(await storeOn(other), { concurrency: 4 })
    else service(f.store, { concurrency: 4 })
    await postAndCheck()
    expect(receiver.maxConcurrentPerId).toBe(1)
    expect(receiver.requests.length).toBe(VISITORS * EACH)
  })
})

// A second RecordStore over the same PostgreSQL database, on a pool of its own (the test server trusts local users).
const reopen = async (f: Fresh) => {
  const [row] = await f.db.query<{ url: string }>(`SELECT 'postgres://' || current_user || '@127.0.0.1:' || inet_server_port() || '/' || current_database() AS url`)
  return { engine: 'postgres' as const, url: row!.url }
}
