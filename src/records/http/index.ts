export { createRecordsService, type RecordsService, type RecordsServiceOptions } from './service.js'
export { nodeListener } from './node.js'
export type { RateLimit } from './rate-limit.js'
export type { PruneSchedule } from './retention.js'
