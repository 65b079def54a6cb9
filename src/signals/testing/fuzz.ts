/**
 * What the US signals' fuzz files send and check (issue #14): arbitraries for the calls outside code and other
 * frames make, and an oracle, independent of our code, for what an answer may claim: what @iabgpp/cmpapi decodes
 * from the published GPP string. `FUZZ_RUNS` cases each (10,000 by default, as in src/testing/fuzz.ts).
 */
import { afterAll, beforeEach, expect, vi } from 'vitest'
import fc from 'fast-check'
import { GppModel } from '@iabgpp/cmpapi'
import { init, type ConsentryConfig } from '../../headless.js'
import { useEnv } from '../../env/index.js'
import { freshPage, happyDomLoadsNothing } from '../../testing/index.js'
import { MAX_MESSAGE } from '../cmp/frames.js'
import { startSignals } from '../index.js'

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
/** Long runs take minutes: allow ~3 ms a case on a loaded machine. */
export const TIMEOUT = 60_000 + RUNS * 3
type Api = (...a: unknown[]) => unknown
export const w = window as unknown as { __gpp?: Api; __uspapi?: Api }

export const SITE = {
  mode: 'auto' as const,
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}

// ---- what outside code sends ----------------------------------------------------------------------------------------

export const PREFIXES = ['usnat', 'usca', 'usva', 'usco', 'usct', 'uspv1', 'tcfeuv2', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype', '']
export const FIELDS = ['SaleOptOut', 'Gpc', 'SubsectionType', 'GpcSegmentType', 'Version', 'SensitiveDataProcessing', 'MspaCoveredTransaction', 'constructor', 'name', '__proto__', 'toString', 'length', '']
export const GPP_COMMANDS = ['ping', 'addEventListener', 'removeEventListener', 'hasSection', 'getSection', 'getField', 'events', 'queue', 'getGPPData', 'usnat.getSection', 'constructor', '__proto__', 'toString']
export const huge = fc.constantFrom('x'.repeat(MAX_MESSAGE + 10), 'usnat.'.repeat(30_000), '.'.repeat(200_000))
export const parameter = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PREFIXES) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...FIELDS), fc.constantFrom('', '.x', '.')).map(([p, f, x]) => `${p}.${f}${x}`) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 2000 }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: huge },
)
export const command = (known: string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) })
export const callId = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 4, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
)
export const version = fc.oneof(fc.constantFrom('1.1', 1, '1', 2, undefined), fc.anything({ maxDepth: 1 }))
/** A call body with any of its fields missing, and sometimes extra ones. */
export const body = (commands: string[]) =>
  fc.record({ command: command(commands), parameter, version, callId, extra: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] })
/** How the message travels: an object as the browser delivers it (structured-cloned), the same object as page code dispatches it, or JSON text. */
export const form = fc.constantFrom('cloned', 'raw', 'json')

/** The message as sent in `how`, or null when it cannot travel that way (a BigInt in JSON, a function through postMessage). */
export const encode = (msg: object, how: string): unknown => {
  try {
    return how == 'json' ? JSON.stringify(msg) : how == 'cloned' ? structuredClone(msg) : msg
  } catch {
    return null
  }
}

/** Dispatches `data` as a frame's message; every reply, parsed back if it came as JSON. Throws if the page would see an error. */
export const deliver = (data: unknown) => {
  const replies: unknown[] = []
  const frame = { postMessage: (m: unknown) => replies.push(typeof m == 'string' ? JSON.parse(m) : structuredClone(m)) }
  window.dispatchEvent(new MessageEvent('message', { data, source: frame as unknown as Window }))
  return replies as Record<string, { returnValue: any; success: boolean; callId: unknown }>[]
}

/** The callId the frame gets back: as sent (after its own trip through JSON or cloning), or no reply at all for a callId the spec does not allow. */
export const expectedCallId = (sent: unknown): { answered: boolean; callId?: unknown } => {
  const ok = sent == null || typeof sent == 'string' || typeof sent == 'number'
  return ok ? { answered: true, callId: sent } : { answered: false }
}

// ---- the oracle: what the state holds, read from the published string by @iabgpp/cmpapi ---------------------------

