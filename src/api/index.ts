export { init, isInitialised, teardown } from './init.js'
export { get, has, whenGranted, show, showPreferences, hide } from './query.js'
export { on, emit } from './events.js'
export type { ConsentryEvent } from './events.js'
