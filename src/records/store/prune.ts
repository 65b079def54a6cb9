/**
 * Retention: deletes the records whose decision time (updatedAt) is older than
 * `months` before `now`, except the record in force of each consent id — a
 * record is deleted only when a newer one of the same visitor exists, so the
 * proof of every decision still in force stays; webhook deliveries sent or
 * dead before the same cutoff go too. In batches, so a large first
 * prune never holds one long transaction over the table.
 */
import type { Sql } from './db.js'
import { recordsError } from '../errors.js'

export const PRUNE_BATCH = 10_000

// Months counted in UTC, as PostgreSQL adds them (31 March minus one month is 28 or 29 February).
const CUTOFF = `(($1::timestamptz AT TIME ZONE 'UTC') - make_interval(months => $2::int)) AT TIME ZONE 'UTC'`

const BATCH = `
  WITH gone AS (
    DELETE FROM consentry_records WHERE id IN (
      SELECT r.id FROM consentry_records AS r
      WHERE r.updated_at < ${CUTOFF}
        -- A newer record of the same visitor, in the order of the decision in force (records.ts: IN_FORCE_ORDER).
        AND EXISTS (SELECT 1 FROM consentry_records AS n
          WHERE n.consent_id = r.consent_id AND (n.updated_at, n.arrival) > (r.updated_at, r.arrival))
      LIMIT $3
    ) RETURNING 1
  )
  SELECT count(*)::int AS n FROM gone`

export const prune = async (db: Sql, months: number, now: Date = new Date(), batch = PRUNE_BATCH): Promise<number> => {
  if (!Number.isInteger(months) || months < 0 || months > 1200) throw recordsError('invalid-query', `months: expected an integer from 0 to 1200, got ${String(months)}`)
  if (!(now instanceof Date) || isNaN(+now)) throw recordsError('invalid-query', 'now: expected a valid Date')
  let total = 0
  for (;;) {
    const [row] = await db.query<{ n: number }>(BATCH, [now.toISOString(), months, batch])
    total += row?.n ?? 0
    if ((row?.n ?? 0) < batch) break
  }
  // Webhook deliveries hold copies of records: sent or dead ones go after the same time (pending ones are still owed).
  await db.query(`DELETE FROM consentry_deliveries WHERE state <> 'pending' AND created_at < ${CUTOFF}`, [now.toISOString(), months])
  return total
}
