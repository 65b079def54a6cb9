// Types for bench/records/delivery.mjs, for the tests.
import type { TestPostgres } from '../../src/testing/postgres.d.mts'

export declare const secretOf: (k: number) => string
export interface Receiver {
  base: string
  /** `${k} ${deliveryId}` → the first arrival. */
  arrivals: Map<string, { k: number; recordId: string; at: number }>
  counts: { duplicates: number; refused: number }
  reasons: Record<string, number>
  lastArrival(): number
  /** Forgets what arrived so far (after a warm-up). */
  reset(): void
  close(): Promise<void>
}
export declare const startReceiver: () => Promise<Receiver>
export declare const subscribe: (base: string, receiver: string, n: number) => Promise<void>
export declare const postSteadily: (base: string, rate: number, seconds: number) => Promise<{ acked: Map<string, number>; outcomes: Record<string, number>; started: number; ended: number }>
export interface DeliveryRow {
  engine: string
  subscriptions: number
  rate: number
  seconds: number
  records: number
  postErrors: Record<string, number>
  acceptedPerSecond: number | null
  expected: number
  received: number
  missing: number
  duplicates: number
  refused: number
  perSecond: number | null
  p50: number | null
  p99: number | null
  max: number | null
  beforeAck: number
  drainSeconds: number | null
}
export declare const delivery: (options: { engine: 'pglite' | 'postgres'; postgres?: TestPostgres | null; subscriptions: number; rate: number; seconds: number; stallSeconds?: number; say: (line: string) => void }) => Promise<DeliveryRow>
