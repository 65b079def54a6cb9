import type { SyncRecord } from '../../src/sync/record.js'
export declare const record: (now?: number) => SyncRecord
export interface LoadResult {
  seconds: number
  latencies: number[]
  /** How many answers per status (`204`), or per error code when there was none (`ECONNREFUSED`). */
  outcomes: Record<string, number>
  sent: SyncRecord[]
  acked: string[]
}
export declare const runLoad: (options: { base: string; clients: number; seconds?: number; next?: () => SyncRecord | null; track?: boolean }) => Promise<LoadResult>
export declare const percentile: (values: number[], p: number) => number
/** POSTs one record body to `${base}/v1/consent` on a new connection; resolves with the status or the error code. */
export declare const post: (base: string, body: string) => Promise<number | string>
