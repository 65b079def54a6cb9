// Types for scripts/dashboard-seed.mjs, so the TypeScript tests can import it.
import type { SyncRecord } from '../src/sync/record.js'
export declare const seedRecords: (options: { last: string; days?: number; seed?: number }) => SyncRecord[]
