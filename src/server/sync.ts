import { syncRecordProblem, type SyncRecord } from '../sync/record.js'

/** The answer to give a client for a posted record. */
export type SyncResult = { ok: true; record: SyncRecord } | { ok: false; status: 400 | 413 | 415; reason: string }

/** A record is a few hundred bytes; 16 KB leaves room for many services and still refuses abuse. */
export const SYNC_MAX_BYTES = 16384

/**
 * Validates a posted proof-of-consent record: the body as a string (or
 * already-parsed JSON) and its `Content-Type`. Never throws; a bad request
 * gets a 4xx status with a reason that names the problem. `text/plain` is
 * accepted because `navigator.sendBeacon` with a string sends it.
 * @example
 * const r = readSyncRecord(await req.text(), req.headers.get('content-type'))
 * if (!r.ok) return new Response(r.reason, { status: r.status })
 * await db.insertIgnoreDuplicate(r.record.id, r.record)
 */
export const readSyncRecord = (body: unknown, contentType?: string | null, maxBytes = SYNC_MAX_BYTES): SyncResult => {
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase()
  if (type != 'application/json' && type != 'text/plain') return { ok: false, status: 415, reason: 'expected application/json' }
  let data = body
  if (typeof body == 'string') {
    // Bytes, not UTF-16 units: what the limit protects is storage and bandwidth.
    if (new TextEncoder().encode(body).length > maxBytes) return { ok: false, status: 413, reason: `body over ${maxBytes} bytes` }
    try {
      data = JSON.parse(body)
    } catch {
      return { ok: false, status: 400, reason: 'body is not valid JSON' }
    }
  }
  const problem = syncRecordProblem(data)
  return problem ? { ok: false, status: 400, reason: problem } : { ok: true, record: data as SyncRecord }
}
