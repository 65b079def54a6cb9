/**
 * `consentry/svelte`: the visitor's consent as Svelte stores, read with `$` in
 * a component. Nothing of Svelte's is imported: the stores keep Svelte's store
 * contract (`subscribe` calls back at once with the value and returns the
 * function that stops it; svelte.dev/docs/svelte/stores#Store-contract), so
 * they serve Svelte 3, 4 and 5, `get()` from `svelte/store`, and `derived`.
 * They follow the same store as `consentry` and `consentry/headless`, so
 * decisions made through either show here.
 */
import { follow, granted as grants, live, onServer, serverSnapshot, type Snapshot } from './shared.js'

export type { Snapshot }

/** Svelte's store contract, the readable half: what `$store` in a component needs. */
export interface Readable<T> {
  subscribe(run: (value: T) => void): () => void
}

/**
 * The current consent {@link Snapshot} as a readable store, a new object on
 * every change. `initial` is the snapshot the server rendered with (from
 * `readConsent` of `consentry/server`, passed down from a SvelteKit `load`):
 * pass it wherever the markup was server-rendered, so hydration renders the
 * same; the live store takes over right after (Svelte's `hydrate` renders
 * synchronously). Without it, a server render shows the undecided default,
 * never another request's state.
 * @example
 * <script>
 *   import { consent } from 'consentry/svelte'
 *   const choices = consent()
 * </script>
 * {#if !$choices.decided}<p>Please choose your cookie settings.</p>{/if}
 */
export const consent = (initial?: Snapshot): Readable<Snapshot> => ({
  subscribe(run) {
    let last: Snapshot | undefined
    const tell = (s: Snapshot) => s !== last && run((last = s))
    // A server render takes one picture: nothing to follow, and the store there is shared by every request.
    if (onServer()) return tell(serverSnapshot(initial)), () => {}
    if (!initial) return follow(() => tell(live()))
    tell(serverSnapshot(initial))
    let stop: (() => void) | undefined
    let stopped = false
    queueMicrotask(() => stopped || (stop = follow(() => tell(live(initial)))))
    return () => ((stopped = true), stop?.())
  },
})

/**
 * A readable store of whether the category, or the service, with this `id`
 * is granted now: it tells its subscribers only when that answer changes.
 * `initial` as for {@link consent}.
 * @example
 * <script>
 *   import { granted } from 'consentry/svelte'
 *   const videos = granted('youtube')
 * </script>
 * {#if $videos}<iframe src="https://www.youtube-nocookie.com/embed/…" title="…"></iframe>{/if}
 */
export const granted = (id: string, initial?: Snapshot): Readable<boolean> => ({
  subscribe(run) {
    let last: boolean | undefined
    return consent(initial).subscribe((s) => {
      const now = grants(s, id)
      if (now !== last) run((last = now))
    })
  },
})
