/**
 * The GPP and USP stubs (GPP CMP API §"Stub", USP API §"Stub"): tiny
 * stand-ins that make `__gpp` and `__uspapi` exist from the first script on
 * the page, so ad and analytics tags that load before Consentry can call them.
 * Generic GPP commands answer at once ("not ready" yet); listeners and other
 * calls are kept and handed over when Consentry loads (`__gpp()` returns the
 * queued calls, `__gpp('events')` the listeners; `__uspapi()` the USP calls).
 * Frames asking through `__gppLocator` / `__uspapiLocator` are queued the same way.
 *
 * Script tag: put `consentry-stub.min.js` first in `<head>`, synchronously.
 * npm: call `installStubs()` before any vendor code runs.
 */
type Fn = (...a: any[]) => any

/** Installs both stubs unless the APIs exist already; safe to call twice. */
export const installStubs = (): void => {
  const w = window as unknown as Record<string, Fn | undefined>
  const frame = (name: string): void => {
    if (window.frames[name as unknown as number]) return
    if (!document.body) return void setTimeout(frame, 9, name)
    const f = document.createElement('iframe')
    f.name = f.title = name
    f.hidden = true
    document.body.append(f)
  }
  /** Answers frames' `{ [call]: {…} }` messages through the (stub or real) API `api`. */
  const relay = (api: string, call: string, ret: string, run: (c: any, reply: Fn) => void) => {
    addEventListener('message', (e) => {
      const text = typeof e.data == 'string'
      let d: any
      try {
        d = text ? JSON.parse(e.data) : e.data
      } catch {
        return
      }
      const c = d && d[call]
      if (c && typeof c == 'object' && e.source && typeof w[api] == 'function')
        run(c, (returnValue: unknown, success: boolean) => {
          const m = { [ret]: { returnValue, success, callId: c.callId } }
          ;(e.source as Window).postMessage(text ? JSON.stringify(m) : m, '*')
        })
    })
    frame(api + 'Locator')
  }
  if (typeof w.__gpp != 'function') {
    const queue: unknown[][] = []
    const events: { id: number; callback: Fn; parameter: unknown }[] = []
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
    w.__gpp = function (cmd?: string, cb?: Fn, param?: unknown) {
      if (!arguments.length || cmd == 'queue') return queue
      if (cmd == 'events') return events
      const done = typeof cb == 'function' ? cb : () => {}
      if (cmd == 'ping') done(ping(), true)
      else if (cmd == 'addEventListener') {
        events.push({ id: ++id, callback: done, parameter: param })
        done({ eventName: 'listenerRegistered', listenerId: id, data: true, pingData: ping() }, true)
      } else if (cmd == 'removeEventListener') {
        const i = events.findIndex((l) => l.id == param)
        if (i >= 0) events.splice(i, 1)
        done({ eventName: 'listenerRemoved', listenerId: param, data: i >= 0, pingData: ping() }, true)
      } else if (cmd == 'hasSection' || cmd == 'getSection' || cmd == 'getField') done(null, true)
      else queue.push([].slice.call(arguments))
    }
    relay('__gpp', '__gppCall', '__gppReturn', (c, reply) => w.__gpp!(c.command, reply, c.parameter, c.version))
  }
  if (typeof w.__uspapi != 'function') {
    const queue: unknown[][] = []
    w.__uspapi = function () {
      if (!arguments.length) return queue
      queue.push([].slice.call(arguments))
    }
    relay('__uspapi', '__uspapiCall', '__uspapiReturn', (c, reply) => w.__uspapi!(c.command, c.version, reply))
  }
}
