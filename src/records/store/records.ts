/** One visitor's records: store one, read them all with the decision in force, erase them. */
import type { Sql } from './db.js'
import { COLUMNS, INSERT, fromRow, toParams, type Row } from './rows.js'
import type { ConsentHistory } from './types.js'
import type { SyncRecord } from '../../sync/record.js'

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i

/** The order of the decision in force, the client's rule: updatedAt, then arrival (unique, so the order is total). */
export const IN_FORCE_ORDER = 'consentry_records.updated_at, consentry_records.arrival'
/** The same order, newest first: `LIMIT 1` is the decision in force. */
export const IN_FORCE_DESC = 'consentry_records.updated_at DESC, consentry_records.arrival DESC'

/**
 * Stores a record inside the caller's transaction; false when its id is
 * already stored. The caller's transaction is the seam for issue #18: what
 * must happen with a new record (a delivery in the outbox) goes in the same one.
 */
export const insertRecord = async (tx: Sql, record: SyncRecord): Promise<boolean> => {
  const params = toParams(record)
  if (!(await tx.query(INSERT, params)).length) return false
  // Once a category id is there, DO NOTHING only reads the index: concurrent inserts do not queue on it.
  // In jsonb's own key order, so two transactions adding the same new ids never wait on each other in a cycle.
  await tx.query(
    `INSERT INTO consentry_refused_categories (category)
     SELECT key FROM jsonb_each($1::jsonb) WHERE value = 'false'::jsonb ORDER BY key ON CONFLICT DO NOTHING`,
    [params[9]],
  )
  return true
}

export const history = async (db: Sql, consentId: string): Promise<ConsentHistory> => {
  // An id that is not a UUID has no records; it never reaches SQL, where the cast would fail.
  const rows = UUID.test(consentId)
    ? await db.query<Row>(`SELECT ${COLUMNS} FROM consentry_records WHERE consent_id = $1::uuid ORDER BY ${IN_FORCE_ORDER}`, [consentId])
    : []
  const records = rows.map(fromRow)
  return { consentId, records, inForce: records[records.length - 1] ?? null }
}

/**
 * Deletes every record of a consent id and logs the erasure: the SHA-256 of
 * the id (lower-case, as stored), the time and how many records, never the
 * data. A request for an id with no records is logged too (0): it was answered.
 */
export const erase = async (tx: Sql, consentId: string): Promise<number> => {
  if (!UUID.test(consentId)) return 0
  const deleted = await tx.query('DELETE FROM consentry_records WHERE consent_id = $1::uuid RETURNING 1 AS gone', [consentId])
  // The webhook bodies hold the visitor's records too: every delivery of the visitor goes, sent or not.
  await tx.query('DELETE FROM consentry_deliveries WHERE consent_id = $1::uuid', [consentId])
  await tx.query(
    `INSERT INTO consentry_erasures (consent_id_sha256, records) VALUES (encode(sha256(convert_to($1::uuid::text, 'UTF8')), 'hex'), $2)`,
    [consentId, deleted.length],
  )
  return deleted.length
}
