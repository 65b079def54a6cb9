/**
 * `consentry/preact`: the visitor's consent as Preact hooks, on `preact/hooks`
 * alone (no `preact/compat`). Preact is not bundled: `preact/hooks` comes from
 * the app (a dependency that is also an optional peer, so package managers
 * reuse the app's copy; see docs/api.md); the hooks follow the same store as
 * `consentry` and `consentry/headless`.
 */
import { useLayoutEffect, useState } from 'preact/hooks'
import { follow, granted, live, onServer, serverSnapshot, type Snapshot } from './shared.js'

export type { Snapshot }

/**
 * State that starts from `initial` (or, without it, the undecided default on a
 * server and the live store in a browser) and then follows the store. Preact
 * cannot tell a hydration render from a first client render, so `initial`,
 * when given, is what every first render shows; the layout effect swaps in the
 * live value (see `live`) before the browser paints. `read` must be stable for
 * given `deps`; `initial` counts at mount only, as a `useState` seed does.
 */
const useFromStore = <T>(read: (s: Snapshot) => T, initial: Snapshot | undefined, deps: unknown[]): T => {
  const [value, setValue] = useState(() => read(initial || onServer() ? serverSnapshot(initial) : live()))
  // follow() calls back at once: that is the switch from `initial` to the live store.
  // Preact skips the render when the value is identical (===), so a boolean only re-renders on a flip.
  useLayoutEffect(() => follow(() => setValue(() => read(live(initial)))), deps)
  return value
}

const whole = (s: Snapshot): Snapshot => s

/**
 * The current consent {@link Snapshot}; the component re-renders on every change.
 * `initial` is the snapshot the server rendered with (from `readConsent` of
 * `consentry/server`): pass it wherever the markup was server-rendered, so the
 * hydration render matches it; it stays until `init` has run, then the live
 * store takes over. Without it, a server render shows the undecided default.
 * @example
 * import { useConsent } from 'consentry/preact'
 * function Notice({ initial }: { initial?: Snapshot }) {
 *   const consent = useConsent(initial)
 *   return consent.decided ? null : <p>Please choose your cookie settings.</p>
 * }
 */
export const useConsent = (initial?: Snapshot): Snapshot => useFromStore(whole, initial, [])

/**
 * True only if the category, or the service, with this `id` is granted now.
 * The component re-renders only when that answer changes. `initial` as for
 * {@link useConsent}.
 * @example
 * import { useHas } from 'consentry/preact'
 * function Video({ initial }: { initial?: Snapshot }) {
 *   return useHas('youtube', initial) ? <iframe src="https://www.youtube-nocookie.com/embed/…" /> : <p>Allow YouTube to watch.</p>
 * }
 */
export const useHas = (id: string, initial?: Snapshot): boolean =>
  useFromStore((s) => granted(s, id), initial, [id])
