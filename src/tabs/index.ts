import type { ResolvedConfig } from '../config/types.js'
import { env } from '../env/index.js'
import { decodeRecord, fitRecord, type ConsentRecord } from '../record/index.js'
import { readRecord } from '../storage/index.js'
import { $consent } from '../store/index.js'

/**
 * Keeps every open tab of the site on the same decision, without a reload:
 * - the `storage` event (HTML §12.2.1) fires in the other tabs as soon as this
 *   tab writes its localStorage copy, carrying the new value (null: a reset);
 * - on `pageshow` and `visibilitychange` a tab re-reads storage, which covers
 *   cookie-only browsers (localStorage blocked), tabs that were asleep, and
 *   back/forward-cache restores.
 * A tab that follows never writes storage: another tab's `document.cookie` can
 * lag behind for a moment (Chromium caches cookies per renderer), and writing
 * back what it read could resurrect a decision the visitor just reset or
 * changed. Whatever arrives is validated like any stored value.
 *
 * `leaving` runs once, the first time the visitor leaves the page or turns away
 * from it: its visibility turns hidden (a tab switched, an app backgrounded, and
 * when the page is left: HTML §7.4.2.4 "unload a document" hides it after
 * `pagehide`). The last moment the Page Lifecycle guarantees, and one where work
 * costs the visitor nothing: no paint or input waits for it. `init` keeps the
 * upkeep of the stored copies for it.
 * Returns a function that stops listening.
 */
export const followOtherTabs = (config: ResolvedConfig, leaving = () => {}): (() => void) => {
  const name = config.cookie.name
  const adopt = (record: ConsentRecord | null) => {
    const current = $consent.get().record
    // Messages can overtake each other: an older decision never replaces a newer one.
    if (record && current && record.updatedAt < current.updatedAt) return
    // Setting an equal decision is harmless: `change` fires only when something visible differs.
    $consent.set({ record: record && fitRecord(record, config), origin: 'remote' })
  }
  const onStorage = (e: StorageEvent) => {
    if (e.key !== name) return
    // null: the other tab forgot the decision. An invalid value is ignored, not taken as a reset.
    const record = e.newValue === null ? null : decodeRecord(e.newValue, env.now())
    if (record || e.newValue === null) adopt(record)
  }
  // Not on the pageshow of the page's own load (`persisted` false, HTML §7.4.2.4), which follows init's own read by a
  // moment: reading both copies again cost every page view a cookie and a storage round trip. A decision another tab
  // makes meanwhile arrives by the storage event (or, where only the cookie works, at the next visibilitychange).
  const onShow = (e: Event) => {
    if (document.visibilityState == 'hidden') leaving(), (leaving = () => {})
    // (A visibilitychange has no `persisted`.)
    else if ((e as PageTransitionEvent).persisted !== false) adopt(readRecord(config))
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
