// @vitest-environment node
// The records store, one suite on both engines: PGlite in this process and a real PostgreSQL server (started by
// the suite from the system's packages; without PostgreSQL the suite fails, it does not skip).
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SyncRecord } from '../../sync/record.js'
import { exportRecords } from './export.js'
import { prune } from './prune.js'
import { all, ALL, ms, NONE, OPTED_OUT, record, SOME, useEngine } from './testing.js'
import type { RecordStore, StatsRow } from './index.js'

describe.each(['pglite', 'postgres'] as const)('the records store on %s', (name) => {
  const engine = useEngine(name)

  it('export streams the records of [from, to) oldest first, in pages, past the page size', async () => {
    const { store, db } = await engine.fresh()
    // 2,345 records in range, 1,500 of them at one instant so a page boundary falls inside a tie (broken by id).
    const inRange: SyncRecord[] = []
    for (let i = 0; i < 2345; i++) {
      const t = i < 1500 ? '2026-03-01T12:00:00.000Z' : new Date(Date.UTC(2026, 2, 2) + i * 1000).toISOString()
      inRange.push(record({ createdAt: t, updatedAt: t }))
    }
    const outside = [record({ updatedAt: '2026-02-28T23:59:59.999Z', createdAt: '2026-02-28T23:59:59.999Z' }), record({ updatedAt: '2026-04-01T00:00:00.000Z' })]
    for (let i = 0; i < inRange.length; i += 100) await Promise.all(inRange.slice(i, i + 100).map((r) => store.insert(r)))
    for (const r of outside) await store.insert(r)

    const out = await all(store.export({ from: '2026-03-01', to: '2026-04-01' }))
    expect(out).toHaveLength(2345)
    expect(new Set(out.map((r) => r.id))).toEqual(new Set(inRange.map((r) => r.id)))
    for (let i = 1; i < out.length; i++) {
      const [p, c] = [out[i - 1]!, out[i]!]
      expect(ms(p.updatedAt) < ms(c.updatedAt) || (p.updatedAt == c.updatedAt && p.id < c.id), `${i}`).toBe(true)
    }
    expect(await all(store.export({}))).toHaveLength(2347)

    // Pages: one query per 1,000 records (and one that comes back short), whatever the total.
    const queries: unknown[][] = []
    const counting = { ...db, query: <T>(text: string, params?: unknown[]) => (queries.push(params ?? []), db.query<T>(text, params)) }
    expect(await all(exportRecords(counting, { from: '2026-03-01', to: '2026-04-01' }))).toHaveLength(2345)
    expect(queries.map((p) => p[2])).toEqual([1000, 1000, 1000])
    queries.length = 0
    expect(await all(exportRecords(counting, { from: '2026-03-01T12:00:00Z', to: '2026-03-01T12:00:00.001Z' }, 700))).toHaveLength(1500)
    expect(queries).toHaveLength(3)

    // Each page is a range of the (updated_at, id) index, in its order: no sort, or a million records take hours.
    const texts: [string, unknown[]][] = []
    const seeing = { ...db, query: <T>(text: string, params?: unknown[]) => (texts.push([text, params ?? []]), db.query<T>(text, params)) }
    await all(exportRecords(seeing, { from: '2026-03-01', to: '2026-04-01' }))
    for (const [text, params] of texts.slice(0, 2)) {
      const plan = await db.transaction(async (tx) => {
        // A few thousand rows are cheaper to scan and sort, so the planner is told to avoid both: where the
        // index cannot give the order (ORDER BY reading COLUMNS' text aliases did), the sort stays anyway.
        for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await tx.query(`SET LOCAL ${off} = off`)
        return (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params)).map((r) => r['QUERY PLAN']).join('\n')
      })
      expect(plan).toMatch(/Index (Only )?Scan using consentry_records_updated/)
      expect(plan).not.toMatch(/Sort/)
    }
  }, 180_000)

  it('export and stats refuse a range that is not a date, at once (before anything streams)', async () => {
    const { store } = await engine.fresh()
    for (const from of ['yesterday', '2026-02-30', '0000-01-01', "2026-01-01'; DROP TABLE consentry_records; --"]) {
      let thrown: unknown
      try {
        store.export({ from })
      } catch (e) {
        thrown = e
      }
      expect(thrown, from).toMatchObject({ name: 'ConsentryError', code: 'invalid-query' })
      await expect(store.stats({ from, by: 'day' })).rejects.toMatchObject({ code: 'invalid-query' })
    }
    await expect(store.stats({ by: 'week' as 'day' })).rejects.toMatchObject({ code: 'invalid-query', message: expect.stringContaining('day | region | method | revision') })
    expect(await store.stats({ by: 'day' })).toEqual([])
  })

  describe('stats, checked by hand', () => {
    let store: RecordStore
    beforeAll(async () => {
      store = (await engine.fresh()).store
      const day1 = '2026-03-01T09:00:00.000Z'
      const day2 = '2026-03-02T23:59:59.999Z'
      for (const r of [
        // 1 March: accept all (DE, banner), reject all (DE, banner: rejectAll() also opts out of sale and sharing),
        // custom (US-CA, preferences).
        record({ updatedAt: day1, jurisdiction: 'DE', method: 'banner', revision: 1, categories: ALL }),
        record({ updatedAt: day1, jurisdiction: 'DE', method: 'banner', revision: 1, categories: NONE, optOut: OPTED_OUT }),
        record({ updatedAt: day1, jurisdiction: 'US-CA', method: 'preferences', revision: 2, categories: SOME }),
        // 2 March: "Do Not Sell or Share" (US-CA, banner), decided by GPC (US-CA, gpc), and a custom choice whose
        // opt-out comes from the browser's GPC, not from the visitor (unknown region, api).
        record({ updatedAt: day2, jurisdiction: 'US-CA', method: 'banner', revision: 2, categories: SOME, optOut: OPTED_OUT }),
        record({ updatedAt: day2, jurisdiction: 'US-CA', method: 'gpc', revision: 2, categories: SOME, optOut: OPTED_OUT, gpc: true }),
        record({ updatedAt: day2, jurisdiction: '', method: 'api', revision: 10, categories: SOME, optOut: OPTED_OUT, gpc: true }),
        // Outside [1 March, 3 March): not counted.
        record({ updatedAt: '2026-02-28T23:59:59.999Z', createdAt: '2026-02-28T00:00:00.000Z', categories: ALL }),
        record({ updatedAt: '2026-03-03T00:00:00.000Z', categories: NONE }),
      ])
        expect(await store.insert(r)).toBe(true)
    }, 60_000)
    const q = { from: '2026-03-01', to: '2026-03-03' }
    const row = (key: string, records: number, outcomes: Partial<StatsRow['outcomes']>, consentRate: StatsRow['consentRate'], gpcShare: number): StatsRow => ({
      key,
      records,
      outcomes: { acceptAll: 0, rejectAll: 0, custom: 0, optOut: 0, gpc: 0, ...outcomes },
      consentRate,
      gpcShare,
    })

    it('by day (UTC)', async () => {
      expect(await store.stats({ ...q, by: 'day' })).toEqual([
        row('2026-03-01', 3, { acceptAll: 1, rejectAll: 1, custom: 1 }, { necessary: 1, analytics: 2 / 3, marketing: 1 / 3 }, 0),
        row('2026-03-02', 3, { optOut: 1, gpc: 1, custom: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 2 / 3),
      ])
    })

    it('by region ("" = unknown)', async () => {
      expect(await store.stats({ ...q, by: 'region' })).toEqual([
        row('', 1, { custom: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 1),
        row('DE', 2, { acceptAll: 1, rejectAll: 1 }, { necessary: 1, analytics: 0.5, marketing: 0.5 }, 0),
        row('US-CA', 3, { custom: 1, optOut: 1, gpc: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 1 / 3),
      ])
    })

    it('by method', async () => {
      expect(await store.stats({ ...q, by: 'method' })).toEqual([
        row('api', 1, { custom: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 1),
        row('banner', 3, { acceptAll: 1, rejectAll: 1, optOut: 1 }, { necessary: 1, analytics: 2 / 3, marketing: 1 / 3 }, 0),
        row('gpc', 1, { gpc: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 1),
        row('preferences', 1, { custom: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 0),
      ])
    })

    it('by revision, in numeric order (2 before 10)', async () => {
      expect(await store.stats({ ...q, by: 'revision' })).toEqual([
        row('1', 2, { acceptAll: 1, rejectAll: 1 }, { necessary: 1, analytics: 0.5, marketing: 0.5 }, 0),
        row('2', 3, { custom: 1, optOut: 1, gpc: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 1 / 3),
        row('10', 1, { custom: 1 }, { necessary: 1, analytics: 1, marketing: 0 }, 1),
      ])
    })

    it('every record has exactly one outcome, over any range', async () => {
      for (const range of [{}, q, { from: '2026-03-02' }]) {
        const rows = await store.stats({ ...range, by: 'day' })
        for (const r of rows) expect(Object.values(r.outcomes).reduce((a, b) => a + b)).toBe(r.records)
      }
      expect((await store.stats({ by: 'day' })).map((r) => r.records)).toEqual([1, 3, 3, 1])
    })
  })

  it('a category counts as necessary until some record refuses it; then a choice of it alone is custom, not reject all', async () => {
    const { store } = await engine.fresh()
    const q = { from: '2026-05-01', to: '2026-05-02', by: 'day' } as const
    await store.insert(record({ updatedAt: '2026-05-01T00:00:00.000Z', categories: { necessary: true, analytics: true, videos: false } }))
    // Nothing yet tells analytics from a necessary category: granted with the necessary one alone, it reads as reject all.
    expect((await store.stats(q))[0]?.outcomes).toMatchObject({ rejectAll: 1, custom: 0 })
    // One visitor, any day, refuses analytics.
    await store.insert(record({ updatedAt: '2026-05-09T00:00:00.000Z', categories: { necessary: true, analytics: false, videos: false } }))
    expect((await store.stats(q))[0]?.outcomes).toMatchObject({ rejectAll: 0, custom: 1 })
  })

  it('prune deletes records older than N months except each visitor’s record in force, in batches', async () => {
    const { store, db } = await engine.fresh()
    const now = new Date('2026-06-01T00:00:00.000Z') // 12 months: older than 2025-06-01
    const seq = async (consentId: string, ...times: string[]) => {
      const rs = times.map((t) => record({ consentId, createdAt: times[0], updatedAt: t }))
      for (const r of rs) await store.insert(r)
      return rs
    }
    const a = await seq(randomUUID(), '2024-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') // 2 old, superseded
    const b = await seq(randomUUID(), '2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z') // the old in-force one stays
    const c = await seq(randomUUID(), '2023-01-01T00:00:00.000Z') // alone: in force
    const d = await seq(randomUUID(), '2025-07-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z') // recent
    const e = await seq(randomUUID(), '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z') // a tie: the later arrival is in force
    const edge = await seq(randomUUID(), '2025-05-31T23:59:59.999Z', '2025-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') // the cutoff itself is kept

    expect(await prune(db, 12, now, 3)).toBe(5)
    const left = async (rs: SyncRecord[]) => (await store.history(rs[0]!.consentId)).records.map((r) => r.id)
    expect(await left(a)).toEqual([a[2]!.id])
    expect(await left(b)).toEqual([b[1]!.id])
    expect(await left(c)).toEqual([c[0]!.id])
    expect(await left(d)).toEqual(d.map((r) => r.id))
    expect(await left(e)).toEqual([e[1]!.id])
    expect(await left(edge)).toEqual([edge[1]!.id, edge[2]!.id])
    // Nothing more to do; and every in-force record is still the same one.
    expect(await store.prune(12, now)).toBe(0)
    expect(await store.prune(0, now)).toBe(2) // d's first and edge's second: everything but the decisions in force
    await expect(store.prune(-1, now)).rejects.toMatchObject({ code: 'invalid-query' })
    await expect(store.prune(1.5, now)).rejects.toMatchObject({ code: 'invalid-query' })
  })
})
