/**
 * Every call to `__gpp` and `__uspapi` with a callback is answered and nothing thrown reaches the page: by direct
 * call and by `postMessage`, before (stub, with its bounded queue) and after Consentry loads.
 */
import { describe, expect, it } from 'vitest'
import { MAX_KEPT, MAX_MESSAGE } from './cmp/frames.js'
import { installStubs } from './index.js'
import { ask, call, gpp, SITE, start, useOutsidePage, w } from './testing/outside.js'

useOutsidePage()

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
