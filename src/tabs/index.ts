import type { ResolvedConfig } from '../config/types.js'
import { fitRecord } from '../record/index.js'
import { loadRecord } from '../storage/index.js'
import { $consent } from '../store/index.js'

/**
 * Keeps every open tab of the site on the same decision, without a reload:
 * - the `storage` event (HTML §12.2.1) fires in the other tabs as soon as this
 *   tab writes its localStorage copy, so they follow within milliseconds;
 * - on `pageshow` and `visibilitychange` a tab re-reads storage, which covers
 *   cookie-only browsers (localStorage blocked), tabs that were asleep, and
 *   back/forward-cache restores.
 * Whatever is read is validated like any stored value. Returns a function that
 * stops listening.
 */
export const followOtherTabs = (config: ResolvedConfig): (() => void) => {
  // Setting the same decision again is harmless: `$snapshot` only changes, and
  // `change` only fires, when something visible differs.
  const reread = () => {
    const stored = loadRecord(config)
    $consent.set({ record: stored && fitRecord(stored, config), origin: 'remote' })
  }
  const onStorage = (e: StorageEvent) => {
    // key null: another tab called localStorage.clear().
    if (e.key === config.cookie.name || e.key === null) reread()
  }
  const onShow = () => {
    if (document.visibilityState != 'hidden') reread()
  }
  addEventListener('storage', onStorage)
  addEventListener('pageshow', onShow)
  document.addEventListener('visibilitychange', onShow)
  return () => {
    removeEventListener('storage', onStorage)
    removeEventListener('pageshow', onShow)
    document.removeEventListener('visibilitychange', onShow)
  }
}
