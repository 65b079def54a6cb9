// The contract between the records service's storage layer and its HTTP layer (issue #17).
// The storage helper implements it in src/records/store/ (folder per concern; files < 200 lines);
// the HTTP helper codes against it. Change it only by agreement through the lead.
import type { SyncRecord } from '../../sync/record.js' // the record serverSync posts, checked by readSyncRecord

/** How to reach the database: PGlite in a directory (default ./consentry-data), or PostgreSQL by URL. */
export type StoreOptions = (
  | { engine?: 'pglite'; dataDir?: string /* undefined or 'memory://' = in memory (tests) */ }
  | { engine: 'postgres'; url: string; poolSize?: number }
) & {
  /**
   * Seals the webhook signing secrets at rest (AES-256-GCM): 32 random bytes as 64 hex digits or base64
   * (`openssl rand -base64 32`). A list while replacing a key: the first seals, every one opens, and opening
   * the store seals again what another key sealed. Without it, secrets are stored in plain text. The CLI reads
   * `CONSENTRY_SECRET_KEY` (keys separated by commas).
   */
  secretKey?: string | string[]
}

export interface StoredRecord extends SyncRecord {
  /** When the service stored it (ISO 8601), set by the database, not the client. */
  receivedAt: string
}

/** The decision in force for a consent id: the record with the newest updatedAt (ties: newest receivedAt), as the client's rule. */
export interface ConsentHistory {
  consentId: string
  records: StoredRecord[] // oldest first (updatedAt, then receivedAt)
  inForce: StoredRecord | null
}

export type StatsBy = 'day' | 'region' | 'method' | 'revision'
export interface StatsQuery { from?: string; to?: string; by: StatsBy } // ISO dates; by updatedAt (decision time); [from, to)
export interface StatsRow {
  key: string // the day (YYYY-MM-DD, UTC), region ('' = unknown), method, or revision as text
  records: number
  /** First-layer outcomes, counted over records: acceptAll (every non-necessary category granted), rejectAll (none granted,
   *  no opt-out), custom (anything else from banner/preferences/api/embed), optOut (optOut.sale or .sharing set by the
   *  visitor, not by GPC), gpc (method 'gpc'). Exactly one outcome per record. */
  outcomes: { acceptAll: number; rejectAll: number; custom: number; optOut: number; gpc: number }
  /** Category id → share (0..1) of records in the bucket that grant it. */
  consentRate: Record<string, number>
  /** Share (0..1) of records in the bucket whose browser sent GPC (record.gpc). */
  gpcShare: number
}

export interface RecordStore {
  /** Stores one validated record; false when its id is already stored (idempotent; stored once). One transaction. */
  insert(record: SyncRecord): Promise<boolean>
  history(consentId: string): Promise<ConsentHistory>
  /** Deletes every record of the consent id and logs the erasure (a hash of the id, the time, how many) without the data. */
  erase(consentId: string): Promise<number>
  /** Streams records with updatedAt in [from, to), oldest first, in pages (server-side cursor / keyset): constant memory. */
  export(q: { from?: string; to?: string }): AsyncIterable<StoredRecord>
  stats(q: StatsQuery): Promise<StatsRow[]>
  /** Deletes records older than `months` (by updatedAt) except each consent id's record in force; returns how many. */
  prune(months: number, now?: Date): Promise<number>
  /** Webhook subscriptions and their delivery outbox (issue #18). */
  webhooks: WebhookStore
  /** Health: a trivial query. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** Opens (and migrates: one schema, one ordered set of SQL migrations, the same SQL on both engines) the store. */
export type OpenStore = (options: StoreOptions) => Promise<RecordStore>

/** The events a subscription can receive. */
export type WebhookEvent = 'consent.changed'
export type DeliveryState = 'pending' | 'delivered' | 'dead'

export interface WebhookSubscription {
  id: string // 'wh_' + 32 hex
  url: string
  events: WebhookEvent[]
  createdAt: string
  /** Deliveries waiting to be sent (or being sent), and dead ones. */
  pending: number
  dead: number
}

export interface Delivery {
  id: string // the event id, 'dlv_' + UUID: Consentry-Delivery
  subscriptionId: string
  consentId: string
  state: DeliveryState
  attempts: number
  createdAt: string
  nextAttemptAt: string | null // null unless pending
  deliveredAt: string | null
  lastError: string | null
}

/** A delivery the deliverer has claimed (leased) for one attempt. */
export interface ClaimedDelivery {
  id: string
  subscriptionId: string
  consentId: string
  url: string
  /** The subscription's secrets that still sign (current first). */
  secrets: string[]
  /** Why it cannot be signed, when its secrets are sealed with a key this process was not given: the attempt fails with it. */
  unsigned?: string
  /** The exact JSON to sign and send. */
  body: string
  /** Attempts including this one. */
  attempts: number
  /** When the first attempt was claimed (ms since 1970): the dead-letter clock starts there. */
  firstAttemptAt: number
}

export interface WebhookStore {
  /** Adds a subscription; the secret is generated (whsec_ + 64 hex) when not given. Throws `invalid-query` naming a bad field. */
  add(w: { url: string; secret?: string; events?: WebhookEvent[] }): Promise<{ id: string; url: string; events: WebhookEvent[]; createdAt: string; secret: string }>
  list(): Promise<WebhookSubscription[]>
  /** Deletes a subscription and its deliveries; false when there is none with that id. */
  remove(id: string): Promise<boolean>
  /** A new current secret (generated when not given); the others keep signing for `overlapHours` (24). Null: no such subscription. */
  rotate(id: string, secret?: string, now?: Date): Promise<string | null>
  /** Newest first; `limit` 1..1000 (default 100). */
  deliveries(q?: { state?: DeliveryState; subscription?: string; limit?: number }): Promise<Delivery[]>
  /** A dead (or delivered) delivery back to pending, attempts 0, due now; false when there is none with that id. */
  replay(deliveryId: string): Promise<boolean>
  /** Every dead delivery of a subscription back to pending; null when there is no such subscription. */
  replayDead(subscriptionId: string): Promise<number | null>
  /** Claims up to `limit` due deliveries, the first pending one of each (subscription, consent id) only, leased for `leaseMs`. */
  claim(limit: number, leaseMs: number, now?: number): Promise<ClaimedDelivery[]>
  /** Settles a claimed attempt: delivered, or failed with the next attempt's time (null: dead). */
  settle(id: string, outcome: { delivered: true; at?: number } | { delivered: false; error: string; next: number | null }): Promise<void>
  /** Hears that deliveries became due in this process (an insert that wrote some, a replay); returns the unsubscribe. */
  onDue(listener: () => void): () => void
}
