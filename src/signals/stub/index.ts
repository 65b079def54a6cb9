/**
 * The GPP and USP stubs (GPP CMP API §"Stub", USP API §"Stub"): tiny
 * stand-ins that make `__gpp` and `__uspapi` exist from the first script on
 * the page, so ad and analytics tags that load before Consentry can call them.
 * Generic GPP commands answer at once ("not ready" yet); listeners and other
 * calls are kept and handed over when Consentry loads (`__gpp()` returns the
 * queued calls, `__gpp('events')` the listeners; `__uspapi()` the USP calls).
 * Frames asking through `__gppLocator` / `__uspapiLocator` are queued the same
 * way; once Consentry takes over, it answers frames itself.
 *
 * What is kept is bounded (`MAX_KEPT` calls per API, as many listeners): past
 * it a call is answered at once with `null` / `false`. Nothing a frame sends
 * escapes to the page as an error; a callback runs in its caller's own call.
 *
 * Script tag: put `consentry-stub.min.js` first in `<head>`, synchronously.
 * npm: call `installStubs()` before any vendor code runs.
 */
import { answerFrames, locator, MAX_KEPT } from '../cmp/frames.js'

type Fn = (...a: any[]) => any

/** Installs both stubs unless the APIs exist already; safe to call twice. */
export const installStubs = (): void => {
  const w = window as unknown as Record<string, Fn | undefined>
  /** Answers frames' calls while this stub is the API on the page; Consentry answers them itself once it takes over. */
  const relay = (api: string, run: (c: Record<string, unknown>, reply: Fn) => void) => {
    const stub = w[api]
    answerFrames(api + 'Call', api + 'Return', (c, reply) => w[api] === stub && run(c, reply))
    locator(api + 'Locator')
  }
  if (typeof w.__gpp != 'function') {
    const queue: unknown[][] = []
    const events: { id: number; callback: Fn }[] = []
    let id = 0
    const ping = () => ({
      gppVersion: '1.1',
      cmpStatus: 'stub',
      cmpDisplayStatus: null,
      signalStatus: 'not ready',
      supportedAPIs: ['7:usnat', '8:usca', '9:usva', '10:usco', '12:usct'],
      cmpId: 0,
      sectionList: [],
      applicableSections: [0],
      gppString: '',
      parsedSections: {},
    })
    const event = (eventName: string, listenerId: number, data: boolean) => ({ eventName, listenerId, data, pingData: ping() })
    w.__gpp = function (cmd?: unknown, cb?: unknown, param?: unknown) {
      // The hand-off to Consentry (and @iabgpp/cmpapi) is called without a callback.
      if (typeof cb != 'function') return !arguments.length || cmd === 'queue' ? queue : cmd === 'events' ? events : undefined
      // The caller's own callback runs in the caller's own call: what it throws is the caller's.
      const done = cb as Fn
      if (cmd === 'ping') done(ping(), true)
      else if (cmd === 'addEventListener') {
        const ok = events.length < MAX_KEPT && events.push({ id: ++id, callback: done })
        done(event('listenerRegistered', ok ? id : 0, !!ok), true)
      } else if (cmd === 'removeEventListener') {
        const i = events.findIndex((l) => l.id === param)
        const removed = i >= 0 ? events.splice(i, 1)[0]!.id : 0
        done(event('listenerRemoved', removed, !!removed), true)
      } else if (cmd === 'hasSection' || cmd === 'getSection' || cmd === 'getField') done(null, true)
      else if (queue.length < MAX_KEPT) queue.push([cmd, done, param])
      else done(null, false)
    }
    relay('__gpp', (c, reply) => w.__gpp!(c.command, reply, c.parameter))
  }
  if (typeof w.__uspapi != 'function') {
    const queue: unknown[][] = []
    w.__uspapi = function (cmd?: unknown, version?: unknown, cb?: unknown) {
      if (!arguments.length) return queue
      if (typeof cb != 'function') return
      if (queue.length < MAX_KEPT) queue.push([cmd, version, cb])
      else (cb as Fn)(null, false)
    }
    relay('__uspapi', (c, reply) => w.__uspapi!(c.command, c.version, reply))
  }
}
