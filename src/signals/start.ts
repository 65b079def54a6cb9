/**
 * Starting the signals with the engine's stores handed in: the script tag
 * loads this as its own module (`consentry-signals.mjs`), which must follow
 * the page's one engine, not a copy of it.
 */
import type { ReadableAtom } from 'nanostores'
import type { ResolvedConfig } from '../config/types.js'
import { ConsentryError } from '../errors/index.js'
import { check } from '../config/validate.js'
import { SIGNALS } from './settings.js'
import type { Snapshot, UiView } from '../store/index.js'
import { encodeGpp } from './codec/index.js'
import { startGpp, type GppState } from './cmp/gpp.js'
import { fieldsFor, sectionFor, SECTION_ID, uspString, type SignalsConfig } from './cmp/state.js'
import { startUsp } from './cmp/usp.js'

/** The signals settings with every default (what the site does, IAB settings), and `over` on top. */
export const signalDefaults = (over: object = {}): SignalsConfig & { gpp: boolean; usp: boolean } =>
  ({ ...check<SignalsConfig & { gpp: boolean; usp: boolean }>(SIGNALS, over, 'config.signals'), limitSensitive: false })

/** `config.signals` checked, with every default; throws a `ConsentryError` naming the field. */
export const signalsConfig = (config: ResolvedConfig): SignalsConfig & { gpp: boolean; usp: boolean } => ({
  ...check<SignalsConfig & { gpp: boolean; usp: boolean }>(SIGNALS, config.signals === true ? {} : config.signals, 'config.signals'),
  limitSensitive: config.limitSensitive,
})

/**
 * What the GPP API publishes for a snapshot and what the UI shows: `view` is
 * the UI's view, or null where nothing draws one (headless) — there is no
 * display layer then, and `cmpDisplayStatus` is null (CMP API §"PingReturn":
 * "NULL when there is no display layer").
 */
export const gppState = (s: Snapshot, view: UiView | null, c: SignalsConfig): GppState => {
  const section = sectionFor(s, c)
  const sections = section ? { [section]: fieldsFor(section, s, c) } : {}
  return {
    gppString: encodeGpp(sections),
    sectionList: section ? [SECTION_ID[section]] : [],
    applicableSections: section ? [SECTION_ID[section]] : [-1],
    sections,
    cmpDisplayStatus: view == null ? null : view == 'hidden' ? 'hidden' : 'visible',
  }
}

/** What the signals follow. */
export interface SignalStores {
  $snapshot: ReadableAtom<Snapshot>
  /**
   * What a UI on the page shows, given only where one draws it: Consentry's UI
   * hands in its `$ui`; `startSignals()` from `consentry/headless` does not
   * (nothing is drawn) unless told the page's own UI follows `$ui`. Without
   * it `cmpDisplayStatus` is null.
   */
  $ui?: ReadableAtom<UiView> | null
  config: ResolvedConfig | null
}

/** Starts `__gpp` and `__uspapi` (as configured) following `stores`; returns a function that stops them. */
export const startSignalsWith = (stores: SignalStores): (() => void) => {
  const config = stores.config
  if (!config) throw new ConsentryError('not-initialised', 'startSignals')
  const c = signalsConfig(config)
  const $ui = stores.$ui
  const state = () => gppState(stores.$snapshot.get(), $ui ? $ui.get() : null, c)
  const gpp = c.gpp ? startGpp(state(), c.cmpId) : undefined
  const usp = c.usp ? startUsp(() => uspString(stores.$snapshot.get(), c), c.uspCookie) : undefined
  const update = () => {
    gpp?.update(state())
    usp?.update()
  }
  const unbind = [stores.$snapshot.listen(update), $ui ? $ui.listen(update) : () => {}]
  return () => {
    unbind.forEach((f) => f())
    gpp?.stop()
    usp?.stop()
  }
}
