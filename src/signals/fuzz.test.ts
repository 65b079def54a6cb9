/**
 * Fuzzing what outside code and other frames can send the US signals (issue
 * #14): the `__gpp` and `__uspapi` message handlers (`__gppCall` /
 * `__uspapiCall` by postMessage, as objects and JSON strings), direct calls,
 * and the stub's bounded queue. Random commands, parameters, callIds,
 * versions and sizes; `FUZZ_RUNS` cases each (10,000 by default, as in
 * src/testing/fuzz.ts; `FUZZ_RUNS=100000 npx vitest run src/signals/fuzz.test.ts`
 * for a long run). Properties: no throw escapes to the page, no answer claims
 * anything that is not in the state (an independent oracle: what
 * @iabgpp/cmpapi decodes from the published GPP string), and every reply
 * carries the callId it was asked with.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { GppModel } from '@iabgpp/cmpapi'
import { init, type ConsentryConfig } from '../headless.js'
import { useEnv } from '../env/index.js'
import { freshPage, happyDomLoadsNothing } from '../testing/index.js'
import { MAX_KEPT, MAX_MESSAGE } from './cmp/frames.js'
import { installStubs, startSignals } from './index.js'

// The __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load (and says so).
happyDomLoadsNothing()

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
/** Long runs take minutes: allow ~3 ms a case on a loaded machine. */
const TIMEOUT = 60_000 + RUNS * 3
type Api = (...a: unknown[]) => unknown
const w = window as unknown as { __gpp?: Api; __uspapi?: Api }

const SITE = {
  mode: 'auto' as const,
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}

// ---- what outside code sends ----------------------------------------------------------------------------------------

const PREFIXES = ['usnat', 'usca', 'usva', 'usco', 'usct', 'uspv1', 'tcfeuv2', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype', '']
const FIELDS = ['SaleOptOut', 'Gpc', 'SubsectionType', 'GpcSegmentType', 'Version', 'SensitiveDataProcessing', 'MspaCoveredTransaction', 'constructor', 'name', '__proto__', 'toString', 'length', '']
const GPP_COMMANDS = ['ping', 'addEventListener', 'removeEventListener', 'hasSection', 'getSection', 'getField', 'events', 'queue', 'getGPPData', 'usnat.getSection', 'constructor', '__proto__', 'toString']
const huge = fc.constantFrom('x'.repeat(MAX_MESSAGE + 10), 'usnat.'.repeat(30_000), '.'.repeat(200_000))
const parameter = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PREFIXES) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...FIELDS), fc.constantFrom('', '.x', '.')).map(([p, f, x]) => `${p}.${f}${x}`) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 2000 }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: huge },
)
const command = (known: string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) })
const callId = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 4, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
)
const version = fc.oneof(fc.constantFrom('1.1', 1, '1', 2, undefined), fc.anything({ maxDepth: 1 }))
/** A call body with any of its fields missing, and sometimes extra ones. */
const body = (commands: string[]) =>
  fc.record({ command: command(commands), parameter, version, callId, extra: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] })
/** How the message travels: an object as the browser delivers it (structured-cloned), the same object as page code dispatches it, or JSON text. */
const form = fc.constantFrom('cloned', 'raw', 'json')

/** The message as sent in `how`, or null when it cannot travel that way (a BigInt in JSON, a function through postMessage). */
const encode = (msg: object, how: string): unknown => {
  try {
    return how == 'json' ? JSON.stringify(msg) : how == 'cloned' ? structuredClone(msg) : msg
  } catch {
    return null
  }
}

/** Dispatches `data` as a frame's message; every reply, parsed back if it came as JSON. Throws if the page would see an error. */
const deliver = (data: unknown) => {
  const replies: unknown[] = []
  const frame = { postMessage: (m: unknown) => replies.push(typeof m == 'string' ? JSON.parse(m) : structuredClone(m)) }
  window.dispatchEvent(new MessageEvent('message', { data, source: frame as unknown as Window }))
  return replies as Record<string, { returnValue: any; success: boolean; callId: unknown }>[]
}

/** The callId the frame gets back: as sent (after its own trip through JSON or cloning), or no reply at all for a callId the spec does not allow. */
const expectedCallId = (sent: unknown): { answered: boolean; callId?: unknown } => {
  const ok = sent == null || typeof sent == 'string' || typeof sent == 'number'
  return ok ? { answered: true, callId: sent } : { answered: false }
}

// ---- the oracle: what the state holds, read from the published string by @iabgpp/cmpapi ---------------------------

