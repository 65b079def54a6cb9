/**
 * `window.__gpp`: the IAB GPP 1.1 CMP API (Core/CMP API Specification v1.1),
 * answering from the visitor's state. Generic commands answer synchronously;
 * the events follow the spec's order — `signalStatus: 'not ready'` first,
 * then `cmpDisplayStatus` / `sectionChange`, `signalStatus: 'ready'` last
 * (§"Events"). Calls and listeners a stub collected before this loaded are
 * adopted, none lost (the `__gpp()` / `__gpp('events')` hand-off).
 */
import type { Fields, SectionName } from './state.js'
import { SECTION_ID } from './state.js'
import { answerFrames, locator } from './frames.js'

export type CmpDisplayStatus = 'visible' | 'hidden' | 'disabled' | null

/** What the API publishes at a moment: derived by the caller from the stores. */
export interface GppState {
  gppString: string
  /** Section ids in the string (the header's). */
  sectionList: number[]
  /** In force now: one id, or `[-1]` when no section applies (outside the US). */
  applicableSections: number[]
  /** Parsed sections by prefix, as `getSection` returns them. */
  sections: Partial<Record<SectionName, Fields>>
  cmpDisplayStatus: CmpDisplayStatus
}

export interface PingReturn {
  gppVersion: '1.1'
  cmpStatus: 'stub' | 'loading' | 'loaded' | 'error'
  cmpDisplayStatus: CmpDisplayStatus
  signalStatus: 'not ready' | 'ready'
  supportedAPIs: string[]
  cmpId: number
  sectionList: number[]
  applicableSections: number[]
  gppString: string
  parsedSections: Record<string, Fields>
}

export interface GppEvent {
  eventName: string
  listenerId: number
  data: unknown
  pingData: PingReturn
}

type Callback = (data: unknown, success: boolean) => void
interface Listener {
  id: number
  callback: Callback
  parameter?: unknown
}
type GppFunction = ((command?: string, callback?: Callback, parameter?: unknown, version?: string) => unknown) & { consentry?: true }

const SUPPORTED = Object.entries(SECTION_ID).map(([name, id]) => `${id}:${name}`)

/**
 * Installs `window.__gpp` with `state` as the first answer. Returns `update`,
 * to call with each new state (it fires the events in order), and `stop`.
 */
export const startGpp = (state: GppState, cmpId: number) => {
  const w = window as unknown as { __gpp?: GppFunction }
  const stub = w.__gpp
  // The stub's queue and listeners (its no-argument and 'events' hand-off); anything else is no stub of ours.
  const queued = typeof stub == 'function' ? asArray(stub()) : []
  const adopted = typeof stub == 'function' ? asArray(stub('events')) : []
  const listeners: Listener[] = adopted.filter(isListener)
  let lastId = Math.max(0, ...listeners.map((l) => l.id))
  let now = state
  let signal: PingReturn['signalStatus'] = 'not ready'

  const ping = (): PingReturn => ({
    gppVersion: '1.1',
    cmpStatus: 'loaded',
    cmpDisplayStatus: now.cmpDisplayStatus,
    signalStatus: signal,
    supportedAPIs: SUPPORTED,
    cmpId,
    sectionList: now.sectionList,
    applicableSections: now.applicableSections,
    gppString: now.gppString,
    parsedSections: { ...now.sections },
  })
  const fire = (eventName: string, data: unknown) => {
    for (const l of [...listeners]) {
      try {
        l.callback({ eventName, listenerId: l.id, data, pingData: ping() } satisfies GppEvent, true)
      } catch (e) {
        // One vendor's failing listener must not stop the others.
        console.error(e)
      }
    }
  }
  const field = (path: unknown) => {
    const [prefix, name] = String(path).split('.')
    const fields = now.sections[prefix as SectionName]
    return fields && name && name in fields ? fields[name] : null
  }

  const api: GppFunction = (command, callback, parameter) => {
    const cb: Callback = typeof callback == 'function' ? callback : () => {}
    switch (command) {
      case 'ping':
        return cb(ping(), true)
      case 'addEventListener': {
        const l = { id: ++lastId, callback: cb, parameter }
        listeners.push(l)
        return cb({ eventName: 'listenerRegistered', listenerId: l.id, data: true, pingData: ping() }, true)
      }
      case 'removeEventListener': {
        const i = listeners.findIndex((l) => l.id === Number(parameter))
        if (i >= 0) listeners.splice(i, 1)
        return cb({ eventName: 'listenerRemoved', listenerId: Number(parameter), data: i >= 0, pingData: ping() }, true)
      }
      case 'hasSection':
        return cb(String(parameter) in now.sections, true)
      case 'getSection':
        return cb(now.sections[String(parameter) as SectionName] ?? null, true)
      case 'getField':
        return cb(field(parameter), true)
      default:
        // No section defines commands of its own here: an unknown command fails, it does not hang.
        return cb(null, false)
    }
  }
  api.consentry = true
  w.__gpp = api
  // A stub of ours already answers frames and placed the locator; without one, do both here.
  const frames = typeof stub == 'function' ? () => {} : answerFrames('__gppCall', '__gppReturn', (c, reply) => api(c.command as string, reply, c.parameter))
  locator('__gppLocator')

  // The load itself is a chain: loaded, the display state, the section, and ready last.
  fire('signalStatus', 'not ready')
  fire('cmpStatus', 'loaded')
  // Only where a consent layer is displayed (CMP API §"Events": cmpDisplayStatus).
  if (now.cmpDisplayStatus) fire('cmpDisplayStatus', now.cmpDisplayStatus)
  for (const prefix of Object.keys(now.sections)) fire('sectionChange', prefix)
  signal = 'ready'
  fire('signalStatus', 'ready')
  for (const args of queued) if (Array.isArray(args)) api(...(args as Parameters<GppFunction>))

  return {
    update(next: GppState): void {
      const before = now
      const sectionsChanged = next.gppString != before.gppString
      const display = next.cmpDisplayStatus != before.cmpDisplayStatus
      if (!sectionsChanged && !display) return
      signal = 'not ready'
      fire('signalStatus', 'not ready')
      now = next
      if (display) fire('cmpDisplayStatus', next.cmpDisplayStatus)
      if (sectionsChanged) for (const prefix of new Set([...Object.keys(before.sections), ...Object.keys(next.sections)])) fire('sectionChange', prefix)
      signal = 'ready'
      fire('signalStatus', 'ready')
    },
    stop(): void {
      frames()
      if (w.__gpp === api) delete w.__gpp
    },
  }
}

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : [])
const isListener = (x: unknown): x is Listener =>
  !!x && typeof (x as Listener).id == 'number' && typeof (x as Listener).callback == 'function'
