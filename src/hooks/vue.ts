/**
 * `consentry/vue`: the visitor's consent as Vue 3 composables. Vue is a peer
 * dependency (not bundled); the composables follow the same store as
 * `consentry` and `consentry/headless`, so decisions made through either show
 * here. Call them in `setup()` (or `<script setup>`): they stop following the
 * store when the component's effect scope ends.
 */
import { computed, getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, shallowRef, toValue, type ComputedRef, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { follow, granted, live, onServer, serverSnapshot, type Snapshot } from './shared.js'

export type { Snapshot }

/**
 * The current consent {@link Snapshot} as a read-only ref, replaced (never
 * mutated) on every change. `initial` is the snapshot the server rendered with
 * (from `readConsent` of `consentry/server`): pass it wherever the markup was
 * server-rendered, so the hydration render matches; the live store takes over
 * once the component is mounted (and `init` has run). Without it, a server
 * render shows the undecided default (never another request's state).
 * @example
 * <script setup lang="ts">
 * import { useConsent } from 'consentry/vue'
 * const consent = useConsent()
 * </script>
 * <template><p v-if="!consent.decided">Please choose your cookie settings.</p></template>
 */
export const useConsent = (initial?: Snapshot): Readonly<ShallowRef<Snapshot>> => {
  const state = shallowRef(initial || onServer() ? serverSnapshot(initial) : live())
  // A server render takes one picture: nothing to follow, and the store there is shared by every request.
  if (!onServer()) {
    let stop: (() => void) | undefined
    // follow() calls back at once; with `initial` (a hydration) only once mounted, so the first render is the
    // server's markup, as Vue's hydration requires.
    const start = () => (stop = follow(() => (state.value = live(initial))))
    if (initial && getCurrentInstance()) onMounted(start)
    else start()
    if (getCurrentScope()) onScopeDispose(() => stop?.())
  }
  return state
}

/**
 * True only if the category, or the service, with this `id` (a string, a ref
 * or a getter) is granted now, as a read-only computed ref: what depends on
 * it updates only when that answer changes. `initial` as for {@link useConsent}.
 * @example
 * <script setup lang="ts">
 * import { useHas } from 'consentry/vue'
 * const videos = useHas('youtube')
 * </script>
 * <template><iframe v-if="videos" src="https://www.youtube-nocookie.com/embed/…" /></template>
 */
export const useHas = (id: MaybeRefOrGetter<string>, initial?: Snapshot): ComputedRef<boolean> => {
  const consent = useConsent(initial)
  return computed(() => granted(consent.value, toValue(id)))
}
