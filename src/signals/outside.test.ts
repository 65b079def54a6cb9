/**
 * What other code on the page and other frames can ask `__gpp` and
 * `__uspapi`, and what the answers look like: the spec's shape for sections
 * (an array of sub-sections), own keys only, an answer for every call with a
 * callback, and nothing thrown at the page — by direct call and by
 * `postMessage`, before (stub) and after Consentry loads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GppModel } from '@iabgpp/cmpapi'
import { init, type ConsentryConfig } from '../headless.js'
import { useEnv } from '../env/index.js'
import { freshPage, happyDomLoadsNothing } from '../testing/index.js'
import { MAX_KEPT, MAX_MESSAGE } from './cmp/frames.js'
import { installStubs, startSignals } from './index.js'

// The __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load (and says so).
happyDomLoadsNothing()

type Cb = (data: any, success: boolean) => void
type Api = (...a: unknown[]) => void
const w = window as unknown as { __gpp?: Api; __uspapi?: Api }

const SITE: ConsentryConfig = {
  mode: 'auto',
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}
/** Every answer a call gets, synchronously. */
const call = (api: 'gpp' | 'usp', ...args: unknown[]) => {
  const out: [unknown, boolean][] = []
  const cb: Cb = (d, ok) => void out.push([d, ok])
  if (api == 'gpp') w.__gpp!(args[0], cb, ...args.slice(1))
  else w.__uspapi!(args[0], args[1] ?? 1, cb)
  return out
}
const gpp = (cmd: unknown, param?: unknown) => {
  const out = call('gpp', cmd, param)
  expect(out).toHaveLength(1)
  return out[0]!
}
let stop = () => {}
const start = async (config: ConsentryConfig = { ...SITE, region: 'US-CA' }, gpc = true) => {
  useEnv({ gpc: () => gpc })
  await init(config)
  stop = startSignals()
}
/** A frame's message, as the browser delivers it: the reply is structured-cloned, like a real postMessage. */
const ask = (data: unknown, source: unknown = undefined) => {
  const replies: unknown[] = []
  const frame = source ?? { postMessage: (m: unknown) => void replies.push(structuredClone(m)) }
  window.dispatchEvent(new MessageEvent('message', { data, source: frame as Window }))
  return replies
}
const ODD_PREFIXES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '']
const ODD_PARAMS: unknown[] = [undefined, null, 7, {}, [], { toString: () => { throw new Error('hostile') } }, Symbol('x'), () => 'usnat', 'x'.repeat(1_000_000)]

let errors: unknown[] = []
const onError = (e: ErrorEvent) => void errors.push(e.error)
beforeEach(() => {
  freshPage()
  delete w.__gpp
  delete w.__uspapi
  document.body.replaceChildren()
  errors = []
  addEventListener('error', onError)
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  removeEventListener('error', onError)
  expect(errors).toEqual([])
  stop()
  stop = () => {}
  vi.restoreAllMocks()
})

