/** Webhook subscriptions: add, list (with their pending and dead counts), remove, rotate a secret. */
import { ConsentryError } from '../../errors/index.js'
import { recordsError } from '../errors.js'
import type { Sql } from './db.js'
import { iso } from './rows.js'
import type { Sealer } from './seal.js'
import type { WebhookEvent, WebhookStore, WebhookSubscription } from './types.js'

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['consent.changed']
/** How long a rotated-out secret keeps signing, so receivers can switch over. */
export const OVERLAP_HOURS = 24

/** One secret in a subscription's row: in plain text (`secret`), or sealed with the store's key (`sealed`, seal.ts). */
export interface StoredSecret {
  secret?: string
  sealed?: string
  /** null: current; else when it stops signing (ISO). */
  expiresAt: string | null
}

/** How a store without a key meets a sealed secret: it cannot sign with it. */
const unopened = () => {
  throw new ConsentryError('invalid-config', 'secretKey: the webhook secrets in this database are sealed: give the key that sealed them (CONSENTRY_SECRET_KEY)')
}
/** The secret in `s`, opened with the store's key when it is sealed. */
export const openSecret = (sealer: Sealer | null, subscription: string, s: StoredSecret): string =>
  s.sealed != null ? (sealer ? sealer.open(subscription, s.sealed) : unopened()) : s.secret!
/** `secret` as the row keeps it: sealed when the store has a key. */
export const storedSecret = (sealer: Sealer | null, subscription: string, secret: string, expiresAt: string | null): StoredSecret =>
  sealer ? { sealed: sealer.seal(subscription, secret), expiresAt } : { secret, expiresAt }

const hex = (bytes: number) => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('')
export const newSecret = (): string => 'whsec_' + hex(32)

const bad = (detail: string) => recordsError('invalid-query', detail)

const checkUrl = (url: unknown): string => {
  let u: URL | undefined
  try {
    u = typeof url == 'string' && url.length <= 2048 ? new URL(url) : undefined
  } catch {}
  if (!u || (u.protocol != 'https:' && u.protocol != 'http:') || !u.hostname) throw bad('url: expected an http(s) URL (https://example.com/hooks/consent)')
  if (u.username || u.password) throw bad('url: no user or password in the URL; the signature authenticates the service')
  return u.href
}

export const checkSecret = (secret: unknown): string => {
  if (typeof secret != 'string' || !/^[\x21-\x7e]{16,256}$/.test(secret)) throw bad('secret: expected 16 to 256 printable ASCII characters, no spaces')
  return secret
}

const checkEvents = (events: unknown): WebhookEvent[] => {
  if (events === undefined) return [...WEBHOOK_EVENTS]
  if (!Array.isArray(events) || !events.length || !events.every((e) => WEBHOOK_EVENTS.includes(e))) throw bad(`events: expected a list of ${WEBHOOK_EVENTS.join(', ')}`)
  return [...new Set(events as WebhookEvent[])]
}

/** The secrets that sign at `now`: the current one first, then those still in their overlap. */
export const activeSecrets = (secrets: StoredSecret[], now: number, open: (s: StoredSecret) => string): string[] =>
  secrets.filter((s) => s.expiresAt == null || Date.parse(s.expiresAt) > now).map(open)

type SubscriptionRow = { id: string; url: string; events: WebhookEvent[]; created_at: string; pending: number; dead: number }

export const subscriptions = (db: Sql & { transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> }, sealer: Sealer | null): Pick<WebhookStore, 'add' | 'list' | 'remove' | 'rotate'> => ({
  async add(w) {
    if (w == null || typeof w != 'object') throw bad('expected { url, secret?, events? }')
    const url = checkUrl(w.url)
    const secret = w.secret === undefined ? newSecret() : checkSecret(w.secret)
    const events = checkEvents(w.events)
    const id = 'wh_' + hex(16)
    const [row] = await db.query<{ created_at: string }>(
      `INSERT INTO consentry_webhooks (id, url, events, secrets) VALUES ($1, $2, $3::jsonb, $4::jsonb) RETURNING ${iso('created_at')} AS created_at`,
      [id, url, JSON.stringify(events), JSON.stringify([storedSecret(sealer, id, secret, null)])],
    )
    return { id, url, events, createdAt: row!.created_at, secret }
  },
  async list() {
    const rows = await db.query<SubscriptionRow>(
      `SELECT w.id, w.url, w.events, ${iso('w.created_at')} AS created_at,
         (SELECT count(*) FROM consentry_deliveries d WHERE d.subscription_id = w.id AND d.state = 'pending')::int AS pending,
         (SELECT count(*) FROM consentry_deliveries d WHERE d.subscription_id = w.id AND d.state = 'dead')::int AS dead
       FROM consentry_webhooks w ORDER BY w.created_at, w.id`,
    )
    return rows.map((r): WebhookSubscription => ({ id: r.id, url: r.url, events: r.events, createdAt: r.created_at, pending: r.pending, dead: r.dead }))
  },
  async remove(id) {
    // ON DELETE CASCADE takes its deliveries with it.
    return typeof id == 'string' && (await db.query('DELETE FROM consentry_webhooks WHERE id = $1 RETURNING 1 AS gone', [id])).length > 0
  },
  async rotate(id, secret, now = new Date()) {
    const next = secret === undefined ? newSecret() : checkSecret(secret)
    if (typeof id != 'string') return null
    return db.transaction(async (tx) => {
      const [row] = await tx.query<{ secrets: StoredSecret[] }>('SELECT secrets FROM consentry_webhooks WHERE id = $1 FOR UPDATE', [id])
      if (!row) return null
      const until = new Date(now.getTime() + OVERLAP_HOURS * 3_600_000).toISOString()
      // The old ones keep signing for the overlap (one already ending sooner keeps its own end); expired ones are dropped.
      const kept = row.secrets
        .filter((s) => s.expiresAt == null || Date.parse(s.expiresAt) > now.getTime())
        .map((s) => ({ secret: openSecret(sealer, id, s), expiresAt: s.expiresAt != null && s.expiresAt < until ? s.expiresAt : until }))
        .filter((s) => s.secret != next)
        .map((s) => storedSecret(sealer, id, s.secret, s.expiresAt))
      await tx.query('UPDATE consentry_webhooks SET secrets = $2::jsonb WHERE id = $1', [id, JSON.stringify([storedSecret(sealer, id, next, null), ...kept])])
      return next
    })
  },
})
