/**
 * `consentry`: the consent engine with its banner and preferences centre.
 * The same names as `consentry/headless`, except that `init` also starts the
 * UI. The preferences centre (Preact) is a separate chunk, loaded on demand.
 */
import type { ConsentryConfig } from './config/index.js'
import type { Snapshot } from './store/index.js'
import { initWithUi } from './ui/init.js'

/**
 * Validates the config, restores the stored decision and shows the banner if
 * no current decision exists. Returns the snapshot after restoring.
 * @example
 * import { init } from 'consentry'
 * import { de } from 'consentry/i18n'
 * await init({ categories: [...], ui: { layout: 'box', translations: [de] } })
 */
export const init = (config: ConsentryConfig): Promise<Snapshot> =>
  initWithUi(config, { preferences: () => import('./ui/preferences/index.js'), extras: () => import('./ui/extras/index.js'), signals: () => import('./signals/start.js') })

export {
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
  limitSensitive,
  reset,
  $consent,
  $snapshot,
  $config,
  $ui,
  $gpc,
  ConsentryError,
  VERSION,
  startBlocking,
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
export type { UiConfig, CookieInfo, Layout, Position } from './config/index.js'
export type { Translation } from './ui/i18n/index.js'
