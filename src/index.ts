/**
 * `consentry`: the consent engine with its banner and preferences centre.
 * The same names as `consentry/headless` but `startBlocking`, which `init`
 * here calls itself; `init` also starts the UI. The preferences centre
 * (Preact) is a separate chunk, loaded on demand.
 */
import type { ConsentryConfig } from './config/index.js'
import type { Snapshot } from './store/index.js'
import { initWithUi } from './ui/init.js'
import { OTHER_COPY, warnOnce } from './errors/index.js'
import * as engine from './headless.js'
import { reported } from './ui/reported.js'
import { embedPreferences as embedHere } from './ui/embed.js'

const chunks = {
  preferences: reported(() => import('./ui/preferences/index.js')),
  extras: reported(() => import('./ui/extras/index.js')),
  signals: reported(() => import('./signals/start.js')),
}
const initHere = (config: ConsentryConfig): Promise<Snapshot> => initWithUi(config, chunks)

/** This copy's API, as the page sees it on `window.Consentry` when this copy is the first one there. */
const here = {
  init: initHere,
  get: engine.get,
  has: engine.has,
  whenGranted: engine.whenGranted,
  on: engine.on,
  show: engine.show,
  showPreferences: engine.showPreferences,
  hide: engine.hide,
  embedPreferences: embedHere,
  acceptAll: engine.acceptAll,
  rejectAll: engine.rejectAll,
  set: engine.set,
  optOut: engine.optOut,
  limitSensitive: engine.limitSensitive,
  reset: engine.reset,
  use: engine.use,
  ConsentryError: engine.ConsentryError,
  VERSION: engine.VERSION,
}
type Api = typeof here

/**
 * Two copies on one page (the script tag and a bundle, or two bundles) would
 * mean two banners and two states. Whichever starts first publishes its API as
 * `window.Consentry` (what the script tag does); a later copy finds it and
 * defers: its calls go to the first copy, so the page has one UI, one state
 * and one set of events.
 */
const owner = (): Api => {
  const w = typeof window == 'undefined' ? undefined : (window as unknown as { Consentry?: Api })
  const c = w?.Consentry
  return c && c !== here && c.VERSION && typeof c.init == 'function' ? c : here
}
const via = <K extends keyof Api>(k: K): Api[K] => ((...a: unknown[]) => (owner()[k] as (...a: unknown[]) => unknown)(...a)) as Api[K]

/**
 * Validates the config, restores the stored decision and shows the banner if
 * no current decision exists. Returns the snapshot after restoring. If another
 * copy of Consentry already runs on the page, this copy defers to it (and says
 * so once).
 * @example
 * import { init } from 'consentry'
 * import { de } from 'consentry/i18n'
 * await init({ categories: [...], ui: { layout: 'box', translations: [de] } })
 */
export const init = (config: ConsentryConfig): Promise<Snapshot> => {
  const o = owner()
  if (o != here) {
    warnOnce('other-copy', String(o.VERSION), OTHER_COPY)
    return o.init(config)
  }
  if (typeof window != 'undefined') (window as unknown as { Consentry?: Api }).Consentry ??= here
  return initHere(config)
}

// The engine's names, through whichever copy runs this page (see owner()).
export const get = via('get')
export const has = via('has')
export const whenGranted = via('whenGranted')
export const on = via('on')
export const show = via('show')
export const showPreferences = via('showPreferences')
export const hide = via('hide')
/**
 * Shows the preferences centre inline inside `element` (a privacy page's "Cookie settings" section), following the
 * decision in force; returns a function that removes it. `<div data-consentry-preferences>` does the same from markup.
 * @example
 * const remove = embedPreferences(document.getElementById('cookie-settings')!)
 */
export const embedPreferences = via('embedPreferences')
export const acceptAll = via('acceptAll')
export const rejectAll = via('rejectAll')
export const set = via('set')
export const optOut = via('optOut')
export const limitSensitive = via('limitSensitive')
export const reset = via('reset')
export const use = via('use')

export { $snapshot, $ui, ConsentryError, VERSION } from './headless.js'
export type {
  ConsentryEvent,
  Snapshot,
  Choices,
  UiView,
  ConsentryErrorCode,
  ConfigProblem,
  ConsentryConfig,
  CategoryConfig,
  ServiceConfig,
  CookieOptions,
  CookieMatcher,
  Mode,
  RegionMode,
  Method,
  OptOut,
  Plugin,
  Engine,
} from './headless.js'
export type { UiConfig, CookieInfo, Layout, Position } from './config/index.js'
export type { Translation } from './ui/i18n/index.js'
