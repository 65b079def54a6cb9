import { atom } from 'nanostores'
import type { ResolvedConfig } from '../config/types.js'
import { env } from '../env/index.js'
import type { ConsentRecord } from '../record/index.js'
import { sameSnapshot, snapshotOf, type Snapshot } from './snapshot.js'

/** Where the latest state came from: reactions write storage only for `local` changes. */
export type Origin = 'init' | 'local' | 'remote'

/** The stored decision (possibly stale) and where it came from. */
export interface ConsentState {
  /** Fitted to the current config; kept when stale so the next prompt starts from it. */
  record: ConsentRecord | null
  origin: Origin
}

/** What the UI shows: nothing, the banner, or the preferences centre. */
export type UiView = 'hidden' | 'banner' | 'preferences'

/** The validated config; null until `init`. */
export const $config = atom<ResolvedConfig | null>(null)

/** The visitor's stored decision. */
export const $consent = atom<ConsentState>({ record: null, origin: 'init' })

/** Global Privacy Control as the browser sends it now. */
export const $gpc = atom(false)

/** Which part of the UI should be on screen. */
export const $ui = atom<UiView>('hidden')

/**
 * The public, frozen view of consent that `get()` returns. Derived from the
 * three stores above by {@link deriveSnapshot}; a plain atom rather than
 * `computed`, which would pull nanostores' lifecycle code (~450 B gzip) into
 * every page for one derived value.
 */
export const $snapshot = atom<Snapshot>(snapshotOf(null, null, false, 0))

/** Recomputes `$snapshot`; a no-op for listeners when nothing changed. */
export const deriveSnapshot = (): void => {
  const next = snapshotOf($config.get(), $consent.get().record, $gpc.get(), env.now())
  if (!sameSnapshot(next, $snapshot.get())) $snapshot.set(next)
}

/** Test seam: back to the state before `init`. */
export const resetStores = (): void => {
  $config.set(null)
  $consent.set({ record: null, origin: 'init' })
  $gpc.set(false)
  $ui.set('hidden')
  $snapshot.set(snapshotOf(null, null, false, 0))
}
