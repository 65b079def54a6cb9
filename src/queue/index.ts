import { on } from '../api/index.js'
import { $config } from '../store/index.js'

/** A queued call: `['set', { analytics: true }]`, the `arguments` of a stub function, or `(api) => …`. */
export type Command = ArrayLike<unknown> | ((api: object) => void)

/** Where script-tag users queue calls before Consentry has loaded. */
export interface QueueHost {
  consentryQueue?: unknown
}

// Decisions need a config; queued before `init`, they wait for it.
const NEEDS_INIT = ['acceptAll', 'rejectAll', 'set', 'optOut', 'reset']

/**
 * Runs the calls a page queued in `window.consentryQueue` before this script
 * loaded, in order, then makes the same array's `push` run calls at once (the
 * `dataLayer` convention, so a saved reference to the array keeps working).
 * Nothing queued is lost or run twice:
 *
 * ```html
 * <script>
 *   window.consentryQueue = window.consentryQueue || []
 *   consentryQueue.push(['on', 'change', (s) => console.log(s)])
 *   consentryQueue.push(['whenGranted', 'analytics', () => loadAnalytics()])
 * </script>
 * ```
 * A function as the last element of a call that returns a promise receives its
 * result. A failing call is logged and does not stop the ones after it.
 */
export const adoptQueue = (api: Record<string, unknown>, host: QueueHost): void => {
  const pending: Command[] = []
  const run = (cmd: Command): void => {
    try {
      if (typeof cmd === 'function') return void cmd(api)
      const [name, ...args] = Array.from(cmd)
      const fn = api[name as string]
      if (typeof fn !== 'function') throw new TypeError(`[consentry] unknown command "${String(name)}"`)
      if (NEEDS_INIT.includes(name as string) && !$config.get()) return void pending.push(cmd)
      const result: unknown = fn(...args)
      if (result instanceof Promise) {
        const cb = args[args.length - 1]
        result.then(typeof cb === 'function' ? (cb as (v: unknown) => void) : undefined).catch(console.error)
      }
    } catch (e) {
      console.error(e)
    }
  }
  // After every `ready` listener and the `consentry:ready` event have seen the
  // state `init` restored, so the decisions come to them as changes.
  on('ready', () => queueMicrotask(() => pending.splice(0).forEach(run)))
  const queue: Command[] = Array.isArray(host.consentryQueue) ? host.consentryQueue : []
  const queued = queue.splice(0)
  queue.push = (...cmds: Command[]) => (cmds.forEach(run), 0)
  host.consentryQueue = queue
  queued.forEach(run)
}
