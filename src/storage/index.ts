export { loadRecord, saveRecord, clearRecord } from './persist.js'
export { readCookies } from './cookie.js'
export { readLocal } from './local.js'
