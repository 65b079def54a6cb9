/**
 * `consentry/strict`: the network guard for `blocking: 'strict'`, as a plugin,
 * so that sites that do not use strict mode do not carry it. Plug it in once,
 * before `init`: `use(strictBlocking)`. (The script tag has
 * `consentry.strict.min.js`, which includes it.)
 */
import { use } from './plugins/index.js'
import { strictBlocking } from './blocking/network.js'

export { strictBlocking }

/**
 * Plugs the network guard in (`use(strictBlocking)`): with `blocking:
 * 'strict'`, `fetch`, `XMLHttpRequest`, `sendBeacon`, `WebSocket` and images
 * to the hosts of a service without consent are refused (or held, with
 * `quarantine`).
 * @example
 * import { init } from 'consentry'
 * import { enableStrictBlocking } from 'consentry/strict'
 * enableStrictBlocking()
 * await init({ categories, blocking: 'strict', quarantine: true })
 */
export const enableStrictBlocking = (): void => void use(strictBlocking)