describe('getSection and parsedSections give the spec shape: an array of sub-sections (CMP API §"getSection")', () => {
  it('the core sub-section, then the GPC sub-section with SubsectionType 1; parsedSections the same', async () => {
    await start()
    const [section, ok] = gpp('getSection', 'usnat') as [any[], boolean]
    expect(ok).toBe(true)
    expect(section).toHaveLength(2)
    expect(section[0]).toMatchObject({ Version: 2, SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1, MspaCoveredTransaction: 2 })
    expect(section[0]).not.toHaveProperty('Gpc')
    expect(section[1]).toEqual({ SubsectionType: 1, Gpc: true })
    expect((gpp('ping')[0] as any).parsedSections).toEqual({ usnat: section })
  })

  it('a section without a GPC sub-section (usva) is one object', async () => {
    await start({ ...SITE, region: 'US-VA', signals: { sections: ['usva'] } })
    const [section] = gpp('getSection', 'usva') as [any[], boolean]
    expect(section).toHaveLength(1)
    expect(section[0]).toMatchObject({ Version: 1, SaleOptOut: 1 })
  })

  it("Prebid's reader (flatSection: the sub-sections merged into the first) gets what @iabgpp/cmpapi decodes from the string", async () => {
    await start()
    const flatSection = (subs: object[]) => subs.reduceRight((sub, consent) => Object.assign(consent, sub), {})
    const ping = gpp('ping')[0] as any
    const { GpcSegmentType, ...lib } = new GppModel(ping.gppString).getSection('usnat') as Record<string, unknown>
    expect({ ...flatSection(ping.parsedSections.usnat), SubsectionType: undefined }).toEqual({ ...lib, SubsectionType: undefined })
  })

  it('answers are copies: a reader that changes them (flatSection does) changes no later answer', async () => {
    await start()
    const [first] = gpp('getSection', 'usnat') as [any[], boolean]
    first[0].SaleOptOut = 2
    first[0].SensitiveDataProcessing[0] = 2
    Object.assign(first[0], first[1])
    const [again] = gpp('getSection', 'usnat') as [any[], boolean]
    expect(again[0].SaleOptOut).toBe(1)
    expect(again[0].SensitiveDataProcessing[0]).toBe(0)
    expect(again[0]).not.toHaveProperty('Gpc')
    expect(gpp('getField', 'usnat.SaleOptOut')[0]).toBe(1)
  })

  it.each([
    ['usca', 'US-CA'],
    ['usva', 'US-VA'],
    ['usco', 'US-CO'],
    ['usct', 'US-CT'],
  ])('%s shows only the fields its spec has: no usnat field appears (no TargetedAdvertisingOptOut in usca, no SharingOptOut in usva)', async (name, region) => {
    await start({ ...SITE, region, signals: { sections: [name] } })
    const [section] = gpp('getSection', name) as [any[], boolean]
    const { GpcSegmentType, Gpc, ...lib } = new GppModel((gpp('ping')[0] as any).gppString).getSection(name) as Record<string, unknown>
    expect(Object.keys(section[0]).sort()).toEqual(Object.keys(lib).sort())
    const foreign = name == 'usca' ? ['TargetedAdvertisingOptOut', 'SharingNotice', 'SensitiveDataProcessingOptOutNotice'] : ['SharingOptOut', 'SharingOptOutNotice', 'PersonalDataConsents', 'SensitiveDataLimitUseNotice']
    for (const f of foreign) expect(gpp('getField', `${name}.${f}`)).toEqual([null, true])
  })

  it('getField reads either sub-section: usnat.SaleOptOut and usnat.Gpc', async () => {
    await start()
    expect(gpp('getField', 'usnat.SaleOptOut')).toEqual([1, true])
    expect(gpp('getField', 'usnat.Gpc')).toEqual([true, true])
    expect(gpp('getField', 'usnat.SensitiveDataProcessing')[0]).toEqual(Array(16).fill(0))
  })
})

describe('own keys only: nothing inherited is a section or a field', () => {
  it.each(ODD_PREFIXES)('hasSection(%j) is false, getSection null, getField of its fields null', async (prefix) => {
    await start()
    expect(gpp('hasSection', prefix)).toEqual([false, true])
    expect(gpp('getSection', prefix)).toEqual([null, true])
    for (const f of ['name', 'constructor', 'prototype', 'call', '__proto__']) expect(gpp('getField', `${prefix}.${f}`)).toEqual([null, true])
  })

  it('usnat.constructor, usnat.__proto__, usnat.toString, a path with more dots or none: null', async () => {
    await start()
    for (const path of ['usnat.constructor', 'usnat.__proto__', 'usnat.toString', 'usnat.hasOwnProperty', 'usnat.Gpc.x', 'usnat', '.Gpc', 'usnat.', 'usnat..Gpc'])
      expect(gpp('getField', path), path).toEqual([null, true])
  })

  it.each(ODD_PARAMS.map((p) => [typeof p == 'string' ? 'a huge string' : String(typeof p == 'symbol' ? 'a symbol' : JSON.stringify(p) ?? typeof p), p]))(
    'a parameter that is %s: answered, false or null, nothing thrown',
    async (_, p) => {
      await start()
      expect(gpp('hasSection', p)).toEqual([false, true])
      expect(gpp('getSection', p)).toEqual([null, true])
      expect(gpp('getField', p)).toEqual([null, true])
      expect(gpp('removeEventListener', p)).toEqual([expect.objectContaining({ eventName: 'listenerRemoved', data: false }), true])
    },
  )

  it('the stub, before Consentry loads, answers the same odd questions with null and never true', () => {
    installStubs()
    for (const p of [...ODD_PREFIXES, ...ODD_PARAMS]) {
      expect(call('gpp', 'hasSection', p)).toEqual([[null, true]])
      expect(call('gpp', 'getSection', p)).toEqual([[null, true]])
      expect(call('gpp', 'getField', p)).toEqual([[null, true]])
      expect(call('gpp', 'removeEventListener', p)).toEqual([[expect.objectContaining({ data: false, listenerId: 0 }), true]])
    }
  })
})

