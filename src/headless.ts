/**
 * `consentry/headless`: the consent engine without any UI (no Preact).
 * Every public name is re-exported here by name.
 */
export { init, get, has, whenGranted, on, show, showPreferences, hide } from './api/index.js'
export type { ConsentryEvent } from './api/index.js'
export { acceptAll, rejectAll, set, optOut, limitSensitive, reset } from './store/index.js'
export { $snapshot, $ui } from './store/index.js'
export type { Snapshot, Choices, UiView } from './store/index.js'
export { ConsentryError } from './errors/index.js'
export type { ConsentryErrorCode, ConfigProblem } from './errors/index.js'
export type {
  ConsentryConfig,
  CategoryConfig,
  ServiceConfig,
  CookieOptions,
  CookieMatcher,
  Mode,
  RegionMode,
  Method,
} from './config/index.js'
export type { OptOut } from './record/index.js'
export { VERSION } from './version.js'
export { startBlocking } from './blocking/index.js'
export { use } from './plugins/index.js'
export type { Plugin, Engine } from './plugins/index.js'
