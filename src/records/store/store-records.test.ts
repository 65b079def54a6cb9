// @vitest-environment node
// The records store, one suite on both engines: PGlite in this process and a real PostgreSQL server (started by
// the suite from the system's packages; without PostgreSQL the suite fails, it does not skip).
import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { insertRecord } from './records.js'
import type { SyncRecord } from '../../sync/record.js'
import { ALL, ms, NONE, record, SOME, useEngine } from './testing.js'

describe.each(['pglite', 'postgres'] as const)('the records store on %s', (name) => {
  const engine = useEngine(name)

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
})
