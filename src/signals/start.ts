/**
 * Starting the signals with the engine handed in: the script tag loads this
 * as its own module (`consentry-signals.mjs`), which must follow the page's
 * one engine, not a copy of it.
 */
import type { ResolvedConfig } from '../config/types.js'
import { ConsentryError } from '../errors/index.js'
import type { Engine, Plugin } from '../plugins/index.js'
import { startGpp } from './cmp/gpp.js'
import { uspString } from './cmp/state.js'
import { startUsp } from './cmp/usp.js'
import { gppState, signalsConfig } from './resolved.js'

export { gppState, signalDefaults, signalsConfig } from './resolved.js'

/**
 * What the signals follow: the engine a plugin gets, with `$ui` only where a
 * UI draws it (Consentry's UI; `startSignals()` from `consentry/headless` only
 * when told the page's own UI follows `$ui`). Without it `cmpDisplayStatus`
 * is null.
 */
type Follows = Pick<Engine, '$snapshot'> & { config: ResolvedConfig | null; $ui: Engine['$ui'] | null }

/** The signals as a plugin: the UI plugs this module in (loaded on demand) when `config.signals` is on. */
export const signals: Plugin = { name: 'signals', start: (engine) => startSignalsWith(engine) }

/** Starts `__gpp` and `__uspapi` (as configured) following `stores`; returns a function that stops them. */
export const startSignalsWith = (stores: Follows): (() => void) => {
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
