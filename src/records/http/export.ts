/**
 * `GET /v1/export`: the store's records as a streamed body, NDJSON (one JSON
 * record a line) or CSV (RFC 4180: a header row, CRLF line ends, a field in
 * double quotes when it holds a comma, a quote or a line break, quotes
 * doubled). The stream pulls from the store only as fast as the client reads,
 * so memory stays flat however many records there are.
 */
import type { StoredRecord } from '../store/types.js'

export type ExportFormat = 'ndjson' | 'csv'

/** CSV columns, in order; the jsonb ones (categories, services, optOut, gppSid) are written as JSON text. */
export const CSV_COLUMNS = [
  'id', 'consentId', 'createdAt', 'updatedAt', 'receivedAt', 'method', 'mode', 'jurisdiction', 'revision',
  'categories', 'services', 'optOut', 'gpc', 'gpp', 'gppSid', 'usp', 'url',
] as const

/** One CSV field. Every value was checked by readSyncRecord before it was stored, so none starts with = + or @ (no spreadsheet formula). */
export const csvField = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : typeof v == 'object' ? JSON.stringify(v) : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const csvRow = (r: StoredRecord): string => CSV_COLUMNS.map((c) => csvField(r[c])).join(',') + '\r\n'
const ndjsonRow = (r: StoredRecord): string => JSON.stringify(r) + '\n'

/** Rows are sent in chunks of about this many bytes: fewer, larger writes than one a record. */
const CHUNK = 64 * 1024

/** The streamed body. `onError` hears a store failure mid-stream; the client then sees the body cut short. */
export const exportStream = (records: AsyncIterable<StoredRecord>, format: ExportFormat, onError: (e: unknown) => void): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder()
  const row = format == 'csv' ? csvRow : ndjsonRow
  let it: AsyncIterator<StoredRecord> | undefined
  let cancelled = false
  let header = format == 'csv' ? CSV_COLUMNS.join(',') + '\r\n' : ''
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        it ??= records[Symbol.asyncIterator]()
        let text = header
        header = ''
        try {
          while (text.length < CHUNK) {
            const next = await it.next()
            // The client went away while the store was answering: nothing more to send.
            if (cancelled) return
            if (next.done) {
              if (text) controller.enqueue(encoder.encode(text))
              return controller.close()
            }
            text += row(next.value)
          }
        } catch (e) {
          if (cancelled) return
          onError(e)
          return controller.error(e)
        }
        controller.enqueue(encoder.encode(text))
      },
      async cancel() {
        cancelled = true
        // Let the store release its cursor.
        await it?.return?.().catch(() => {})
      },
    },
    // 0: nothing is pulled (no query runs) until the client reads.
    { highWaterMark: 0 },
  )
}
