/**
 * Fuzzing the messages other frames can send the US signals (issue #14): `__gppCall` and `__uspapiCall` by
 * postMessage, as objects and JSON strings, with random commands, parameters, callIds and versions (see
 * ./testing/fuzz.ts). Properties: no throw escapes to the page, no answer claims anything that is not in the state,
 * and every reply carries the callId it was asked with.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MAX_MESSAGE } from './cmp/frames.js'
import { body, checkGpp, deliver, encode, expectedCallId, form, GPP_COMMANDS, remove, RUNS, startAt, TIMEOUT, useFuzzPage } from './testing/fuzz.js'

useFuzzPage()

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
})
