/**
 * `consentry/records`: the proof-of-consent records service (Node; Bun and Deno
 * through the fetch handler). The database engines are optional peer
 * dependencies, loaded only when a store opens.
 */
export { createRecordsService, nodeListener, type RecordsService, type RecordsServiceOptions, type RateLimit, type PruneSchedule } from './http/index.js'
export { openStore } from './store/index.js'
export type { ConsentHistory, RecordStore, StatsBy, StatsQuery, StatsRow, StoredRecord, StoreOptions } from './store/types.js'
