/**
 * Starting the signals with the engine's stores handed in: the script tag
 * loads this as its own module (`consentry-signals.mjs`), which must follow
 * the page's one engine, not a copy of it.
 */
import type { ReadableAtom } from 'nanostores'
import type { ResolvedConfig } from '../config/types.js'
import { ConsentryError } from '../errors/index.js'
import type { Snapshot, UiView } from '../store/index.js'
import { startGpp } from './cmp/gpp.js'
import { uspString } from './cmp/state.js'
import { startUsp } from './cmp/usp.js'
import { gppState, signalsConfig } from './resolved.js'

export { gppState, signalDefaults, signalsConfig } from './resolved.js'

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
