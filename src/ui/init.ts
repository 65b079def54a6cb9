import type { ConsentryConfig } from '../config/index.js'
import { initWith } from '../api/init.js'
import { $config, type Snapshot } from '../store/index.js'
import { blockWith } from '../blocking/index.js'
import { signalsPart } from '../signals/settings.js'
import { use } from '../plugins/index.js'
import { UI, type ResolvedUi } from './config.js'
import { startUi, type UiLoaders } from './index.js'

/**
 * `init` with the UI: checks `config.ui`, the plugins' fields and (in development
 * builds) the signals' settings in the same pass as the rest, so a config with
 * several wrong fields rejects once, listing them all, before anything starts;
 * then runs the engine's `init`, starts blocking (markup activation and
 * cleanup), and shows the banner when no current decision exists.
 */
export const initWithUi = (config: ConsentryConfig, loaders: UiLoaders): Promise<Snapshot> => {
  let ui: ResolvedUi | undefined
  const first = !$config.get()
  const started = initWith(config, {
    ui: (v, path, problems) => ((ui = UI(v, path, problems)), v),
    // The signals' settings, in development builds: production ones (consentry.min.js) leave them to the
    // signals module, which checks them when it loads, rather than send every visitor their rules.
    ...(process.env.NODE_ENV !== 'production' && { signals: signalsPart }),
  })
  const resolved = $config.get()
  if (!resolved) return started
  // The cookie cleaner comes with the extras module, fetched only when something is there to delete
  // (if it cannot be loaded, the loader has said so, and the rest goes on).
  if (first) blockWith(resolved, (...a) => loaders.extras().then((x) => x.clean(...a), () => {}))
  // The US signals for ad tech (GPP, USP), when on: a plugin in a file of its own (if it cannot be loaded, the
  // loader has said so).
  if (first && resolved.signals) loaders.signals?.().then((m) => use(m.signals), () => {})
  // Started by an earlier call, whose config stays in force (init says so once): this call's UI part is read
  // as far as it is valid (a UI not started yet, after consentry/headless's init, still starts).
  // Resolved once the UI is built, or at once when it has nothing to show (then it is built after the first paint).
  const shown = startUi(ui ?? UI((config as ConsentryConfig | undefined)?.ui, 'config.ui', []), loaders)
  return started.then((s) => shown.then(() => s))
}