describe('every call with a callback is answered, and nothing thrown reaches the page', () => {
  it('unknown commands fail at once: (null, false)', async () => {
    await start()
    for (const cmd of ['tcfeuv2.getTCData', 'events', 'queue', 'getGPPData', '', 42, null, {}, Symbol('ping'), { toString: () => 'ping' }]) expect(call('gpp', cmd)).toEqual([[null, false]])
    for (const cmd of ['getUSPData ', 'ping', 42, null, Symbol('x')]) expect(call('usp', cmd)).toEqual([[null, false]])
    expect(call('usp', 'getUSPData', 2)).toEqual([[null, false]])
    expect(call('usp', 'getUSPData', '1')).toEqual([[{ version: 1, uspString: '1YYN' }, true]])
  })

  it('without a callback there is nobody to answer: nothing happens, nothing is thrown', async () => {
    await start()
    for (const cb of [undefined, null, 'x', {}]) {
      expect(() => w.__gpp!('addEventListener', cb)).not.toThrow()
      expect(() => w.__gpp!('ping', cb)).not.toThrow()
      expect(() => w.__uspapi!('getUSPData', 1, cb)).not.toThrow()
    }
  })

  it('callbacks and listeners that throw: the caller is not thrown at, the others still hear every event', async () => {
    await start({ ...SITE, region: 'US-CA' }, false)
    const seen: string[] = []
    expect(() => w.__gpp!('addEventListener', () => { throw new Error('bad vendor') })).not.toThrow()
    w.__gpp!('addEventListener', (e: any) => seen.push(e.eventName))
    for (const cmd of ['ping', 'getSection', 'hasSection', 'getField', 'nope']) expect(() => w.__gpp!(cmd, () => { throw new Error('bad') }, 'usnat')).not.toThrow()
    expect(() => w.__uspapi!('getUSPData', 1, () => { throw new Error('bad') })).not.toThrow()
    const { optOut } = await import('../headless.js')
    optOut('banner')
    expect(seen.at(-1)).toBe('signalStatus')
    expect(seen).toContain('sectionChange')
    expect(console.error).toHaveBeenCalled()
  })

  it(`at most ${MAX_KEPT} listeners: past it registration fails (data false, listenerId 0) and nothing is kept`, async () => {
    await start()
    for (let i = 0; i < MAX_KEPT; i++) w.__gpp!('addEventListener', () => {})
    expect(gpp('addEventListener')).toEqual([expect.objectContaining({ eventName: 'listenerRegistered', data: false, listenerId: 0 }), true])
    const [first] = gpp('removeEventListener', 1) as [any, boolean]
    expect(first.data).toBe(true)
    expect((gpp('addEventListener')[0] as any).data).toBe(true)
  })
})

