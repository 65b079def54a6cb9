/**
 * `consentry/react`: the visitor's consent as React hooks. React is a peer
 * dependency (not bundled); the hooks follow the same store as `consentry`
 * and `consentry/headless`, so decisions made through either show here.
 */
import { useSyncExternalStore } from 'react'
import { granted, live, serverSnapshot, subscribe, type Snapshot } from './shared.js'

export type { Snapshot }

/**
 * The current consent {@link Snapshot}; the component re-renders on every change.
 * `initial` is the snapshot the server rendered with (from `readConsent` of
 * `consentry/server`): the server render and the hydration render use it, so
 * the markup matches; it stays until `init` has run, then the live store
 * takes over. Without it, those renders show the undecided default.
 * @example
 * import { useConsent } from 'consentry/react'
 * function Notice({ initial }: { initial?: Snapshot }) {
 *   const consent = useConsent(initial)
 *   return consent.decided ? null : <p>Please choose your cookie settings.</p>
 * }
 */
export const useConsent = (initial?: Snapshot): Snapshot =>
  useSyncExternalStore(subscribe, () => live(initial), () => serverSnapshot(initial))

/**
 * True only if the category, or the service, with this `id` is granted now.
 * The component re-renders only when that answer changes. `initial` as for
 * {@link useConsent}.
 * @example
 * import { useHas } from 'consentry/react'
 * function Video({ initial }: { initial?: Snapshot }) {
 *   return useHas('youtube', initial) ? <iframe src="https://www.youtube-nocookie.com/embed/…" /> : <p>Allow YouTube to watch.</p>
 * }
 */
export const useHas = (id: string, initial?: Snapshot): boolean =>
  // A boolean snapshot: useSyncExternalStore compares with Object.is, so other changes cost no render.
  useSyncExternalStore(
    subscribe,
    () => granted(live(initial), id),
    () => granted(serverSnapshot(initial), id),
  )
