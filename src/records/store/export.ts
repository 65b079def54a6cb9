/**
 * Export: every record with updatedAt in [from, to), oldest first, read in
 * pages by keyset — each page starts after the last (updated_at, id) seen —
 * so memory holds one page whatever the table's size, the index on
 * (updated_at, id) finds each page's start, and no cursor has to outlive a
 * query (PGlite has no cursor across calls; a pool hands out any connection).
 */
import type { Sql } from './db.js'
import { range } from './range.js'
import { COLUMNS, fromRow, type Row } from './rows.js'
import type { StoredRecord } from './types.js'

/** Records read per query. */
export const EXPORT_PAGE = 1000

const WHERE = 'updated_at >= $1::timestamptz AND updated_at < $2::timestamptz'
// The table's columns, by name: bare, ORDER BY would take COLUMNS' text aliases (updated_at AS the ISO
// string, id AS its text), which no index serves: every page then sorted the whole range (a 1,000,000-record
// export on PostgreSQL: 1.4 s a page, parallel sequential scans, hours in all).
const ORDER = 'consentry_records.updated_at, consentry_records.id'
const FIRST = `SELECT ${COLUMNS} FROM consentry_records WHERE ${WHERE} ORDER BY ${ORDER} LIMIT $3`
// A row comparison: PostgreSQL reads it as one range of the (updated_at, id) index.
const NEXT = `SELECT ${COLUMNS} FROM consentry_records WHERE ${WHERE} AND (updated_at, id) > ($4::timestamptz, $5::uuid) ORDER BY ${ORDER} LIMIT $3`

async function* pages(db: Sql, from: string, to: string, page: number): AsyncGenerator<StoredRecord> {
  let last: Row | undefined
  for (;;) {
    const rows = await db.query<Row>(last ? NEXT : FIRST, last ? [from, to, page, last.updated_at, last.id] : [from, to, page])
    for (const row of rows) yield fromRow(row)
    if (rows.length < page) return
    last = rows[rows.length - 1]
  }
}

/** Checks the range at once (a bad one throws here, before anything is streamed), then reads lazily. */
export const exportRecords = (db: Sql, q: { from?: string; to?: string }, page = EXPORT_PAGE): AsyncIterable<StoredRecord> => {
  const [from, to] = range(q)
  return pages(db, from, to, page)
}