describe('frames: __gppCall and __uspapiCall by postMessage', () => {
  it("getSection('toString') answers null, and the reply can be cloned (no DataCloneError on the page)", async () => {
    await start()
    for (const form of [(m: object) => m, (m: object) => JSON.stringify(m)]) {
      const replies = ask(form({ __gppCall: { command: 'getSection', parameter: 'toString', version: '1.1', callId: 'a' } }))
      expect(replies.map((r) => (typeof r == 'string' ? JSON.parse(r) : r))).toEqual([{ __gppReturn: { returnValue: null, success: true, callId: 'a' } }])
    }
    expect(ask({ __gppCall: { command: 'hasSection', parameter: 'constructor', callId: 2 } })).toEqual([{ __gppReturn: { returnValue: false, success: true, callId: 2 } }])
    expect(ask({ __gppCall: { command: 'getField', parameter: 'constructor.name', callId: 3 } })).toEqual([{ __gppReturn: { returnValue: null, success: true, callId: 3 } }])
  })

  it('the same callId comes back; a call without one is answered without one; an object or function callId is not a call', async () => {
    await start()
    for (const callId of ['x', '', 0, -1, 1.5, 'é'.repeat(300)]) expect(ask({ __gppCall: { command: 'ping', callId } })).toEqual([{ __gppReturn: expect.objectContaining({ callId, success: true }) }])
    expect(ask({ __gppCall: { command: 'ping' } })).toEqual([{ __gppReturn: expect.objectContaining({ callId: undefined, success: true }) }])
    for (const callId of [{}, [], () => 1, Symbol('id'), 1n]) expect(ask({ __gppCall: { command: 'ping', callId } })).toEqual([])
    expect(ask({ __uspapiCall: { command: 'getUSPData', version: 1, callId: 'u' } })).toEqual([{ __uspapiReturn: { returnValue: { version: 1, uspString: '1YYN' }, success: true, callId: 'u' } }])
    expect(ask({ __uspapiCall: { command: 'getUSPData', version: 1, callId: {} } })).toEqual([])
  })

  it('missing fields, odd commands and huge parameters: answered with null/false', async () => {
    await start()
    expect(ask({ __gppCall: {} })).toEqual([{ __gppReturn: { returnValue: null, success: false, callId: undefined } }])
    expect(ask({ __gppCall: { command: 'getSection', callId: 1 } })).toEqual([{ __gppReturn: { returnValue: null, success: true, callId: 1 } }])
    expect(ask({ __gppCall: { command: { x: 1 }, callId: 1 } })).toEqual([{ __gppReturn: { returnValue: null, success: false, callId: 1 } }])
    expect(ask({ __gppCall: { command: 'getField', parameter: 'usnat.'.repeat(200_000), callId: 1 } })).toEqual([{ __gppReturn: { returnValue: null, success: true, callId: 1 } }])
    expect(ask({ __uspapiCall: { callId: 1 } })).toEqual([{ __uspapiReturn: { returnValue: null, success: false, callId: 1 } }])
  })

  it('what is not a call is ignored without a throw: other messages, bad or huge JSON, throwing getters, no source, a source that cannot answer', async () => {
    await start()
    const hostile = Object.defineProperty({}, '__gppCall', { get: () => { throw new Error('getter') } })
    const huge = JSON.stringify({ __gppCall: { command: 'ping', callId: 1, pad: 'x'.repeat(MAX_MESSAGE) } })
    for (const data of ['{not json', '', 'null', '"__gppCall"', null, 42, { __gppCall: 'ping' }, { __gppCall: null }, { other: 1 }, hostile, huge, new Proxy({}, { get: () => { throw new Error('proxy') } })])
      expect(ask(data)).toEqual([])
    expect(() => window.dispatchEvent(new MessageEvent('message', { data: { __gppCall: { command: 'ping', callId: 1 } } }))).not.toThrow()
    const port = new MessageChannel().port1
    expect(() => ask({ __gppCall: { command: 'ping', callId: 1 } }, port)).not.toThrow()
    expect(() => ask({ __gppCall: { command: 'ping', callId: 1 } }, { postMessage: () => { throw new DOMException('gone', 'DataCloneError') } })).not.toThrow()
  })

  it('a listener added by a frame hears every event, with its callId', async () => {
    await start({ ...SITE, region: 'US-CA' }, false)
    const replies: any[] = []
    window.dispatchEvent(new MessageEvent('message', { data: { __gppCall: { command: 'addEventListener', callId: 'L' } }, source: { postMessage: (m: unknown) => replies.push(structuredClone(m)) } as unknown as Window }))
    const { optOut } = await import('../headless.js')
    optOut('banner')
    expect(replies.map((r) => r.__gppReturn.callId)).toEqual(Array(replies.length).fill('L'))
    expect(replies.map((r) => r.__gppReturn.returnValue.eventName)).toEqual(['listenerRegistered', 'signalStatus', 'sectionChange', 'signalStatus'])
  })
})

