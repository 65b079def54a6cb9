/**
 * US privacy signals for ad tech: the IAB GPP API (`__gpp`) and the legacy
 * USP API (`__uspapi`, `usprivacy` cookie), kept in step with the visitor's
 * state. `consentry` and the script tag start them on demand when
 * `config.signals` is on (by default with `mode: 'auto'` or `'opt-out'`);
 * with `consentry/headless`, call `startSignals()` after `init`.
 */
import { $config, $snapshot, $ui } from '../store/index.js'
import { startSignalsWith } from './start.js'

export { installStubs } from './stub/index.js'
export { uspString, usApplies, type SignalsConfig } from './cmp/state.js'
export { signalsConfig } from './start.js'

/**
 * Starts `__gpp` and `__uspapi` (as `config.signals` says) for the initialised
 * engine; returns a function that stops them. `consentry/headless` draws no
 * UI, so `cmpDisplayStatus` is null (no display layer); pass `display: true`
 * when the page's own UI shows the choices following `$ui` (`show()` /
 * `hide()`), and it reports `visible` / `hidden`.
 * @example await init(config); startSignals()
 */
export const startSignals = (options: { display?: boolean } = {}): (() => void) =>
  startSignalsWith({ $snapshot, $ui: options.display ? $ui : null, config: $config.get() })
