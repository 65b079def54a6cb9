export { loadRecord, readRecord, repairRecord, saveRecord, clearRecord } from './persist.js'
export { readCookies } from './cookie.js'
export { cookieValues } from './parse.js'
