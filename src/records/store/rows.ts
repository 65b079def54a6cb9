/**
 * Between a record and a row: the columns every read selects, the parameters
 * an insert binds, and what PostgreSQL cannot keep exactly as sent.
 */
import { syncRecordProblem, type SyncRecord } from '../../sync/record.js'
import { recordsError } from '../errors.js'
import type { StoredRecord } from './types.js'

/** Times as ISO 8601 UTC text with milliseconds, as the browser writes them (Date#toISOString). */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

// Every value comes back as text, a number, a boolean or parsed JSON, the same on both engines:
// node-postgres would give Date objects for timestamps and strings for bigint.
export const COLUMNS = `id::text AS id, consent_id::text AS consent_id, v, ${iso('created_at')} AS created_at,
  ${iso('updated_at')} AS updated_at, ${iso('received_at')} AS received_at, method, mode, jurisdiction,
  revision::float8 AS revision, categories, services, opt_out, gpc, gpp, gpp_sid, usp, url`

export interface Row {
  id: string
  consent_id: string
  v: number
  created_at: string
  updated_at: string
  received_at: string
  method: SyncRecord['method']
  mode: SyncRecord['mode']
  jurisdiction: string
  revision: number
  categories: Record<string, boolean>
  services: Record<string, boolean>
  opt_out: SyncRecord['optOut']
  gpc: boolean
  gpp: string | null
  gpp_sid: number[] | null
  usp: string | null
  url: string
}

/** The record as it was posted (fields in the record's order; absent optional fields stay absent), and when it arrived. */
export const fromRow = (r: Row): StoredRecord => ({
  v: 1,
  id: r.id,
  consentId: r.consent_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  method: r.method,
  mode: r.mode,
  jurisdiction: r.jurisdiction,
  revision: r.revision,
  categories: r.categories,
  services: r.services,
  optOut: r.opt_out,
  gpc: r.gpc,
  ...(r.gpp != null ? { gpp: r.gpp } : {}),
  ...(r.gpp_sid != null ? { gppSid: r.gpp_sid } : {}),
  ...(r.usp != null ? { usp: r.usp } : {}),
  url: r.url,
  receivedAt: r.received_at,
})

// A lone UTF-16 surrogate: a driver would send it as U+FFFD, so the stored text would differ from the record.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * What readSyncRecord accepts but PostgreSQL would refuse or change: a date
 * that is not in the calendar (Date.parse rolls 2026-02-30 over to March 2;
 * PostgreSQL refuses it, as it refuses year 0), and a url with NUL (PostgreSQL
 * text cannot hold it) or a lone surrogate.
 */
const storageProblem = (r: SyncRecord): string | null => {
  for (const k of ['createdAt', 'updatedAt'] as const) {
    const t = new Date(r[k])
    if (t.getUTCFullYear() < 1 || t.toISOString().slice(0, 10) != r[k].slice(0, 10)) return `${k}: not a date in the calendar`
  }
  // The url is the only free text: ids, keys, region, GPP and USP strings are ASCII by readSyncRecord's rules.
  return r.url.includes('\0') || LONE_SURROGATE.test(r.url) ? 'url: NUL or a lone surrogate' : null
}

/** The insert's parameters, in the order of INSERT_COLUMNS; throws `invalid-record` for a record the store must not keep. */
export const toParams = (r: SyncRecord): unknown[] => {
  const problem = syncRecordProblem(r) ?? storageProblem(r)
  if (problem) throw recordsError('invalid-record', problem)
  return [
    r.id,
    r.consentId,
    r.v,
    r.createdAt,
    r.updatedAt,
    r.method,
    r.mode,
    r.jurisdiction,
    r.revision,
    JSON.stringify(r.categories),
    JSON.stringify(r.services),
    JSON.stringify(r.optOut),
    r.gpc,
    r.gpp ?? null,
    r.gppSid ? JSON.stringify(r.gppSid) : null,
    r.usp ?? null,
    r.url,
  ]
}

export const INSERT = `INSERT INTO consentry_records
  (id, consent_id, v, created_at, updated_at, method, mode, jurisdiction, revision, categories, services, opt_out, gpc, gpp, gpp_sid, usp, url)
  VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz, $5::timestamptz, $6, $7, $8, $9::bigint, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14, $15::jsonb, $16, $17)
  ON CONFLICT (id) DO NOTHING
  RETURNING 1 AS stored`
