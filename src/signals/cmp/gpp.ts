/**
 * `window.__gpp`: the IAB GPP 1.1 CMP API (Core/CMP API Specification v1.1),
 * answering from the visitor's state. Generic commands answer synchronously;
 * the events follow the spec's order — `signalStatus: 'not ready'` first,
 * then `cmpDisplayStatus` / `sectionChange`, `signalStatus: 'ready'` last
 * (§"Events"). Calls and listeners a stub collected before this loaded are
 * adopted, none lost (the `__gpp()` / `__gpp('events')` hand-off).
 *
 * Everything it is asked comes from outside code: sections and fields are
 * looked up as own keys only (`constructor` is no section), every call with a
 * callback is answered — `null` / `false` for what is not there — and nothing
 * a caller passes or a callback throws escapes to the page.
 */
import type { Fields, SectionName } from './state.js'
import { SECTION_ID } from './state.js'
import { answer, answerFrames, locator, MAX_KEPT } from './frames.js'

export type CmpDisplayStatus = 'visible' | 'hidden' | 'disabled' | null

/** What the API publishes at a moment: derived by the caller from the stores. */
export interface GppState {
  gppString: string
  /** Section ids in the string (the header's). */
  sectionList: number[]
  /** In force now: one id, or `[-1]` when no section applies (outside the US). */
  applicableSections: number[]
  /** Field values by prefix (core and `Gpc` together); the API gives them as sub-sections. */
  sections: Partial<Record<SectionName, Fields>>
  cmpDisplayStatus: CmpDisplayStatus
}

/** One sub-section of a section as `getSection` gives it: its fields by the spec's names. */
export type SubSection = Record<string, number | number[] | boolean>

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
  /** Prefix → the section's sub-sections, as `getSection` gives them. */
  parsedSections: Record<string, SubSection[]>
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
}
type GppFunction = ((command?: unknown, callback?: unknown, parameter?: unknown, version?: unknown) => void) & { consentry?: true }

const SUPPORTED = Object.entries(SECTION_ID).map(([name, id]) => `${id}:${name}`)

/**
 * A section as the CMP API gives it (§"getSection": "an array of objects,
 * where each object represents one sub-section of this section in the order
 * that is given by the section specification"): the core sub-section, then
 * the GPC sub-section (`SubsectionType: 1`) where the section has one. Fresh
 * copies every time: readers may change what they get (Prebid's `flatSection`
 * merges the sub-sections into the first), never our state.
 */
const subSections = (f: Fields): SubSection[] => {
  const core: SubSection = {}
  for (const [k, v] of Object.entries(f)) if (k != 'Gpc') core[k] = Array.isArray(v) ? [...v] : v
  return typeof f.Gpc == 'boolean' ? [core, { SubsectionType: 1, Gpc: f.Gpc }] : [core]
}

/** A listener id from outside: a positive integer (or its string), else 0, which no listener has. */
const listenerId = (x: unknown): number => {
  const n = typeof x == 'number' ? x : typeof x == 'string' && x.length < 20 ? Number(x) : 0
  return Number.isInteger(n) && n > 0 ? n : 0
}

/**
 * Installs `window.__gpp` with `state` as the first answer. Returns `update`,
 * to call with each new state (it fires the events in order), and `stop`.
 */
