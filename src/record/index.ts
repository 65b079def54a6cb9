export { encodeRecord, decodeRecord, hasOptOut, newestRecord, SCHEMA, MAX_LENGTH } from './codec.js'
export type { ConsentRecord, OptOut } from './codec.js'
export { fitRecord } from './fit.js'
export { uuid } from './uuid.js'