describe(`the stub keeps at most ${MAX_KEPT} calls and listeners per API`, () => {
  it('a frame spamming non-generic commands before Consentry loads: the queue stops growing, the rest fail at once, the kept ones are answered in order later', async () => {
    installStubs()
    const replies: unknown[] = []
    const frame = { postMessage: (m: unknown) => void replies.push(structuredClone(m)) }
    for (let i = 0; i < MAX_KEPT + 500; i++) ask({ __gppCall: { command: 'tcfeuv2.getTCData', callId: i } }, frame)
    expect((w.__gpp as unknown as () => unknown[])().length).toBe(MAX_KEPT)
    expect(replies).toHaveLength(500)
    expect(replies.map((r: any) => r.__gppReturn.callId)).toEqual(Array.from({ length: 500 }, (_, i) => MAX_KEPT + i))
    expect(replies.every((r: any) => r.__gppReturn.success === false && r.__gppReturn.returnValue === null)).toBe(true)
    await start()
    // The kept calls are answered by Consentry, in order, through the frame's reply.
    expect(replies).toHaveLength(MAX_KEPT + 500)
    expect(replies.slice(500).map((r: any) => r.__gppReturn.callId)).toEqual(Array.from({ length: MAX_KEPT }, (_, i) => i))
  })

  it('the stub queue is answered in call order once Consentry loads', async () => {
    installStubs()
    const order: number[] = []
    for (let i = 0; i < 5; i++) w.__gpp!('tcfeuv2.getTCData', (_: unknown, ok: boolean) => order.push(ok ? -i : i))
    await start()
    expect(order).toEqual([0, 1, 2, 3, 4])
  })

  it(`listeners: the ${MAX_KEPT + 1}st registration fails (data false, listenerId 0); the kept ones are handed over`, async () => {
    installStubs()
    const heard = new Set<number>()
    for (let i = 0; i < MAX_KEPT; i++) w.__gpp!('addEventListener', (e: any) => e.eventName == 'signalStatus' && heard.add(i))
    expect(gpp('addEventListener')).toEqual([expect.objectContaining({ data: false, listenerId: 0 }), true])
    await start()
    expect(heard.size).toBe(MAX_KEPT)
  })

  it('USP: the queue stops growing too, and calls without a callback are not kept', async () => {
    installStubs()
    for (let i = 0; i < MAX_KEPT; i++) w.__uspapi!('getUSPData', 1, () => {})
    for (let i = 0; i < 10; i++) w.__uspapi!('getUSPData', 1)
    expect(call('usp', 'getUSPData', 1)).toEqual([[null, false]])
    expect((w.__uspapi as unknown as () => unknown[])().length).toBe(MAX_KEPT)
    const replies = ask({ __uspapiCall: { command: 'getUSPData', version: 1, callId: 'late' } })
    expect(replies).toEqual([{ __uspapiReturn: { returnValue: null, success: false, callId: 'late' } }])
  })

  it('hand-off words sent by a frame are commands, not the hand-off: answered, never the internal lists', async () => {
    installStubs()
    expect(ask({ __gppCall: { command: 'events', callId: 1 } })).toEqual([])
    expect(ask({ __gppCall: { command: 'queue', callId: 2 } })).toEqual([])
    const replies: any[] = []
    const frame = { postMessage: (m: unknown) => replies.push(structuredClone(m)) }
    window.dispatchEvent(new MessageEvent('message', { data: { __gppCall: { command: 'events', callId: 3 } }, source: frame as unknown as Window }))
    await start()
    expect(replies).toEqual([{ __gppReturn: { returnValue: null, success: false, callId: 3 } }])
  })
})
