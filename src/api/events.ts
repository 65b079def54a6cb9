import { $snapshot, type Snapshot } from '../store/index.js'

/** Events `on()` accepts. */
export type ConsentryEvent = 'change' | 'ready'

type Listener = (snapshot: Snapshot) => void

const listeners: Record<ConsentryEvent, Set<Listener>> = { change: new Set(), ready: new Set() }
let ready = false

const call = (cb: Listener, snapshot: Snapshot) => {
  try {
    cb(snapshot)
  } catch (e) {
    // One faulty listener must not keep the others, or the page, from hearing consent.
    console.error(e)
  }
}

/**
 * Calls `cb` on each real change of consent (`'change'`), or once when Consentry
 * is ready (`'ready'`; at once, with the snapshot as it is now, if it already is).
 * Returns an unsubscribe function.
 * @example const off = Consentry.on('change', (s) => s.categories.analytics && startAnalytics())
 */
export const on = (event: ConsentryEvent, cb: Listener): (() => void) => {
  const set = listeners[event]
  if (!set || typeof cb !== 'function') return () => {}
  // A late listener hears the decision as it is now, not as it was at start-up:
  // a decision made in between would otherwise reach it neither as 'ready' nor as 'change'.
  if (event === 'ready' && ready) {
    call(cb, $snapshot.get())
    return () => {}
  }
  set.add(cb)
  return () => {
    set.delete(cb)
  }
}

/** Notifies `on()` listeners and dispatches `consentry:<event>` on window. */
export const emit = (event: ConsentryEvent, snapshot: Snapshot): void => {
  if (event === 'ready') ready = true
  for (const cb of [...listeners[event]]) call(cb, snapshot)
  if (event === 'ready') listeners.ready.clear()
  if (typeof dispatchEvent === 'function') dispatchEvent(new CustomEvent('consentry:' + event, { detail: snapshot }))
}

/** Test seam: drop every listener and forget readiness. */
export const resetEvents = (): void => {
  listeners.change.clear()
  listeners.ready.clear()
  ready = false
}