export const startGpp = (state: GppState, cmpId: number) => {
  const w = window as unknown as { __gpp?: GppFunction }
  const stub = w.__gpp
  /** The stub's queue (no argument) and listeners (`'events'`); anything else — or a stub that throws — hands over nothing. */
  const handOff = (...a: unknown[]): unknown[] => {
    try {
      const x = typeof stub == 'function' ? stub(...a) : null
      return Array.isArray(x) ? x.slice(0, MAX_KEPT) : []
    } catch {
      return []
    }
  }
  const queued = handOff()
  const listeners: Listener[] = handOff('events')
    .filter((x): x is Listener => !!x && typeof (x as Listener).id == 'number' && typeof (x as Listener).callback == 'function')
    .map((x) => ({ id: x.id, callback: x.callback }))
  let lastId = Math.max(0, ...listeners.map((l) => l.id))
  let now = state
  let signal: PingReturn['signalStatus'] = 'not ready'

  const ping = (): PingReturn => ({
    gppVersion: '1.1',
    cmpStatus: 'loaded',
    cmpDisplayStatus: now.cmpDisplayStatus,
    signalStatus: signal,
    supportedAPIs: [...SUPPORTED],
    cmpId,
    sectionList: [...now.sectionList],
    applicableSections: [...now.applicableSections],
    gppString: now.gppString,
    parsedSections: Object.fromEntries(Object.entries(now.sections).map(([k, f]) => [k, subSections(f!)])),
  })
  const fire = (eventName: string, data: unknown) => {
    for (const l of [...listeners]) answer(l.callback, { eventName, listenerId: l.id, data, pingData: ping() } satisfies GppEvent, true)
  }
  /** The section named by an API prefix: an own key of the state, nothing inherited. */
  const section = (prefix: unknown): Fields | null =>
    typeof prefix == 'string' && Object.hasOwn(now.sections, prefix) ? now.sections[prefix as SectionName]! : null
  /** `"<prefix>.<FieldName>"` (§"getField"): the field from whichever sub-section has it, or null. */
  const field = (path: unknown) => {
    const m = typeof path == 'string' && path.length < 100 ? /^(\w+)\.(\w+)$/.exec(path) : null
    const f = m && section(m[1])
    for (const sub of f ? subSections(f) : []) if (Object.hasOwn(sub, m![2]!)) return sub[m![2]!]
    return null
  }

  const api: GppFunction = (command, callback, parameter) => {
    // Nothing to answer to without a callback (§"How does the CMP provide the API?": it must be a function).
    if (typeof callback != 'function') return
    const cb = callback as Callback
    switch (command) {
      case 'ping':
        return answer(cb, ping(), true)
      case 'addEventListener': {
        if (listeners.length >= MAX_KEPT) return answer(cb, { eventName: 'listenerRegistered', listenerId: 0, data: false, pingData: ping() }, true)
        const l = { id: ++lastId, callback: cb }
        listeners.push(l)
        return answer(cb, { eventName: 'listenerRegistered', listenerId: l.id, data: true, pingData: ping() }, true)
      }
      case 'removeEventListener': {
        const id = listenerId(parameter)
        const i = listeners.findIndex((l) => l.id === id)
        if (i >= 0) listeners.splice(i, 1)
        return answer(cb, { eventName: 'listenerRemoved', listenerId: id, data: i >= 0, pingData: ping() }, true)
      }
      case 'hasSection':
        return answer(cb, !!section(parameter), true)
      case 'getSection': {
        const f = section(parameter)
        return answer(cb, f && subSections(f), true)
      }
      case 'getField':
        return answer(cb, field(parameter), true)
      default:
        // No section defines commands of its own here: an unknown command fails, it does not hang.
        return answer(cb, null, false)
    }
  }
  api.consentry = true
  w.__gpp = api
  // Frames are answered here from now on (a stub's relay answers only while the stub is on the page).
  const frames = answerFrames('__gppCall', '__gppReturn', (c, reply) => api(c.command, reply, c.parameter))
  locator('__gppLocator')

  // The load itself is a chain: loaded, the display state, the section, and ready last.
  fire('signalStatus', 'not ready')
  fire('cmpStatus', 'loaded')
  // Only where a consent layer is displayed (CMP API §"Events": cmpDisplayStatus).
  if (now.cmpDisplayStatus) fire('cmpDisplayStatus', now.cmpDisplayStatus)
  for (const prefix of Object.keys(now.sections)) fire('sectionChange', prefix)
  signal = 'ready'
  fire('signalStatus', 'ready')
  for (const args of queued) if (Array.isArray(args)) api(args[0], args[1], args[2], args[3])

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
