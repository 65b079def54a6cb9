import type { ResolvedConfig } from '../config/types.js'
import { env } from '../env/index.js'
import { decodeRecord, fitRecord, type ConsentRecord } from '../record/index.js'
import { readRecord } from '../storage/index.js'
import { $consent } from '../store/index.js'

/** What {@link followOtherTabs} gives `init`: how to tell the other tabs of a decision, and how to stop. */
export interface Follower {
  /** Tells the site's other tabs the decision this tab has just stored (its encoded value), or null for a reset. */
  tell(value: string | null): void
  stop(): void
}

/**
 * Keeps every open tab of the site on the same decision, without a reload:
 * - the tab that decides posts the stored value on a `BroadcastChannel` (HTML §9.6) named after the
 *   cookie, and the others take it from there. Where there is no channel (Safari before 15.4), the
 *   `storage` event (HTML §12.2.1) does it instead: it fires in the other tabs when one writes its
 *   localStorage copy. The channel is the default because a `storage` listener costs every page view:
 *   its first one opens the origin's storage area, a synchronous round trip to the browser
 *   (docs/speed.md: 23.8 against 17.4 ms of script time per returning visit, 4× CPU), while a
 *   decided visitor's page view otherwise never touches localStorage. It also reaches tabs where
 *   only the cookie can be kept, which no `storage` event does;
 * - on `pageshow` and `visibilitychange` a tab re-reads storage, which covers tabs that were asleep,
 *   back/forward-cache restores, and a tab still running an older Consentry that only writes storage.
 * The channel is closed on `pagehide`: a page in the back/forward cache that holds one can be evicted
 * (Chromium drops a page whose channel gets a message there), and the restore's `pageshow` opens it
 * again and re-reads what was decided meanwhile.
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
 */
export const followOtherTabs = (config: ResolvedConfig, leaving = () => {}): Follower => {
  const name = config.cookie.name
  const adopt = (record: ConsentRecord | null) => {
    const current = $consent.get().record
    // Messages can overtake each other: an older decision never replaces a newer one.
    if (record && current && record.updatedAt < current.updatedAt) return
    // Setting an equal decision is harmless: `change` fires only when something visible differs.
    $consent.set({ record: record && fitRecord(record, config), origin: 'remote' })
  }
  // A value another tab stored: null, the other tab forgot the decision. Anything else that is not a
  // valid record (a forged or damaged value, a message of another shape) is ignored, not taken as a reset.
  const heard = (value: unknown) => {
    const record = typeof value == 'string' ? decodeRecord(value, env.now()) : null
    if (record || value === null) adopt(record)
  }
  const onStorage = (e: StorageEvent) => e.key === name && heard(e.newValue)
  let channel: BroadcastChannel | null = null
  const open = () => {
    channel = env.channel('consentry:' + name)
    if (channel) channel.onmessage = (e) => heard(e.data)
    return channel
  }
  const close = () => {
    channel?.close()
    channel = null
  }
  const byChannel = !!open()
  // Not on the pageshow of the page's own load (`persisted` false, HTML §7.4.2.4), which follows init's own read by a
  // moment: reading both copies again cost every page view a cookie and a storage round trip. A decision another tab
  // makes meanwhile arrives on the channel (or the storage event), or at the next visibilitychange.
  const onShow = (e: Event) => {
    if (document.visibilityState == 'hidden') leaving(), (leaving = () => {})
    // (A visibilitychange has no `persisted`.)
    else if ((e as PageTransitionEvent).persisted !== false) {
      if (byChannel && !channel) open()
      adopt(readRecord(config))
    }
  }
  if (!byChannel) addEventListener('storage', onStorage)
  else addEventListener('pagehide', close)
  addEventListener('pageshow', onShow)
  document.addEventListener('visibilitychange', onShow)
  return {
    tell: (value) => channel?.postMessage(value),
    stop: () => {
      close()
      removeEventListener('storage', onStorage)
      removeEventListener('pagehide', close)
      removeEventListener('pageshow', onShow)
      document.removeEventListener('visibilitychange', onShow)
    },
  }
}
