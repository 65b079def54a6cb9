import type { ResolvedConfig } from '../config/types.js'
import { decodeRecord, encodeRecord, fitRecord, type ConsentRecord } from '../record/index.js'
import { loadRecord } from '../storage/index.js'
import { $consent } from '../store/index.js'
import { env } from '../env/index.js'

/**
 * Keeps every open tab of the site on the same decision, within a second and
 * without a reload. Three paths, because each one fails somewhere:
 * - the `storage` event (HTML §12.2.1) fires in other tabs when localStorage changes;
 * - a BroadcastChannel carries the record itself when localStorage is blocked or full;
 * - on `pageshow` / `visibilitychange` the tab re-reads storage, which covers
 *   cookie-only changes, tabs that slept, and back/forward-cache restores.
 * Whatever arrives is decoded and validated like any stored value.
 * Returns a function that stops listening.
 */
export const followOtherTabs = (config: ResolvedConfig): (() => void) => {
  const name = config.cookie.name
  const adopt = (record: ConsentRecord | null) => {
    const current = $consent.get().record
    // A message can overtake a later decision made here: the later decision wins.
    if (record && current && record.updatedAt < current.updatedAt) return
    const next = record && fitRecord(record, config)
    if ((next && encodeRecord(next)) !== (current && encodeRecord(current))) $consent.set({ record: next, origin: 'remote' })
  }
  const reread = () => adopt(loadRecord(config))
  let channel: BroadcastChannel | null = null
  try {
    channel = new BroadcastChannel('consentry:' + name)
    channel.onmessage = (e: MessageEvent) => adopt(e.data === null ? null : decodeRecord(e.data, env.now()))
  } catch {
    // No BroadcastChannel (old Safari, some embedded webviews): the storage event still works.
  }
  const onStorage = (e: StorageEvent) => {
    if (e.key === name || e.key === null) reread()
  }
  const onShow = () => {
    if (document.visibilityState !== 'hidden') reread()
  }
  addEventListener('storage', onStorage)
  addEventListener('pageshow', onShow)
  document.addEventListener('visibilitychange', onShow)
  // Tell the other tabs about every decision made here (or its reset).
  const unbind = $consent.listen(({ record, origin }) => {
    if (origin === 'local') channel?.postMessage(record && encodeRecord(record))
  })
  return () => {
    unbind()
    channel?.close()
    removeEventListener('storage', onStorage)
    removeEventListener('pageshow', onShow)
    document.removeEventListener('visibilitychange', onShow)
  }
}
