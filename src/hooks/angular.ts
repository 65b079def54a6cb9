/**
 * `consentry/angular`: the visitor's consent as Angular signals. Angular is a
 * peer dependency (not bundled); the signals follow the same store as
 * `consentry` and `consentry/headless`, so decisions made through either show
 * here. Call them in an injection context (a component's or a service's field
 * initialiser or constructor, or `runInInjectionContext`): they stop following
 * the store when that context is destroyed (`DestroyRef`).
 *
 * Plain functions, no decorators: nothing here needs the Angular compiler, so
 * the same file serves AOT and JIT builds alike, zoneless or with zone.js, from
 * Angular 18 on: from 18 a signal set outside Angular's zone (a decision from
 * another tab, a call from a tag) schedules change detection in a zone.js app
 * too; on 17 such a view waited for some other event. A template that reads a
 * signal is marked for check when it changes, and a `computed` tells its readers
 * only when its value changes (angular.dev/guide/signals), so a template that
 * reads {@link injectHas} is checked again only when that answer flips.
 */
import { afterNextRender, assertInInjectionContext, computed, DestroyRef, inject, PLATFORM_ID, signal, type Signal } from '@angular/core'
import { follow, granted, live, onServer, serverSnapshot, type Snapshot } from './shared.js'

export type { Snapshot }

/**
 * Angular's server render (`@angular/ssr`, platform-server), whether or not its
 * DOM emulation is global: `PLATFORM_ID` is `'server'` there. Not provided
 * outside an application (a bare `Injector.create`): then only the `document`
 * check of the other adapters tells.
 */
const serverRender = () => onServer() || inject(PLATFORM_ID, { optional: true }) === 'server'

/**
 * The current consent {@link Snapshot} as a read-only signal, replaced (never
 * mutated) on every change. `initial` is the snapshot the server rendered with
 * (from `readConsent` of `consentry/server`, for example passed through
 * `TransferState`): pass it wherever the markup was server-rendered, so
 * hydration finds what the server drew; the live store takes over after the
 * first render (`afterNextRender`). Without it, a server render shows the
 * undecided default, never another request's state.
 * @example
 * // A component's field; its template: @if (!consent().decided) { <p>Please choose your cookie settings.</p> }
 * export class Notice {
 *   consent = injectConsent()
 * }
 */
export const injectConsent = (initial?: Snapshot): Signal<Snapshot> => {
  // Outside an injection context, Angular's own NG0203 naming this function, rather than one about `inject`.
  assertInInjectionContext(injectConsent)
  const server = serverRender()
  const state = signal(initial || server ? serverSnapshot(initial) : live())
  // A server render takes one picture: nothing to follow, and the store there is shared by every request.
  if (!server) {
    let stop: (() => void) | undefined
    let destroyed = false
    // follow() calls back at once: with `initial` (a hydration) only after the first render, whose DOM must be
    // the server's (Angular's hydration reuses it node for node; a block that flipped before it would not match).
    const start = () => destroyed || (stop = follow(() => state.set(live(initial))))
    if (initial) afterNextRender(start)
    else start()
    inject(DestroyRef).onDestroy(() => ((destroyed = true), stop?.()))
  }
  return state.asReadonly()
}

/**
 * True only if the category, or the service, with this `id` is granted now,
 * as a read-only signal that changes only when that answer changes. `id` may
 * be a signal (an `input()`, say) or any function returning one. `initial` as
 * for {@link injectConsent}.
 * @example
 * // A component's field; its template: @if (videos()) { <iframe src="https://www.youtube-nocookie.com/embed/…" title="…"></iframe> }
 * export class Video {
 *   videos = injectHas('youtube')
 * }
 */
export const injectHas = (id: string | (() => string), initial?: Snapshot): Signal<boolean> => {
  assertInInjectionContext(injectHas)
  const consent = injectConsent(initial)
  return computed(() => granted(consent(), typeof id == 'function' ? id() : id))
}
