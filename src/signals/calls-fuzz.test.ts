/**
 * Fuzzing what outside code on the page can call the US signals with (issue #14): `__gpp` and `__uspapi` directly,
 * with any arguments and throwing callbacks, and the stub's bounded queue before Consentry loads (see
 * ./testing/fuzz.ts). Properties: no throw escapes to the page, exactly one answer per callback, nothing claimed
 * that the state lacks.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { init } from '../headless.js'
import { useEnv } from '../env/index.js'
import { freshPage } from '../testing/index.js'
import { MAX_KEPT } from './cmp/frames.js'
import { installStubs, startSignals } from './index.js'
import { body, checkGpp, command, deliver, encode, form, GPP_COMMANDS, parameter, registered, remove, running, RUNS, SITE, startAt, stubKnowsNothing, TIMEOUT, useFuzzPage, w } from './testing/fuzz.js'

useFuzzPage()

describe(`fuzzing the US signals' outside inputs (${RUNS} cases each)`, () => {
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
    running.stop()
    running.stop = () => {}
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
    running.stop = startSignals()
    expect(answeredLater).toBe(waiting)
  }, TIMEOUT)
})
