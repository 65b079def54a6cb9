/**
 * The outbox's sending side: claim what is due (one process at a time per
 * delivery), settle an attempt, list deliveries, replay dead ones.
 */
import { recordsError } from '../errors.js'
import type { Sql } from './db.js'
import { iso } from './rows.js'
import type { ClaimedDelivery, Delivery, DeliveryState, WebhookStore } from './types.js'
import type { Sealer } from './seal.js'
import { activeSecrets, openSecret, type StoredSecret } from './webhooks.js'

const STATES: DeliveryState[] = ['pending', 'delivered', 'dead']

/**
 * Due, not leased, and the first pending change of its (subscription, consent
 * id): a later change waits while an earlier one is pending (a dead one does
 * not hold the line). FOR UPDATE SKIP LOCKED: a second process claiming at the
 * same moment skips these rows instead of waiting for them, and the lease set
 * here keeps it from taking them once this transaction ends.
 */
const CLAIM = `
  UPDATE consentry_deliveries d
  SET attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, $1::timestamptz),
      locked_until = $1::timestamptz + make_interval(secs => $3::float8 / 1000)
  FROM consentry_webhooks w
  WHERE w.id = d.subscription_id AND d.id IN (
    SELECT c.id FROM consentry_deliveries c
    WHERE c.state = 'pending' AND c.next_attempt_at <= $1::timestamptz AND (c.locked_until IS NULL OR c.locked_until <= $1::timestamptz)
      AND NOT EXISTS (SELECT 1 FROM consentry_deliveries e
        WHERE e.subscription_id = c.subscription_id AND e.consent_id = c.consent_id AND e.state = 'pending' AND e.seq < c.seq)
    ORDER BY c.next_attempt_at, c.seq
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  RETURNING d.id, d.subscription_id, d.consent_id::text AS consent_id, w.url, w.secrets, d.body, d.attempts,
    (extract(epoch FROM d.first_attempt_at) * 1000)::float8 AS first_attempt_at`

type ClaimRow = { id: string; subscription_id: string; consent_id: string; url: string; secrets: StoredSecret[]; body: string; attempts: number; first_attempt_at: number }
type DeliveryRow = { id: string; subscription_id: string; consent_id: string; state: DeliveryState; attempts: number; created_at: string; next_attempt_at: string | null; delivered_at: string | null; last_error: string | null }

export const deliveries = (db: Sql, sealer: Sealer | null): Omit<WebhookStore, 'add' | 'list' | 'remove' | 'rotate' | 'onDue'> => ({
  async claim(limit, leaseMs, now = Date.now()) {
    const rows = await db.query<ClaimRow>(CLAIM, [new Date(now).toISOString(), limit, leaseMs])
    return rows.map((r): ClaimedDelivery => {
      let secrets: string[] = []
      let unsigned: string | undefined
      try {
        secrets = activeSecrets(r.secrets, now, (s) => openSecret(sealer, r.subscription_id, s))
      } catch (e) {
        // Sealed with a key this process lacks (another service sealed it since this one started): this
        // delivery fails its attempt and says why, and waits for a process with the key; the others go.
        unsigned = (e as Error).message.replace(/^\[consentry\] /, '')
      }
      return {
        id: r.id,
        subscriptionId: r.subscription_id,
        consentId: r.consent_id,
        url: r.url,
        secrets,
        ...(unsigned ? { unsigned } : {}),
        body: r.body,
        attempts: r.attempts,
        firstAttemptAt: Math.round(r.first_attempt_at),
      }
    })
  },
  async settle(id, outcome) {
    if (outcome.delivered)
      await db.query(`UPDATE consentry_deliveries SET state = 'delivered', delivered_at = $2::timestamptz, locked_until = NULL, last_error = NULL WHERE id = $1 AND state = 'pending'`, [
        id,
        new Date(outcome.at ?? Date.now()).toISOString(),
      ])
    else
      await db.query(
        `UPDATE consentry_deliveries SET state = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
           next_attempt_at = coalesce($3::timestamptz, next_attempt_at), locked_until = NULL, last_error = $2
         WHERE id = $1 AND state = 'pending'`,
        [id, outcome.error.slice(0, 500), outcome.next == null ? null : new Date(outcome.next).toISOString()],
      )
  },
  async deliveries(q = {}) {
    const limit = q.limit ?? 100
    if (q.state !== undefined && !STATES.includes(q.state)) throw recordsError('invalid-query', `state: expected ${STATES.join(', ')}`)
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) throw recordsError('invalid-query', 'limit: expected an integer from 1 to 1000')
    const rows = await db.query<DeliveryRow>(
      `SELECT id, subscription_id, consent_id::text AS consent_id, state, attempts, ${iso('created_at')} AS created_at,
         CASE WHEN state = 'pending' THEN ${iso('greatest(next_attempt_at, locked_until)')} END AS next_attempt_at,
         ${iso('delivered_at')} AS delivered_at, last_error
       FROM consentry_deliveries
       WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR subscription_id = $2)
       ORDER BY seq DESC LIMIT $3`,
      [q.state ?? null, q.subscription ?? null, limit],
    )
    return rows.map((r): Delivery => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      consentId: r.consent_id,
      state: r.state,
      attempts: r.attempts,
      createdAt: r.created_at,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      lastError: r.last_error,
    }))
  },
  async replay(id) {
    if (typeof id != 'string') return false
    const rows = await db.query(
      `UPDATE consentry_deliveries SET state = 'pending', attempts = CASE WHEN state = 'pending' THEN attempts ELSE 0 END,
         first_attempt_at = CASE WHEN state = 'pending' THEN first_attempt_at END,
         next_attempt_at = CASE WHEN state = 'pending' THEN next_attempt_at ELSE now() END, delivered_at = NULL
       WHERE id = $1 RETURNING 1 AS found`,
      [id],
    )
    return rows.length > 0
  },
  async replayDead(subscriptionId) {
    if (typeof subscriptionId != 'string' || !(await db.query('SELECT 1 FROM consentry_webhooks WHERE id = $1', [subscriptionId])).length) return null
    const rows = await db.query(
      `UPDATE consentry_deliveries SET state = 'pending', attempts = 0, first_attempt_at = NULL, next_attempt_at = now()
       WHERE subscription_id = $1 AND state = 'dead' RETURNING 1 AS found`,
      [subscriptionId],
    )
    return rows.length
  },
})
