// @vitest-environment node
// The records store, one suite on both engines: PGlite in this process and a real PostgreSQL server (started by
// the suite from the system's packages; without PostgreSQL the suite fails, it does not skip).
import { createHash, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncRecord } from '../../sync/record.js'
import { importPeer } from './db.js'
import { exportRecords } from './export.js'
import { migrate, MIGRATIONS } from './migrations.js'
import { prune } from './prune.js'
import { insertRecord } from './records.js'
import { ENGINES, type Engine } from './testing.js'
import { openStore, type RecordStore, type StatsRow } from './index.js'

const ALL = { necessary: true, analytics: true, marketing: true }
const NONE = { necessary: true, analytics: false, marketing: false }
const SOME = { necessary: true, analytics: true, marketing: false }
const NO_OPT_OUT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
const OPTED_OUT = { sale: true, sharing: true, targetedAds: true, sensitive: false }

const record = (over: Partial<SyncRecord> = {}): SyncRecord => ({
  v: 1,
  id: randomUUID(),
  consentId: randomUUID(),
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'DE',
  revision: 1,
  categories: ALL,
  services: { posthog: true, meta: true },
  optOut: NO_OPT_OUT,
  gpc: false,
  url: 'https://shop.example/products',
  ...over,
})

const all = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

const ms = (iso: string) => Date.parse(iso)

