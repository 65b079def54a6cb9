/**
 * What `consentry/preact` and `consentry/react` share: the store they follow
 * and what they show before it knows anything. Built on the store module only,
 * never on `src/ui`, so the hooks serve `consentry/headless` pages as well.
 */
import { granted } from '../api/query.js'
import { $config, $snapshot, snapshotOf, type Snapshot } from '../store/index.js'

export { granted }
export type { Snapshot }

/**
 * The store's own starting value: no config, no decision. A constant rather
 * than `$snapshot.get()` because on a server the store is one module shared by
 * every request; reading it there could show one visitor another's decision.
 */
export const UNDECIDED: Snapshot = snapshotOf(null, null, false, 0)

/** What the server renders, and what hydration must render to match it. */
export const serverSnapshot = (initial: Snapshot | undefined): Snapshot => initial ?? UNDECIDED

/**
 * The snapshot to show in the browser now. Until `init` has run the store
 * knows nothing (no categories at all), so the server's reading, when there is
 * one, stays in place: calling `init` in an effect after hydration then causes
 * no flash of "undecided". Returns the same object while nothing changes, as
 * `useSyncExternalStore` requires.
 */
export const live = (initial?: Snapshot): Snapshot => ($config.get() ? $snapshot.get() : serverSnapshot(initial))

/**
 * Calls `onChange` after every change of the snapshot (not at once) and
 * returns the unsubscribe function: the shape `useSyncExternalStore` expects.
 */
export const subscribe = (onChange: () => void): (() => void) => $snapshot.listen(onChange)

/** As {@link subscribe}, but also calls `onChange` at once. */
export const follow = (onChange: () => void): (() => void) => $snapshot.subscribe(onChange)

/** No DOM: a server render (Node, edge). Only `typeof`, so nothing is touched. */
export const onServer = (): boolean => typeof document == 'undefined'
