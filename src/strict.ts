/**
 * `consentry/strict`: the network guard for `blocking: 'strict'`, as an
 * add-on, so that sites that do not use strict mode do not carry it. Call
 * `enableStrictBlocking()` once, before `init`. (The script tag has
 * `consentry.strict.min.js`, which includes it.)
 */
import { useNetworkGuard } from './blocking/index.js'
import { strictBlocking } from './blocking/network.js'

/**
 * Plugs the network guard in: with `blocking: 'strict'`, `fetch`,
 * `XMLHttpRequest`, `sendBeacon`, `WebSocket` and images to the hosts of a
 * service without consent are refused (or held, with `quarantine`).
 * @example
 * import { init } from 'consentry'
 * import { enableStrictBlocking } from 'consentry/strict'
 * enableStrictBlocking()
 * await init({ categories, blocking: 'strict', quarantine: true })
 */
export const enableStrictBlocking = (): void => useNetworkGuard(strictBlocking)