interface Truth {
  gppString: string
  /** Prefix → the spec's sub-sections. */
  sections: Record<string, Record<string, unknown>[]>
}
const truthOf = (gppString: string): Truth => {
  const sections: Truth['sections'] = {}
  const model = new GppModel(gppString)
  for (const id of model.getSectionIds()) {
    const name = ({ 7: 'usnat', 8: 'usca', 9: 'usva', 10: 'usco', 12: 'usct' } as Record<number, string>)[id]!
    const { GpcSegmentType, Gpc, ...core } = model.getSection(name) as Record<string, unknown>
    sections[name] = name == 'usva' ? [core] : [core, { SubsectionType: 1, Gpc }]
  }
  return { gppString, sections }
}
const own = (o: object, k: unknown) => typeof k == 'string' && Object.prototype.hasOwnProperty.call(o, k)
/** What a generic command must answer for the state: data and success. */
const expectedGpp = (truth: Truth, cmd: unknown, param: unknown): { data: unknown; success: boolean } | 'event' => {
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
const checkGpp = (truth: Truth, cmd: unknown, param: unknown, data: any, success: boolean): number => {
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
const registered = new Set<number>()
/** Removes a listener a case added, so the next case starts clean. */
const remove = (id: number) => {
  w.__gpp!('removeEventListener', () => {}, id)
  registered.delete(id)
}

/** Before Consentry loads nothing is known: no section, no field, no string — null, false, or the stub's ping (in an event). */
const stubKnowsNothing = (d: unknown) => {
  if (d && typeof d == 'object') expect((d as { pingData?: unknown }).pingData ?? d).toMatchObject({ cmpStatus: 'stub', signalStatus: 'not ready', gppString: '', sectionList: [], parsedSections: {} })
  else expect(d === null || d === false).toBe(true)
}

let stop = () => {}
const startAt = async (region: string, signals: Record<string, unknown> = {}, more: Partial<ConsentryConfig> = {}) => {
  stop()
  freshPage()
  delete w.__gpp
  delete w.__uspapi
  useEnv({ gpc: () => true })
  await init({ ...SITE, ...more, region, signals })
  stop = startSignals()
  registered.clear()
  const ping = (() => {
    let p: any
    w.__gpp!('ping', (d: unknown) => (p = d))
    return p
  })()
  return truthOf(ping.gppString)
}

beforeEach(() => {
  // Throwing callbacks are reported to the console by design; the properties check that nothing is thrown.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterAll(() => stop())

describe(`fuzzing the US signals' outside inputs (${RUNS} cases each)`, () => {
  it.each([
    ['US-CA', {}, {}],
    // limitSensitive is the site's setting (the config's), not one of the signals'.
    ['US-CA', { sections: ['usca'], sensitive: true }, { limitSensitive: true }],
    ['US-VA', { sections: ['usva'] }, {}],
    ['FR', {}, {}],
  ])('__gppCall messages in %s %j %j: nothing thrown, nothing claimed that the state lacks, the same callId back', async (region, signals, more) => {
    const truth = await startAt(region, signals, more)
    fc.assert(
      fc.property(body(GPP_COMMANDS), form, (call, how) => {
        const data = encode({ __gppCall: call }, how)
        if (data == null) return
        const replies = deliver(data)
        const sent = how == 'raw' ? call : ((how == 'json' ? JSON.parse(data as string) : data) as { __gppCall: typeof call }).__gppCall
        const expected = expectedCallId(sent.callId)
        if (!expected.answered || (how == 'json' && (data as string).length > MAX_MESSAGE)) return void expect(replies).toEqual([])
        expect(replies).toHaveLength(1)
        const r = replies[0]!.__gppReturn!
        expect(Object.keys(replies[0]!)).toEqual(['__gppReturn'])
        expect(r.callId).toEqual(expected.callId)
        const id = checkGpp(truth, sent.command, sent.parameter, r.returnValue, r.success)
        if (id) remove(id)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('__uspapiCall messages: only getUSPData version 1 succeeds, with the state string; the same callId back', async () => {
    await startAt('US-CA')
    fc.assert(
      fc.property(body(['getUSPData', 'ping', 'getUSPData ', 'constructor', '__proto__']), form, (call, how) => {
        const data = encode({ __uspapiCall: call }, how)
        if (data == null) return
        const replies = deliver(data)
        const sent = how == 'raw' ? call : ((how == 'json' ? JSON.parse(data as string) : data) as { __uspapiCall: typeof call }).__uspapiCall
        const expected = expectedCallId(sent.callId)
        if (!expected.answered || (how == 'json' && (data as string).length > MAX_MESSAGE)) return void expect(replies).toEqual([])
        expect(replies).toHaveLength(1)
        const r = replies[0]!.__uspapiReturn!
        expect(r.callId).toEqual(expected.callId)
        const ok = sent.command === 'getUSPData' && (sent.version === 1 || sent.version === '1')
        expect({ data: r.returnValue, success: r.success }).toEqual(ok ? { data: { version: 1, uspString: '1YYN' }, success: true } : { data: null, success: false })
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('any message at all: what is not a call gets no reply and throws nothing', async () => {
    await startAt('US-CA')
    const junk = fc.oneof(fc.anything({ maxDepth: 3 }), fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 }), fc.record({ __gppCall: fc.anything({ maxDepth: 1 }), __uspapiCall: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] }))
    fc.assert(
      fc.property(junk, (data) => {
        const replies = deliver(data)
        const obj = typeof data == 'string' ? (() => { try { return JSON.parse(data) } catch { return null } })() : data
        const isCall = (k: string) => !!obj && typeof obj == 'object' && !!obj[k] && typeof obj[k] == 'object' && expectedCallId(obj[k].callId).answered
        // Only a real call body gets an answer, one per API it addresses.
        expect(replies.length).toBe(+isCall('__gppCall') + +isCall('__uspapiCall'))
        for (const r of replies) expect(r.__gppReturn?.callId ?? r.__uspapiReturn?.callId).toEqual((r.__gppReturn ? obj.__gppCall : obj.__uspapiCall).callId)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('direct calls with any arguments, callbacks that throw included: nothing thrown, exactly one answer per callback', async () => {
    const truth = await startAt('US-CA')
    const callback = fc.constantFrom('counts', 'throws', 'none')
    fc.assert(
      fc.property(fc.oneof(command(GPP_COMMANDS), fc.constant(undefined)), callback, parameter, fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), (cmd, cb, param, rest) => {
        const answers: [unknown, boolean][] = []
        const fn =
          cb == 'counts'
            ? (d: unknown, ok: boolean) => void answers.push([d, ok])
            : cb == 'throws'
              ? (d: any) => {
                  // A throwing listener stays registered: note it, so removing it later is expected to work;
                  // and a removal asked with a throwing callback still removes.
                  if (d?.eventName == 'listenerRegistered' && d.data) registered.add(d.listenerId)
                  if (d?.eventName == 'listenerRemoved') registered.delete(d.listenerId)
                  throw new Error('vendor bug')
                }
              : undefined
        w.__gpp!(cmd, fn, param, ...rest)
        w.__uspapi!(cmd, param, fn)
        if (cb != 'counts') return
        expect(answers).toHaveLength(2)
        const id = checkGpp(truth, cmd, param, answers[0]![0], answers[0]![1])
        if (id) remove(id)
        const usp = cmd === 'getUSPData' && (param === 1 || param === '1')
        expect(answers[1]).toEqual(usp ? [{ version: 1, uspString: '1YYN' }, true] : [null, false])
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it(`the stub: any calls and messages before Consentry loads keep at most ${MAX_KEPT} calls and listeners per API, answer generic questions with null, and are all answered once Consentry loads`, async () => {
    stop()
    stop = () => {}
    freshPage()
    delete w.__gpp
    delete w.__uspapi
    installStubs()
    const stub = { gpp: w.__gpp!, usp: w.__uspapi! }
    let waiting = 0
    let answeredLater = 0
    const counted = () => void answeredLater++
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), body(GPP_COMMANDS), form, (viaMessage, usp, call, how) => {
        const before = (stub.gpp() as unknown[]).length + (stub.usp() as unknown[]).length
        if (viaMessage) {
          const data = encode(usp ? { __uspapiCall: call } : { __gppCall: call }, how)
          if (data == null) return
          const replies = deliver(data)
          const sent = (how == 'raw' ? call : (how == 'json' ? JSON.parse(data as string) : data)[usp ? '__uspapiCall' : '__gppCall']) as typeof call
          for (const r of replies.map((x) => x.__gppReturn ?? x.__uspapiReturn!)) {
            expect(r.callId).toEqual(sent.callId)
            stubKnowsNothing(r.returnValue)
          }
        } else {
          const answers: [unknown, boolean][] = []
          const fn = (d: unknown, ok: boolean) => void answers.push([d, ok])
          if (usp) w.__uspapi!(call.command, call.version, fn)
          else w.__gpp!(call.command, fn, call.parameter, call.version)
          const kept = (stub.gpp() as unknown[]).length + (stub.usp() as unknown[]).length > before
          // Answered at once, or kept for Consentry — never both, never neither.
          expect(answers.length + +kept).toBe(1)
          for (const [d] of answers) stubKnowsNothing(d)
        }
        expect((stub.gpp() as unknown[]).length).toBeLessThanOrEqual(MAX_KEPT)
        expect((stub.gpp('events') as unknown[]).length).toBeLessThanOrEqual(MAX_KEPT)
        expect((stub.usp() as unknown[]).length).toBeLessThanOrEqual(MAX_KEPT)
      }),
      { numRuns: RUNS },
    )
    // Every kept call is answered once Consentry loads: count them through a wrapper on each kept callback.
    for (const [q, i] of [[stub.gpp(), 1], [stub.usp(), 2]] as [unknown[][], number][])
      for (const args of q) {
        const orig = args[i] as (...a: unknown[]) => void
        args[i] = (...a: unknown[]) => (counted(), orig(...a))
        waiting++
      }
    useEnv({ gpc: () => true })
    await init({ ...SITE, region: 'US-CA' })
    stop = startSignals()
    expect(answeredLater).toBe(waiting)
  }, TIMEOUT)
})
