// @vitest-environment node
/** The export and the stats, as an admin downloads and reads them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRecordsService, type RecordsService } from '../index.js'
import type { RecordStore, StoredRecord } from '../store/types.js'
import { CSV_COLUMNS, exportStream } from './export.js'
import { ENGINES, record, TOKEN, uuid, stopEngines } from './testing.js'

const BASE = 'http://records.test'

/** RFC 4180, enough to read back what the export writes: quoted fields, doubled quotes, CRLF. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c == '"' && text[i + 1] == '"') (field += '"'), i++
      else if (c == '"') quoted = false
      else field += c
    } else if (c == '"') quoted = true
    else if (c == ',') row.push(field), (field = '')
    else if (c == '\r' && text[i + 1] == '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++
    else field += c
  }
  return rows
}


afterAll(stopEngines, 60_000)
describe.each(ENGINES)('admin data on %s', (_, open) => {
  let store: RecordStore
  let service: RecordsService
  const get = (path: string) => service.fetch(new Request(BASE + path, { headers: { authorization: `Bearer ${TOKEN}` } }))
  // Five decisions in January 2027, one a day; the third on a page whose path holds a comma and quotes.
  const january = Array.from({ length: 5 }, (_, i) =>
    record({
      updatedAt: `2027-01-0${i + 1}T12:00:00.000Z`,
      createdAt: '2027-01-01T00:00:00.000Z',
      method: i % 2 ? 'preferences' : 'banner',
      categories: { necessary: true, analytics: i > 1, marketing: i > 3 },
      ...(i == 2 ? { url: 'https://example.com/a,"b"/c', gpp: 'DBABLA~CVQqAAAAAACA.QA', gppSid: [7], usp: '1YNN' } : {}),
    }),
  )

  beforeAll(async () => {
    store = await open()
    service = createRecordsService({ store, adminToken: TOKEN, prune: false })
    // Stored out of order: the export sorts.
    for (const r of [...january].reverse()) await store.insert(r)
  }, 120_000)
  afterAll(async () => {
    await service.close()
    await store.close()
  })

  describe('GET /v1/export', () => {
    it('streams NDJSON, oldest first, in [from, to)', async () => {
      const res = await get('/v1/export?from=2027-01-02&to=2027-01-05')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="consent-records-\d{4}-\d\d-\d\d\.ndjson"$/)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.body).toBeInstanceOf(ReadableStream)
      const lines = (await res.text()).split('\n')
      expect(lines.pop()).toBe('')
      const rows = lines.map((l) => JSON.parse(l) as StoredRecord)
      expect(rows.map((r) => r.id)).toEqual(january.slice(1, 4).map((r) => r.id))
      expect(rows[1]).toMatchObject(january[2]!)
      expect(Date.parse(rows[1]!.receivedAt)).not.toBeNaN()
    })

    it('writes CSV with a header row, RFC 4180 quoting and the jsonb columns as JSON text', async () => {
      const res = await get('/v1/export?format=csv&from=2027-01-01&to=2027-02-01')
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
      const text = await res.text()
      expect(text.endsWith('\r\n')).toBe(true)
      const [header, ...rows] = parseCsv(text)
      expect(header).toEqual([...CSV_COLUMNS])
      expect(rows).toHaveLength(5)
      const third = Object.fromEntries(header!.map((k, i) => [k, rows[2]![i]]))
      const r = january[2]!
      expect(third).toMatchObject({ id: r.id, consentId: r.consentId, url: 'https://example.com/a,"b"/c', method: 'banner', revision: '3', gpc: 'false', gpp: r.gpp, usp: '1YNN' })
      expect(JSON.parse(third.categories!)).toEqual(r.categories)
      expect(JSON.parse(third.optOut!)).toEqual(r.optOut)
      expect(JSON.parse(third.gppSid!)).toEqual([7])
      expect(text).toContain('"https://example.com/a,""b""/c"')
      // A record without the optional fields leaves their cells empty.
      expect(Object.fromEntries(header!.map((k, i) => [k, rows[0]![i]]))).toMatchObject({ gpp: '', gppSid: '', usp: '' })
    })

    it.each([
      ['?format=xml', 'format: expected ndjson or csv'],
      ['?from=yesterday', 'from: expected a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "yesterday"'],
      ['?to=2027-13-45', 'to: expected a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got "2027-13-45"'],
      ['?from=2027-02-01&to=2027-01-01', 'from: later than to'],
    ])('refuses %s with 400', async (q, error) => {
      const res = await get('/v1/export' + q)
      expect([res.status, await res.json()]).toEqual([400, { error }])
    })

    it('an empty range is an empty body, and a HEAD runs no query', async () => {
      expect(await (await get('/v1/export?from=1999-01-01&to=1999-01-02')).text()).toBe('')
      const head = await service.fetch(new Request(`${BASE}/v1/export`, { method: 'HEAD', headers: { authorization: `Bearer ${TOKEN}` } }))
      expect([head.status, head.body]).toEqual([200, null])
    })
  })

  describe('GET /v1/stats', () => {
    it('gives the store\'s rows for the range and bucket as JSON', async () => {
      for (const by of ['day', 'method', 'region', 'revision'] as const) {
        const res = await get(`/v1/stats?by=${by}&from=2027-01-01&to=2027-02-01`)
        expect(res.status).toBe(200)
        const body = await res.json()
        expect(body).toEqual({ by, from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z', rows: await store.stats({ by, from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' }) })
      }
      const { rows } = await (await get('/v1/stats?by=method&from=2027-01-01&to=2027-02-01')).json()
      expect(rows.map((r: { key: string; records: number }) => [r.key, r.records])).toEqual([
        ['banner', 3],
        ['preferences', 2],
      ])
      expect((await (await get('/v1/stats?from=2027-01-01&to=2027-02-01')).json()).by).toBe('day')
    })

    it('refuses an unknown bucket or a bad date with 400', async () => {
      expect(await (await get('/v1/stats?by=browser')).json()).toEqual({ error: 'by: expected day, region, method, revision' })
      expect((await get('/v1/stats?from=2027-01-01T25:00:00Z')).status).toBe(400)
    })
  })
})

describe('the export stream', () => {
  it('pulls from the store only as fast as the client reads, and releases it when the client goes away', async () => {
    let yielded = 0
    let released = false
    async function* endless(): AsyncGenerator<StoredRecord> {
      try {
        for (;;) {
          yielded++
          yield { ...record({ id: uuid() }), receivedAt: '2027-01-01T00:00:00.000Z' }
        }
      } finally {
        released = true
      }
    }
    const reader = exportStream(endless(), 'ndjson', () => {}).getReader()
    expect(yielded).toBe(0)
    const first = await reader.read()
    // About 64 KB of rows, then it waits for the reader.
    expect(first.value!.byteLength).toBeGreaterThan(60_000)
    const afterOne = yielded
    await new Promise((ok) => setTimeout(ok, 50))
    expect(yielded).toBe(afterOne)
    expect(afterOne).toBeLessThan(400)
    await reader.cancel()
    expect(released).toBe(true)
  })

  it('reports a store failure mid-way and errors the stream (the client sees a cut body, not a complete one)', async () => {
    async function* failing(): AsyncGenerator<StoredRecord> {
      yield { ...record(), receivedAt: '2027-01-01T00:00:00.000Z' }
      throw new Error('connection lost')
    }
    const errors: unknown[] = []
    const reader = exportStream(failing(), 'csv', (e) => errors.push(e)).getReader()
    await expect(reader.read()).rejects.toThrow('connection lost')
    expect(errors).toHaveLength(1)
  })
})