export interface Truth {
  gppString: string
  /** Prefix → the spec's sub-sections. */
  sections: Record<string, Record<string, unknown>[]>
}
export const truthOf = (gppString: string): Truth => {
  const sections: Truth['sections'] = {}
  const model = new GppModel(gppString)
  for (const id of model.getSectionIds()) {
    const name = ({ 7: 'usnat', 8: 'usca', 9: 'usva', 10: 'usco', 12: 'usct' } as Record<number, string>)[id]!
    const { GpcSegmentType, Gpc, ...core } = model.getSection(name) as Record<string, unknown>
    sections[name] = name == 'usva' ? [core] : [core, { SubsectionType: 1, Gpc }]
  }
  return { gppString, sections }
}
export const own = (o: object, k: unknown) => typeof k == 'string' && Object.prototype.hasOwnProperty.call(o, k)
/** What a generic command must answer for the state: data and success. */
export const expectedGpp = (truth: Truth, cmd: unknown, param: unknown): { data: unknown; success: boolean } | 'event' => {
  switch (cmd) {
    case 'ping':
      return { data: expect.objectContaining({ gppVersion: '1.1', cmpStatus: 'loaded', signalStatus: 'ready', gppString: truth.gppString, parsedSections: truth.sections }), success: true }
    case 'addEventListener':
    case 'removeEventListener':
      return 'event'
    case 'hasSection':
      return { data: own(truth.sections, param), success: true }
    case 'getSection':
      return { data: own(truth.sections, param) ? truth.sections[param as string] : null, success: true }
    case 'getField': {
      const m = typeof param == 'string' ? /^(\w+)\.(\w+)$/.exec(param) : null
      const flat = m && own(truth.sections, m[1]) ? Object.assign({}, ...truth.sections[m[1]!]!) : {}
      return { data: m && own(flat, m[2]) ? flat[m[2]!] : null, success: true }
    }
    default:
      return { data: null, success: false }
  }
}

/** Checks one GPP answer against the oracle; returns a listener id to remove, if it registered one. */
export const checkGpp = (truth: Truth, cmd: unknown, param: unknown, data: any, success: boolean): number => {
  const want = expectedGpp(truth, cmd, param)
  if (want != 'event') {
    expect({ data, success }).toEqual(want)
    return 0
  }
  expect(success).toBe(true)
  if (cmd == 'removeEventListener') {
    // Only a listener that is registered can be removed, once.
    const id = typeof param == 'number' || typeof param == 'string' ? Number(param) : NaN
    expect(data).toMatchObject({ eventName: 'listenerRemoved', data: registered.has(id) })
    registered.delete(id)
    return 0
  }
  expect(data.eventName).toBe('listenerRegistered')
  expect(data.data ? data.listenerId > 0 && !registered.has(data.listenerId) : data.listenerId === 0).toBe(true)
  if (data.data) registered.add(data.listenerId)
  return data.listenerId
}
/** The listeners registered now, as the answers said. */
export const registered = new Set<number>()
/** Removes a listener a case added, so the next case starts clean. */
export const remove = (id: number) => {
  w.__gpp!('removeEventListener', () => {}, id)
  registered.delete(id)
}

/** Before Consentry loads nothing is known: no section, no field, no string — null, false, or the stub's ping (in an event). */
export const stubKnowsNothing = (d: unknown) => {
  if (d && typeof d == 'object') expect((d as { pingData?: unknown }).pingData ?? d).toMatchObject({ cmpStatus: 'stub', signalStatus: 'not ready', gppString: '', sectionList: [], parsedSections: {} })
  else expect(d === null || d === false).toBe(true)
}

/** Stops the signals the last case started. */
export const running = { stop: () => {} }
export const startAt = async (region: string, signals: Record<string, unknown> = {}, more: Partial<ConsentryConfig> = {}) => {
  running.stop()
  freshPage()
  delete w.__gpp
  delete w.__uspapi
  useEnv({ gpc: () => true })
  await init({ ...SITE, ...more, region, signals })
  running.stop = startSignals()
  registered.clear()
  const ping = (() => {
    let p: any
    w.__gpp!('ping', (d: unknown) => (p = d))
    return p
  })()
  return truthOf(ping.gppString)
}

/** A fuzz file's page: no locator frame loads; console errors (thrown callbacks) hushed; signals stopped at the end. */
export const useFuzzPage = () => {
  // The __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load (and says so).
  happyDomLoadsNothing()
  beforeEach(() => {
    // Throwing callbacks are reported to the console by design; the properties check that nothing is thrown.
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterAll(() => running.stop())
}
