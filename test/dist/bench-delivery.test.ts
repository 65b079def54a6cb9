// The delivery benchmark's own parts (bench/records/delivery.mjs, report.mjs): its receiver counts what a
// user's receiver would accept, once per delivery id and subscription, and refuses what verifyWebhook refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { secretOf, startReceiver, type Receiver } from '../../bench/records/delivery.mjs'
import { renderDelivery } from '../../bench/records/report.mjs'

const { signWebhook } = await import('consentry/server')

const consentId = '22222222-2222-4222-8222-222222222222'
const eventOf = (id: string, recordId: string) =>
  JSON.stringify({
    id, type: 'consent.changed', createdAt: '2026-05-01T12:00:00.000Z', consentId,
    record: {
      v: 1, id: recordId, consentId, createdAt: '2026-05-01T12:00:00.000Z', updatedAt: '2026-05-01T12:00:00.000Z', method: 'banner', mode: 'opt-in',
      jurisdiction: 'DE', revision: 3, categories: { necessary: true }, services: {}, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
      gpc: false, url: 'https://www.example.com/pricing',
    },
  })

describe('the delivery benchmark’s receiver', () => {
  let receiver: Receiver
  beforeAll(async () => {
    receiver = await startReceiver()
  })
  afterAll(() => receiver.close())
  const send = async (path: string, body: string, secret: string) =>
    (await fetch(receiver.base + path, { method: 'POST', body, headers: { 'consentry-signature': await signWebhook(body, secret) } })).status

  it('keeps the first arrival per subscription and delivery id, counts a repeat, refuses a wrong secret or path', async () => {
    const body = eventOf('dlv_1', '11111111-1111-4111-8111-111111111111')
    expect(await send('/hook/0', body, secretOf(0))).toBe(204)
    expect(await send('/hook/1', body, secretOf(1))).toBe(204)
    expect(await send('/hook/0', body, secretOf(0))).toBe(204)
    expect(await send('/hook/1', body, secretOf(0))).toBe(400)
    expect(await send('/elsewhere', body, secretOf(0))).toBe(400)
    expect([...receiver.arrivals.keys()]).toEqual(['0 dlv_1', '1 dlv_1'])
    expect(receiver.arrivals.get('0 dlv_1')?.recordId).toBe('11111111-1111-4111-8111-111111111111')
    expect(receiver.counts).toEqual({ duplicates: 1, refused: 2 })
    expect(receiver.reasons).toEqual({ 'no-valid-signature': 1, 'unknown path': 1 })
    expect(receiver.lastArrival()).toBe(receiver.arrivals.get('1 dlv_1')?.at)
    receiver.reset()
    expect([receiver.arrivals.size, receiver.counts, receiver.reasons, receiver.lastArrival()]).toEqual([0, { duplicates: 0, refused: 0 }, {}, 0])
  })
})

describe('the delivery table', () => {
  it('shows every figure of a row, and post errors beside the records', () => {
    const row = { engine: 'pglite', rate: 50, subscriptions: 10, records: 998, acceptedPerSecond: 48, postErrors: { ECONNRESET: 2 }, expected: 9980, received: 9980, perSecond: 312, p50: 41.5, p99: 880.2, max: 1204, drainSeconds: 11.9, duplicates: 0, refused: 0 }
    expect(renderDelivery([row]).at(-1)).toBe('| pglite | 50/s | 10 | 998 (48/s) (2 × ECONNRESET) | 9980 / 9980 | 312 | 41.5 ms | 880.2 ms | 1204 ms | 11.9 s | 0 | 0 |')
  })
})

describe('a short delivery run, as npm run bench:records makes it', () => {
  it('on PGlite, two subscriptions: every delivery arrives once, verified, with its lag measured', async () => {
    const { delivery } = await import('../../bench/records/delivery.mjs')
    const row = await delivery({ engine: 'pglite', subscriptions: 2, rate: 10, seconds: 1, stallSeconds: 20, say: () => {} })
    expect(row, JSON.stringify(row)).toMatchObject({ engine: 'pglite', subscriptions: 2, records: 10, postErrors: {}, expected: 20, received: 20, missing: 0, duplicates: 0, refused: 0 })
    const said = JSON.stringify(row)
    expect(row.p50, said).toEqual(expect.any(Number))
    expect(row.max!, said).toBeGreaterThanOrEqual(Math.floor(row.p99!)) // max is rounded to whole ms, p99 to tenths
    expect(row.perSecond!, said).toBeGreaterThan(0)
  }, 180_000)
})
