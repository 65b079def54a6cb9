// Placeholder until branch i17-store lands with the real openStore (PGlite and PostgreSQL): the merge takes that one.
import type { RecordStore, StoreOptions } from './types.js'

export type { ConsentHistory, RecordStore, StatsBy, StatsQuery, StatsRow, StoredRecord, StoreOptions } from './types.js'

export const openStore = async (options: StoreOptions): Promise<RecordStore> => {
  throw new Error(`openStore(${JSON.stringify(options)}): the storage layer is not merged yet`)
}
