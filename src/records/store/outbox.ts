/**
 * The outbox's writing side: a record that changes its visitor's decision in
 * force becomes one delivery per subscription, written in the record's own
 * transaction, so a crash between the two cannot lose an event (issue #18).
 */
import type { ConsentEvent, ConsentEventPrevious } from '../../server/webhooks/event.js'
import type { SyncRecord } from '../../sync/record.js'
import type { Sql } from './db.js'
import { IN_FORCE_DESC, insertRecord } from './records.js'
import { COLUMNS, fromRow, type Row } from './rows.js'

/** The lock space of the per-visitor lock (the migrations' lock is the one-key form, a space of its own). */
const VISITOR_LOCK = 7170418

const inForce = async (tx: Sql, consentId: string): Promise<Row | undefined> =>
  (await tx.query<Row>(`SELECT ${COLUMNS} FROM consentry_records WHERE consent_id = $1::uuid ORDER BY ${IN_FORCE_DESC} LIMIT 1`, [consentId]))[0]

const sameChoices = (a: Record<string, boolean>, b: Record<string, boolean>): boolean => {
  const keys = Object.keys(a)
  return keys.length == Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k])
}

/** The parts of a decision an event is about: a record that repeats them changes nothing downstream. */
export const sameDecision = (a: ConsentEventPrevious, b: ConsentEventPrevious): boolean =>
  a.gpc === b.gpc && sameChoices(a.categories, b.categories) && sameChoices(a.services, b.services) && sameChoices({ ...a.optOut }, { ...b.optOut })

const decision = (r: Row): ConsentEventPrevious => ({ categories: r.categories, services: r.services, optOut: r.opt_out, gpc: r.gpc })

/** A new delivery id: `dlv_` and a random UUID, the same on every retry (`Consentry-Delivery`). */
export const deliveryId = (): string => 'dlv_' + globalThis.crypto.randomUUID()

/**
 * Stores a record and, when it changes the decision in force of its visitor,
 * writes one delivery per subscription to `consent.changed`; all inside the
 * caller's transaction. Returns whether the record was new and how many
 * deliveries were written.
 */
export const insertWithEvents = async (tx: Sql, record: SyncRecord): Promise<{ stored: boolean; deliveries: number }> => {
  const subscriptions = await tx.query<{ id: string }>(`SELECT id FROM consentry_webhooks WHERE events @> '["consent.changed"]'::jsonb ORDER BY created_at, id`)
  if (!subscriptions.length) return { stored: await insertRecord(tx, record), deliveries: 0 }
  // Two records of one visitor in two transactions at once (PostgreSQL) would each read the other's
  // "before" without the other's row: the visitor's lock makes them take turns, and only them.
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VISITOR_LOCK, record.consentId.toLowerCase()])
  const before = await inForce(tx, record.consentId)
  if (!(await insertRecord(tx, record))) return { stored: false, deliveries: 0 }
  const after = await inForce(tx, record.consentId)
  // A late record older than the one in force, or a repeat of the same decision: no event.
  if (!after || after.id != record.id.toLowerCase() || (before && sameDecision(decision(before), decision(after)))) return { stored: true, deliveries: 0 }
  const { receivedAt: _, ...stored } = fromRow(after)
  const createdAt = new Date().toISOString()
  const rows = subscriptions.map(({ id: subscription }) => {
    const event: ConsentEvent = { id: deliveryId(), type: 'consent.changed', createdAt, consentId: stored.consentId, record: stored, ...(before ? { previous: decision(before) } : {}) }
    return { id: event.id, subscription, body: JSON.stringify(event) }
  })
  await tx.query(
    `INSERT INTO consentry_deliveries (id, subscription_id, consent_id, body)
     SELECT d->>'id', d->>'subscription', $1::uuid, d->>'body' FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(d, n) ORDER BY n`,
    [record.consentId, JSON.stringify(rows)],
  )
  return { stored: true, deliveries: rows.length }
}
