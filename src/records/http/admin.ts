/**
 * The admin endpoints (the caller has passed the token check): one visitor's
 * proof of consent, its erasure, the export and the stats.
 */
import type { RecordStore, StatsBy } from '../store/types.js'
import { exportStream, type ExportFormat } from './export.js'
import { fail, json } from './respond.js'

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i
/** A date (`2026-01-31`, midnight UTC) or a date and time (`2026-01-31T12:00:00Z`, `…+02:00`). */
const DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d))?$/
const STATS_BY: StatsBy[] = ['day', 'region', 'method', 'revision']

type Range = { ok: true; from?: string; to?: string } | { ok: false; response: Response }

/** `from` and `to` as ISO 8601 UTC strings ([from, to)); a bad one is a 400 naming it. */
export const range = (url: URL): Range => {
  const out: { from?: string; to?: string } = {}
  for (const k of ['from', 'to'] as const) {
    const v = url.searchParams.get(k)
    if (v === null || v === '') continue
    const t = DATE.test(v) ? Date.parse(v) : NaN
    if (isNaN(t)) return { ok: false, response: fail(400, `${k}: expected a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got ${JSON.stringify(v.slice(0, 40))}`) }
    out[k] = new Date(t).toISOString()
  }
  if (out.from && out.to && out.from > out.to) return { ok: false, response: fail(400, 'from: later than to') }
  return { ok: true, ...out }
}

export interface AdminContext {
  store: () => Promise<RecordStore>
  onError: (e: unknown, where: string) => void
}

/** `GET` (history and the decision in force) or `DELETE` (erasure) of `/v1/consent/:consentId`. */
export const consentById = async (method: string, consentId: string, ctx: AdminContext): Promise<Response> => {
  if (!UUID.test(consentId)) return fail(400, 'consentId: expected a UUID')
  const store = await ctx.store()
  if (method == 'DELETE') return json(200, { consentId, erased: await store.erase(consentId) })
  return json(200, await store.history(consentId))
}

export const exportRecords = async (url: URL, ctx: AdminContext): Promise<Response> => {
  const format = (url.searchParams.get('format') || 'ndjson') as ExportFormat
  if (format != 'ndjson' && format != 'csv') return fail(400, 'format: expected ndjson or csv')
  const r = range(url)
  if (!r.ok) return r.response
  const store = await ctx.store()
  const day = new Date().toISOString().slice(0, 10)
  return new Response(
    exportStream(store.export({ from: r.from, to: r.to }), format, (e) => ctx.onError(e, 'GET /v1/export')),
    {
      status: 200,
      headers: {
        'content-type': format == 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="consent-records-${day}.${format}"`,
      },
    },
  )
}

export const stats = async (url: URL, ctx: AdminContext): Promise<Response> => {
  const by = (url.searchParams.get('by') || 'day') as StatsBy
  if (!STATS_BY.includes(by)) return fail(400, `by: expected ${STATS_BY.join(', ')}`)
  const r = range(url)
  if (!r.ok) return r.response
  const rows = await (await ctx.store()).stats({ from: r.from, to: r.to, by })
  return json(200, { by, from: r.from ?? null, to: r.to ?? null, rows })
}
