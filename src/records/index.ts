/**
 * `consentry/records`: the proof-of-consent records service for Node (Bun and
 * Deno through its fetch handler) — storage on PGlite or PostgreSQL. Importing
 * it loads no database engine; opening a store does.
 */
export { createRecordsService, nodeListener, type RecordsService, type RecordsServiceOptions, type RateLimit, type PruneSchedule } from './http/index.js'
export { openStore } from './store/index.js'
export type { ConsentHistory, OpenStore, RecordStore, StatsBy, StatsQuery, StatsRow, StoredRecord, StoreOptions } from './store/index.js'
export type { ClaimedDelivery, Delivery, DeliveryState, WebhookEvent, WebhookStore, WebhookSubscription } from './store/index.js'
export type { WebhookOptions } from './webhooks/index.js'
export type { SyncRecord } from '../sync/record.js'
