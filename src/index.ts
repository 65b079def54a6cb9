/**
 * `consentry`: the consent engine and (from the UI issue on) its banner and
 * preferences centre. Today it exposes the same names as `consentry/headless`.
 */
export {
  init,
  get,
  has,
  whenGranted,
  on,
  show,
  showPreferences,
  hide,
  acceptAll,
  rejectAll,
  set,
  optOut,
  reset,
  $consent,
  $snapshot,
  $config,
  $ui,
  $gpc,
  ConsentryError,
  VERSION,
} from './headless.js'
export type {
  ConsentryEvent,
  Snapshot,
  Choices,
  ConsentState,
  UiView,
  ConsentryErrorCode,
  ConsentryConfig,
  CategoryConfig,
  ServiceConfig,
  CookieOptions,
  CookieMatcher,
  Mode,
  Method,
  OptOut,
} from './headless.js'
