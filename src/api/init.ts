import { resolveConfig, type ConfigParts, type ConsentryConfig } from '../config/index.js'
import { ELEMENTS_ONLY } from '../config/rules.js'
import { warnOnce } from '../errors/index.js'
import { env } from '../env/index.js'
import { fitRecord, newestRecord } from '../record/index.js'
import { afterPaint } from '../schedule/index.js'
import { clearRecord, loadRecord, readCookies, readRecord, saveRecord } from '../storage/index.js'
import { $config, $consent, $gpc, $snapshot, $ui, deriveSnapshot, optOut, resetStores, type Snapshot } from '../store/index.js'
import { followOtherTabs } from '../tabs/index.js'
import { pluginParts, resetPlugins, startPlugins } from '../plugins/index.js'
import { emit, resetEvents } from './events.js'

let started: { promise: Promise<Snapshot>; config: ConsentryConfig; stop: () => void } | null = null

// RegExp cookie matchers serialise as {} in plain JSON.
const keyOf = (config: unknown): string => {
  try {
    return JSON.stringify(config, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v))
  } catch {
    return ''
  }
}

/**
 * Validates the config, restores the stored decision and starts Consentry.
 * Safe to call twice: the first config stays in force, and a different second
 * one is reported once. A bad config rejects with one {@link ConsentryError}
 * listing every wrong field, and leaves Consentry uninitialised.
 *
 * @example
 * await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
 */
export const init = (config: ConsentryConfig): Promise<Snapshot> => initWith(config)

/** `init`, reading the parts of the config other modules own (the UI, strict mode, the signals) in the same pass. */
export const initWith = (config: ConsentryConfig, parts?: ConfigParts): Promise<Snapshot> => {
  if (started) {
    // Serialised only here: a second call is rare, and the first one's start-up need not pay for it.
    if (config !== started.config && keyOf(config) !== keyOf(started.config)) warnOnce('init-twice')
    return started.promise
  }
  let resolved
  try {
    resolved = resolveConfig(config, { blocking: ELEMENTS_ONLY, ...pluginParts(), ...parts })
  } catch (e) {
    return Promise.reject(e)
  }
  const conf = resolved
  // A crawler or an automated browser gets no banner or notice to index or answer (`hideFromBots`): nothing is
  // granted, and `show()` and the page's links still open the choices. Looked at here, in the browser only.
  if (config.hideFromBots && env.bot()) conf.notice = false
  // The cookie alone when it holds a valid decision: it is the copy servers and tags read, and every
  // save writes it. localStorage, whose first access opens the storage area (about 10 ms at 4× CPU,
  // docs/speed.md), is read only when it holds none, or when the server re-issues the cookie
  // (`serverSet`: a response in flight can put an older one back). A newer localStorage copy beside
  // a valid cookie (the cookie overwritten from outside) wins when the copies are looked after.
  const cookies = readCookies(conf.cookie.name)
  const held = !conf.cookie.serverSet && newestRecord(cookies, env.now())
  const stored = held || readRecord(conf, cookies)
  $config.set(conf)
  $gpc.set(env.gpc())
  $consent.set({ record: stored && fitRecord(stored, conf), origin: 'init' })
  deriveSnapshot()

  // The copies are reconciled (newest wins) and repaired, and the cookie re-set (restarting Safari's
  // 7-day cap), from what storage holds then, so a decision made meanwhile, here or in another tab,
  // is what both copies keep. A cookie that held a decision still in force is looked after when the
  // visitor leaves the page or turns away (see tabs/; a page shown again re-reads both): nothing on
  // the way to the first paint or the first input pays for it, and a returning visit opens no
  // storage area but the cookie's. A missing or damaged cookie, which servers and tags read, is put
  // back, and one whose decision is over deleted, at once, after the first frame.
  let self: object | null = null
  const maintain = () => started === self && loadRecord(conf)
  const leaving = held && $snapshot.get().decided
  // Reactions: storage and events follow the stores; actions only set state.
  // $snapshot changes only when something visible changed, so every change is real.
  const tabs = typeof window === 'undefined' ? { tell: () => {}, stop: () => {} } : followOtherTabs(conf, leaving ? maintain : undefined)
  const unbinds = [
    // Stored first, then told: a tab that hears it and re-reads storage later finds the same decision.
    $consent.listen(({ record, origin }) => {
      if (origin === 'local') tabs.tell(record ? saveRecord(conf, record) : (clearRecord(conf), null))
    }),
    $consent.listen(deriveSnapshot),
    $gpc.listen(deriveSnapshot),
    $snapshot.listen((snapshot) => emit('change', snapshot)),
    tabs.stop,
  ]
  // GPC is a valid opt-out request where the visitor's state gives that right (CCPA regs §7025;
  // Colorado Rule 5.08): honoured at once, recorded with method `gpc`, without a prompt.
  const o = $snapshot.get().optOut
  const gpcNow = $gpc.get() && conf.mode === 'opt-out' && !(o.sale && o.sharing && o.targetedAds)
  if (gpcNow) optOut('gpc')
  const snapshot = $snapshot.get()
  // Opt-in: the banner until a decision. Opt-out: the notice, unless the visitor has
  // decided or opted out (not asked again for 12 months, §1798.135(c)(4)), or to say GPC was honoured.
  // `none` (no law asks for a notice there): nothing shows until the visitor or the site asks.
  if (conf.notice && (gpcNow || (!snapshot.decided && !(conf.mode == 'opt-out' && snapshot.optOut.sale)))) $ui.set('banner')
  self = started = {
    promise: Promise.resolve(snapshot),
    config,
    stop: () => unbinds.forEach((f) => f()),
  }
  if (stored && !leaving) afterPaint(maintain)
  // The add-ons start before `ready`, so a destination hears the state before blocking lets any tag run.
  startPlugins(conf)
  emit('ready', snapshot)
  return started.promise
}

/** Whether `init` has run. */
export const isInitialised = (): boolean => started !== null

/** Test seam: stop every reaction and plugin and return to the state before `init`. */
export const teardown = (): void => {
  started?.stop()
  resetPlugins()
  started = null
  resetStores()
  resetEvents()
}
