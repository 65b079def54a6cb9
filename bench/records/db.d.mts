import type { TestPostgres } from '../../src/testing/postgres.mjs'
import type { BenchStore } from './service.mjs'
export declare const freshStore: (engine: 'pglite' | 'postgres', postgres?: TestPostgres | null) => Promise<BenchStore>
export declare const openSql: (store: BenchStore) => Promise<{ query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>; close(): Promise<void> }>
export declare const migrate: (store: BenchStore) => Promise<void>
/** Every stored record id, with how many rows hold it. */
export declare const storedIds: (store: BenchStore) => Promise<Map<string, number>>
export declare const seed: (store: BenchStore, n: number, onBatch?: (done: number) => void) => Promise<void>
export declare const engineVersion: (store: BenchStore) => Promise<string>
export declare const dropStore: (store: BenchStore) => void
