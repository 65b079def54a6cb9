import type { ConsentryConfig } from '../config/index.js'
import { init } from '../api/index.js'
import { $config, type Snapshot } from '../store/index.js'
import { blockWith, checkStrict } from '../blocking/index.js'
import { resolveUi } from './config.js'
import { startUi, type UiLoaders } from './index.js'

/**
 * `init` with the UI: checks `config.ui` along with the rest (a bad value
 * rejects before anything starts), runs the engine's `init`, starts blocking
 * (markup activation and cleanup), then shows the banner when no current
 * decision exists.
 */
export const initWithUi = (config: ConsentryConfig, loaders: UiLoaders): Promise<Snapshot> => {
  let ui
  try {
    ui = resolveUi((config as ConsentryConfig | undefined)?.ui)
    checkStrict(config)
  } catch (e) {
    return Promise.reject(e)
  }
  const first = !$config.get()
  const started = init(config)
  const resolved = $config.get()
  // The cookie cleaner comes with the extras module, fetched only when something is there to delete
  // (if it cannot be loaded, the loader has said so, and the rest goes on).
  if (first && resolved) blockWith(resolved, (...a) => loaders.extras().then((x) => x.clean(...a), () => {}))
  // Resolved once the banner is in the page (it is built in the next task), so `await init()` finds it.
  const shown = resolved ? startUi(ui, loaders) : undefined
  return shown ? started.then((s) => shown.then(() => s)) : started
}
