// @vitest-environment node
// The webhook outbox on both engines: which records become deliveries (a change of the decision in force, once per
// subscription, in the record's own transaction), and how the deliverer claims, settles and replays them.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consentEventProblem, type ConsentEvent } from '../../server/webhooks/event.js'
import type { SyncRecord } from '../../sync/record.js'
import { insertWithEvents } from './outbox.js'
import { ENGINES, type Engine, type Fresh } from './testing.js'

const OPT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
const record = (over: Partial<SyncRecord> = {}): SyncRecord => ({
  v: 1,
  id: randomUUID(),
  consentId: randomUUID(),
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'DE',
  revision: 1,
  categories: { necessary: true, analytics: true },
  services: { posthog: true },
  optOut: OPT,
  gpc: false,
  url: 'https://shop.example/',
  ...over,
})
const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`

describe.each(['pglite', 'postgres'] as const)('the webhook outbox on %s', (name) => {
  let engine: Engine
  let f: Fresh
  beforeAll(async () => {
    engine = await ENGINES[name]()
  }, 300_000)
  afterAll(() => engine?.stop(), 60_000)

  const bodies = async (): Promise<(ConsentEvent & { sub: string })[]> =>
    (await f.db.query<{ body: string; subscription_id: string }>('SELECT body, subscription_id FROM consentry_deliveries ORDER BY seq')).map((r) => ({ ...JSON.parse(r.body), sub: r.subscription_id }))

  it('a change of the decision in force is one delivery per subscription; a repeat, a late older record or the same record again is none', async () => {
    f = await engine.fresh()
    const a = await f.store.webhooks.add({ url: 'https://a.example/hook' })
    const b = await f.store.webhooks.add({ url: 'http://127.0.0.1:9/hook', secret: 'whsec_' + 'b'.repeat(20) })
    const consentId = randomUUID()
    const first = record({ consentId, updatedAt: at(1) })
    expect(await f.store.insert(first)).toBe(true)
    expect(await f.store.insert(first)).toBe(false) // the same record again
    expect(await f.store.insert(record({ consentId, updatedAt: at(2) }))).toBe(true) // the same decision again
    const refused = record({ consentId, updatedAt: at(3), categories: { necessary: true, analytics: false }, services: { posthog: false } })
    await f.store.insert(refused)
    await f.store.insert(record({ consentId, updatedAt: at(0), categories: { necessary: true } })) // older: never in force
    const gpc = record({ consentId, updatedAt: at(4), categories: refused.categories, services: refused.services, gpc: true })
    await f.store.insert(gpc)
    const events = await bodies()
    expect(events.map((e) => [e.sub, e.record.id])).toEqual([
      [a.id, first.id],
      [b.id, first.id],
      [a.id, refused.id],
      [b.id, refused.id],
      [a.id, gpc.id],
      [b.id, gpc.id],
    ])
    for (const e of events) expect(consentEventProblem(e)).toBeNull()
    expect(new Set(events.map((e) => e.id)).size).toBe(6)
    expect(events[0]!.previous).toBeUndefined()
    expect(events[2]!.previous).toEqual({ categories: first.categories, services: first.services, optOut: OPT, gpc: false })
    expect(events[4]!.previous).toMatchObject({ categories: refused.categories, gpc: false })
    const { id: _, ...sent } = events[4]!.record as SyncRecord & { id: string }
    expect(events[4]!.record).toEqual(gpc) // the record as stored, without receivedAt
    expect(sent.consentId).toBe(consentId)
  })

  it('no subscription, no delivery; a subscription to no event it knows is refused naming the field', async () => {
    f = await engine.fresh()
    await f.store.insert(record())
    expect(await bodies()).toEqual([])
    await expect(f.store.webhooks.add({ url: 'ftp://x.example/' })).rejects.toThrow(/url: expected an http\(s\) URL/)
    await expect(f.store.webhooks.add({ url: 'https://x.example/', events: ['consent.erased' as never] })).rejects.toThrow(/events:/)
    await expect(f.store.webhooks.add({ url: 'https://x.example/', secret: 'short' })).rejects.toThrow(/secret:/)
    expect(await f.store.webhooks.list()).toEqual([])
  })

  it('the record and its deliveries commit together: a transaction that fails after them leaves neither', async () => {
    f = await engine.fresh()
    await f.store.webhooks.add({ url: 'https://a.example/hook' })
    const r = record()
    await expect(
      f.db.transaction(async (tx) => {
        expect(await insertWithEvents(tx, r)).toEqual({ stored: true, deliveries: 1 })
        throw new Error('crash before commit')
      }),
    ).rejects.toThrow('crash before commit')
    expect(await f.db.query('SELECT 1 FROM consentry_records')).toEqual([])
    expect(await f.db.query('SELECT 1 FROM consentry_deliveries')).toEqual([])
  })

  it('changes of one visitor posted at once each see the one before: every event’s previous is the last event’s decision', async () => {
    f = await engine.fresh()
    await f.store.webhooks.add({ url: 'https://a.example/hook' })
    // Alternating decisions of 4 visitors, in a shuffled order, all at once (PostgreSQL: on several connections).
    const visitors = Array.from({ length: 4 }, () => randomUUID())
    const rs = visitors.flatMap((consentId) => Array.from({ length: 10 }, (_, i) => record({ consentId, updatedAt: at(i + 1), categories: { necessary: true, analytics: i % 2 == 0 } })))
    rs.sort(() => Math.random() - 0.5)
    await Promise.all(Array.from({ length: 10 }, () => f.store.ping())) // every connection of the pool open
    await Promise.all(rs.map((r) => f.store.insert(r)))
    const events = await bodies()
    for (const v of visitors) {
      const mine = events.filter((e) => e.consentId == v)
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.previous?.categories, `${v} event ${i}`).toEqual(mine[i - 1]!.record.categories)
      for (const e of mine.slice(1)) expect(e.previous!.categories).not.toEqual(e.record.categories)
      // The last event announced the decision now in force (the newest record's, i = 9: analytics refused).
      expect(mine.at(-1)!.record.categories).toEqual({ necessary: true, analytics: false })
    }
  })

  it('claims only the first pending change of each visitor, once: a lease hides it from a second claim until it ends', async () => {
    f = await engine.fresh()
    const { id: sub } = await f.store.webhooks.add({ url: 'https://a.example/hook' })
    const [v1, v2] = [randomUUID(), randomUUID()]
    for (let i = 0; i < 3; i++) {
      await f.store.insert(record({ consentId: v1, updatedAt: at(i + 1), categories: { necessary: true, analytics: i % 2 == 0 } }))
      await f.store.insert(record({ consentId: v2, updatedAt: at(i + 1), categories: { necessary: true, analytics: i % 2 == 0 } }))
    }
    const now = Date.now() + 1000
    const [c1, c2] = await Promise.all([f.store.webhooks.claim(10, 5000, now), f.store.webhooks.claim(10, 5000, now)])
    const claimed = [...c1, ...c2]
    expect(claimed.map((c) => c.consentId).sort()).toEqual([v1, v2].sort()) // one per visitor, between both claims
    expect(claimed.every((c) => c.attempts == 1 && c.subscriptionId == sub && c.secrets.length == 1)).toBe(true)
    expect(await f.store.webhooks.claim(10, 5000, now + 4000)).toEqual([]) // leased, and the next ones wait behind them
    const again = await f.store.webhooks.claim(10, 5000, now + 5001) // the lease ended (a process died): claimed again
    expect(again.map((c) => [c.id, c.attempts]).sort()).toEqual(claimed.map((c) => [c.id, 2]).sort())
    // Delivered: the next change of that visitor becomes claimable.
    await f.store.webhooks.settle(again[0]!.id, { delivered: true })
    const next = await f.store.webhooks.claim(10, 5000, now + 5002)
    expect(next.map((c) => c.consentId)).toEqual([again[0]!.consentId])
    expect(JSON.parse(next[0]!.body).record.updatedAt).toBe(at(2))
  })

  it('a failure waits for its next attempt; a dead delivery lets the later ones go; replay brings it back', async () => {
    f = await engine.fresh()
    const { id: sub } = await f.store.webhooks.add({ url: 'https://a.example/hook' })
    const v = randomUUID()
    await f.store.insert(record({ consentId: v, updatedAt: at(1) }))
    await f.store.insert(record({ consentId: v, updatedAt: at(2), gpc: true }))
    const now = Date.now() + 1000
    const [c] = await f.store.webhooks.claim(10, 5000, now)
    await f.store.webhooks.settle(c!.id, { delivered: false, error: 'HTTP 500', next: now + 3000 })
    expect(await f.store.webhooks.claim(10, 5000, now + 2999)).toEqual([])
    const [retry] = await f.store.webhooks.claim(10, 5000, now + 3000)
    expect([retry!.id, retry!.attempts, retry!.firstAttemptAt]).toEqual([c!.id, 2, c!.firstAttemptAt])
    await f.store.webhooks.settle(c!.id, { delivered: false, error: 'HTTP 500', next: null })
    const [later] = await f.store.webhooks.claim(10, 5000, now + 3001)
    expect(later!.id).not.toBe(c!.id)
    expect(await f.store.webhooks.deliveries({ state: 'dead' })).toMatchObject([{ id: c!.id, subscriptionId: sub, consentId: v, attempts: 2, lastError: 'HTTP 500', nextAttemptAt: null }])
    expect(await f.store.webhooks.list()).toMatchObject([{ id: sub, pending: 1, dead: 1 }])
    expect(await f.store.webhooks.replay('dlv_nope')).toBe(false)
    expect(await f.store.webhooks.replay(c!.id)).toBe(true)
    expect(await f.store.webhooks.deliveries({ state: 'pending', subscription: sub })).toMatchObject([{ id: later!.id }, { id: c!.id, attempts: 0 }])
    await f.store.webhooks.settle(c!.id, { delivered: false, error: 'x', next: null })
    expect(await f.store.webhooks.replayDead(sub)).toBe(1)
    expect(await f.store.webhooks.replayDead('wh_nope')).toBeNull()
  })

  it('rotation: the new secret signs first, the old one for 24 hours more; prune takes sent deliveries, erase and remove every one', async () => {
    f = await engine.fresh()
    const w = await f.store.webhooks.add({ url: 'https://a.example/hook' })
    expect(w.secret).toMatch(/^whsec_[\da-f]{64}$/)
    const now = new Date()
    const secret = await f.store.webhooks.rotate(w.id, undefined, now)
    expect(secret).toMatch(/^whsec_[\da-f]{64}$/)
    expect(await f.store.webhooks.rotate('wh_nope')).toBeNull()
    const v = randomUUID()
    await f.store.insert(record({ consentId: v }))
    expect((await f.store.webhooks.claim(1, 1000, now.getTime() + 1000))[0]!.secrets).toEqual([secret, w.secret])
    expect((await f.store.webhooks.claim(1, 1000, now.getTime() + 24 * 3_600_000 + 1))[0]!.secrets).toEqual([secret])
    // Retention: a delivery sent or dead before the cutoff goes; a pending one is still owed.
    const [d] = await f.store.webhooks.claim(1, 1000, now.getTime() + 48 * 3_600_000)
    await f.store.webhooks.settle(d!.id, { delivered: true })
    await f.store.insert(record({ consentId: v, gpc: true, updatedAt: at(5) }))
    await f.store.prune(0, new Date(Date.now() + 60_000))
    expect(await f.db.query('SELECT state FROM consentry_deliveries')).toEqual([{ state: 'pending' }])
    await f.store.erase(v)
    expect(await f.db.query('SELECT 1 FROM consentry_deliveries')).toEqual([])
    await f.store.insert(record())
    expect(await f.store.webhooks.remove(w.id)).toBe(true)
    expect(await f.store.webhooks.remove(w.id)).toBe(false)
    expect(await f.db.query('SELECT 1 FROM consentry_deliveries')).toEqual([])
  })
})