describe.each(['pglite', 'postgres'] as const)('the records store on %s', (name) => {
  let engine: Engine
  beforeAll(async () => {
    engine = await ENGINES[name]()
  }, 300_000)
  afterAll(() => engine?.stop(), 60_000)

  it('runs each migration once, in a transaction: a re-open runs none and finds the records', async () => {
    const options = await engine.reopenable()
    const db = await engine.raw(options)
    const ids = MIGRATIONS.map((m) => m.id)
    expect(ids).toEqual(ids.map((_, i) => i + 1))
    expect(await migrate(db)).toEqual(ids)
    expect(await migrate(db)).toEqual([])
    // A later migration runs once; one that fails leaves nothing behind and is not recorded.
    const next = ids.length + 1
    const later = [...MIGRATIONS, { id: next, name: 'later', sql: 'CREATE TABLE later_a (x int); CREATE TABLE later_b (y int)' }]
    expect(await migrate(db, later)).toEqual([next])
    expect(await migrate(db, later)).toEqual([])
    const broken = [...later, { id: next + 1, name: 'broken', sql: 'CREATE TABLE broken_a (x int); SELECT 1 / 0' }]
    await expect(migrate(db, broken)).rejects.toThrow(/division by zero/)
    expect(await db.query(`SELECT to_regclass('broken_a') IS NULL AS gone`)).toEqual([{ gone: true }])
    expect(await db.query('SELECT id, name FROM consentry_migrations ORDER BY id')).toEqual(
      later.map(({ id, name }) => ({ id, name })),
    )
    await db.close()

    const r = record()
    const first = await openStore(options)
    expect(await first.insert(r)).toBe(true)
    await first.close()
    const again = await openStore(options)
    expect((await again.history(r.consentId)).records).toMatchObject([{ id: r.id }])
    await again.close()
    const check = await engine.raw(options)
    expect(await check.query('SELECT count(*)::int AS n FROM consentry_migrations')).toEqual([{ n: next }])
    await check.close()
  }, 180_000)

  it('two services migrating one database at once: one runs the migrations, the other waits and runs none', async () => {
    const { db } = await engine.fresh()
    await db.exec('DROP TABLE consentry_deliveries, consentry_webhooks, consentry_records, consentry_erasures, consentry_refused_categories, consentry_migrations')
    const other = name == 'postgres' ? await engine.raw({ engine: 'postgres', url: await dbUrl(db) }) : db
    const runs = await Promise.all([migrate(db), migrate(other)])
    const ids = MIGRATIONS.map((m) => m.id)
    expect(runs.sort((a, b) => a.length - b.length)).toEqual([[], ids])
    expect(await db.query('SELECT count(*)::int AS n FROM consentry_migrations')).toEqual([{ n: ids.length }])
  }, 60_000)

  it('stores a record exactly as posted, with the time it arrived; the same id again is not stored twice', async () => {
    const { store } = await engine.fresh()
    const before = Date.now()
    const r = record({ gpp: 'DBABMA~CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA', gppSid: [2, 7], usp: '1YNN', revision: 2 ** 31, mode: 'opt-out' })
    const plain = record({ consentId: r.consentId, updatedAt: '2026-03-02T10:00:00.000Z' })
    expect(await store.insert(r)).toBe(true)
    expect(await store.insert(plain)).toBe(true)
    expect(await store.insert(r)).toBe(false)
    // A different record under a stored id is a duplicate too: the first one stays.
    expect(await store.insert({ ...r, categories: NONE })).toBe(false)
    const { records } = await store.history(r.consentId)
    expect(records).toEqual([
      { ...r, receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
      { ...plain, receivedAt: expect.any(String) },
    ])
    // Absent optional fields stay absent (no gpp: null), and the field order is the record's.
    expect(Object.keys(records[1]!)).toEqual([...Object.keys(plain), 'receivedAt'])
    expect(ms(records[0]!.receivedAt)).toBeGreaterThanOrEqual(before - 2000)
    expect(ms(records[0]!.receivedAt)).toBeLessThanOrEqual(Date.now() + 2000)
  })

  it('a time without milliseconds or with fewer digits comes back in the browser’s own form', async () => {
    const { store } = await engine.fresh()
    const r = record({ createdAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00.5Z' })
    await store.insert(r)
    expect((await store.history(r.consentId)).inForce).toMatchObject({ createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.500Z' })
  })

  it('history: oldest first; the newest updatedAt is in force, and of two with the same updatedAt the later arrival', async () => {
    const { store } = await engine.fresh()
    const consentId = randomUUID()
    const at = (updatedAt: string, categories = ALL) => record({ consentId, updatedAt, createdAt: '2025-01-01T00:00:00.000Z', categories })
    const middle = at('2026-02-01T00:00:00.000Z', NONE)
    const oldest = at('2026-01-01T00:00:00.000Z')
    const tieFirst = at('2026-03-01T00:00:00.000Z', SOME)
    const tieLater = at('2026-03-01T00:00:00.000Z', ALL)
    // Arrival order is not decision order: the outbox may deliver an old record late.
    for (const r of [middle, oldest, tieFirst, tieLater]) await store.insert(r)
    const h = await store.history(consentId)
    expect(h.consentId).toBe(consentId)
    expect(h.records.map((r) => r.id)).toEqual([oldest.id, middle.id, tieFirst.id, tieLater.id])
    expect(h.inForce).toEqual(h.records[3])
    expect(h.inForce?.categories).toEqual(ALL)
    // A late-arriving older decision does not take over.
    await store.insert(at('2025-12-01T00:00:00.000Z', NONE))
    expect((await store.history(consentId)).inForce?.id).toBe(tieLater.id)
    // An upper-case id is the same UUID.
    expect((await store.history(consentId.toUpperCase())).records).toHaveLength(5)
  })

  it('of ties with the same receivedAt (one transaction; PGlite’s clock gives milliseconds), the later arrival is in force', async () => {
    const { store, db } = await engine.fresh()
    const consentId = randomUUID()
    const ties = Array.from({ length: 8 }, (_, i) =>
      record({ consentId, updatedAt: '2026-03-01T00:00:00.000Z', categories: i % 2 ? ALL : NONE }),
    )
    // Ids in descending order: an order that fell back to the id would put the last arrival first.
    const ids = ties.map((t) => t.id).sort().reverse()
    ties.forEach((t, i) => (t.id = ids[i]!))
    await db.transaction(async (tx) => {
      for (const t of ties) expect(await insertRecord(tx, t)).toBe(true)
    })
    const h = await store.history(consentId)
    expect(new Set(h.records.map((r) => r.receivedAt)).size).toBe(1)
    expect(h.records.map((r) => r.id)).toEqual(ties.map((t) => t.id))
    expect(h.inForce?.id).toBe(ties[7]!.id)
    expect(await store.history(randomUUID())).toMatchObject({ records: [], inForce: null })
  })

  it('erase deletes every record of the visitor and logs the erasure with a hash of the id, never the data', async () => {
    const { store, db } = await engine.fresh()
    const a = randomUUID()
    const b = randomUUID()
    await store.insert(record({ consentId: a }))
    await store.insert(record({ consentId: a, updatedAt: '2026-03-02T00:00:00.000Z' }))
    await store.insert(record({ consentId: b }))
    expect(await store.erase(a.toUpperCase())).toBe(2)
    expect(await store.history(a)).toMatchObject({ records: [], inForce: null })
    expect((await store.history(b)).records).toHaveLength(1)
    expect(await store.erase(a)).toBe(0)
    const log = await db.query<{ consent_id_sha256: string; records: number; erased_at: Date | string }>(
      'SELECT consent_id_sha256, records, erased_at FROM consentry_erasures ORDER BY id',
    )
    const hash = createHash('sha256').update(a).digest('hex')
    expect(log.map(({ consent_id_sha256, records }) => ({ consent_id_sha256, records }))).toEqual([
      { consent_id_sha256: hash, records: 2 },
      { consent_id_sha256: hash, records: 0 },
    ])
    expect(JSON.stringify(log)).not.toContain(a)
  })

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

  it('hostile values are data: SQL in a URL, category keys and ids stays text, and a bad id finds nothing', async () => {
    const { store, db } = await engine.fresh()
    const sqlish = record({
      url: "https://shop.example/');DROP/**/TABLE/**/consentry_records;--/\"%$1\\x/ünï😀",
      categories: { necessary: true, 'DROP--table': true, x_1: false },
      services: { 'OR-1-1': true },
      gpp: "DROP.TABLE~x_--",
    })
    expect(await store.insert(sqlish)).toBe(true)
    expect((await store.history(sqlish.consentId)).inForce).toEqual({ ...sqlish, receivedAt: expect.any(String) })
    for (const id of ["'; DROP TABLE consentry_records; --", '', '00000000-0000-0000-0000-00000000000g', '$1', 'null']) {
      expect(await store.history(id)).toEqual({ consentId: id, records: [], inForce: null })
      expect(await store.erase(id)).toBe(0)
    }
    expect(await db.query('SELECT count(*)::int AS n FROM consentry_records')).toEqual([{ n: 1 }])
    expect(await db.query('SELECT count(*)::int AS n FROM consentry_erasures')).toEqual([{ n: 0 }])
  })

  it('a record readSyncRecord refuses, or one PostgreSQL could not keep as sent, is refused whole', async () => {
    const { store, db } = await engine.fresh()
    const bad: unknown[] = [
      null,
      'x',
      { ...record(), extra: 1 },
      { ...record(), id: "1' OR '1'='1" },
      record({ url: 'https://shop.example/\u0000' }),
      record({ url: 'https://shop.example/\ud800' }),
      record({ createdAt: '2026-02-28T00:00:00Z', updatedAt: '2026-02-30T00:00:00Z' }),
      record({ createdAt: '0000-01-01T00:00:00Z' }),
      record({ updatedAt: '2026-03-01T24:00:00Z' }),
    ]
    for (const r of bad) await expect(store.insert(r as SyncRecord), JSON.stringify(r)).rejects.toMatchObject({ name: 'ConsentryError', code: 'invalid-record' })
    expect(await db.query('SELECT count(*)::int AS n FROM consentry_records')).toEqual([{ n: 0 }])
  })

  it('the same record posted many times at once is stored once; different ones at once are all stored', async () => {
    const { store, db } = await engine.fresh()
    const r = record()
    const results = await Promise.all(Array.from({ length: 25 }, () => store.insert({ ...r })))
    expect(results.filter(Boolean)).toHaveLength(1)
    const many = Array.from({ length: 40 }, () => record({ consentId: r.consentId }))
    expect(await Promise.all(many.map((x) => store.insert(x)))).toEqual(many.map(() => true))
    expect(await db.query('SELECT count(*)::int AS n FROM consentry_records')).toEqual([{ n: 41 }])
  })

  it('nothing partial: a transaction that fails after the insert leaves no record behind', async () => {
    const { store, db } = await engine.fresh()
    const r = record({ categories: { necessary: true, brandNew: false } })
    await expect(
      db.transaction(async (tx) => {
        expect(await insertRecord(tx, r)).toBe(true)
        throw new Error('the next step failed')
      }),
    ).rejects.toThrow('the next step failed')
    expect((await store.history(r.consentId)).records).toEqual([])
    expect(await db.query(`SELECT count(*)::int AS n FROM consentry_refused_categories WHERE category = 'brandNew'`)).toEqual([{ n: 0 }])
    expect(await store.insert(r)).toBe(true)
  })

  it('ping answers; close can be called twice', async () => {
    const options = await engine.reopenable()
    const store = await openStore(options)
    await expect(store.ping()).resolves.toBeUndefined()
    await store.close()
    await store.close()
  }, 120_000)
})

describe('an engine package that is not installed', () => {
  const notFound = (name: string, code = 'ERR_MODULE_NOT_FOUND') => Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/x.mjs`), { code })

  it('is the missing-package error naming the install command, from ESM or CJS', async () => {
    for (const code of ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'])
      await expect(importPeer('pg', () => Promise.reject(notFound('pg', code)))).rejects.toMatchObject({
        name: 'ConsentryError',
        code: 'missing-package',
        message: expect.stringContaining('run `npm install pg`'),
      })
  })

  it('a package missing inside an installed engine (a broken install) is reported as it is', async () => {
    const inner = notFound('pg-types')
    await expect(importPeer('pg', () => Promise.reject(inner))).rejects.toBe(inner)
  })
})

describe('openStore', () => {
  it('refuses options that name no engine it knows, before loading anything', async () => {
    for (const o of [null, { engine: 'mysql' }, { engine: 'postgres' }, { engine: 'postgres', url: 'postgres://x', poolSize: 0 }, { dataDir: 5 }])
      await expect(openStore(o as never)).rejects.toMatchObject({ name: 'ConsentryError', code: 'invalid-config' })
  })
})

/** The URL of the PostgreSQL database `db` is connected to (the test server trusts every local user). */
const dbUrl = async (db: { query<T>(t: string): Promise<T[]> }) => {
  const [row] = await db.query<{ d: string; p: number }>(`SELECT current_database() AS d, inet_server_port() AS p`)
  return `postgres://postgres@127.0.0.1:${row!.p}/${row!.d}`
}
