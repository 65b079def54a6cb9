/** The `__gpp` and `__uspapi` stubs before Consentry loads, the locator frames other frames ask through, and the signals' config. */
import { describe, expect, it, vi } from 'vitest'
import { init } from '../headless.js'
import { installStubs, startSignals } from './index.js'
import { gpp, SITE, start, useSignalsPage, w } from './testing/page.js'

useSignalsPage()

describe('the stub', () => {
  it('answers generic commands before Consentry loads, and hands over listeners and calls: none lost', async () => {
    installStubs()
    expect(gpp('ping')).toMatchObject({ cmpStatus: 'stub', signalStatus: 'not ready' })
    const seen: string[] = []
    w.__gpp!('addEventListener', (e) => seen.push(`${e.eventName}:${e.data}`))
    let early: string | undefined
    w.__uspapi!('getUSPData', 1, (d) => (early = d.uspString))
    await start({ ...SITE, region: 'US-CA' }, true)
    expect(seen[0]).toBe('listenerRegistered:true')
    expect(seen.at(-1)).toBe('signalStatus:ready')
    expect(seen).toContain('sectionChange:usnat')
    expect(early).toBe('1YYN')
  })

  it('is idempotent and leaves a loaded API alone', async () => {
    await start({ ...SITE, region: 'US-CA' })
    const api = w.__gpp
    installStubs()
    expect(w.__gpp).toBe(api)
  })
})

describe('frames ask through the locators', () => {
  const ask = (data: unknown) => {
    const source = { postMessage: vi.fn() }
    window.dispatchEvent(new MessageEvent('message', { data, source: source as unknown as Window }))
    return source.postMessage
  }

  it('places __gppLocator and __uspapiLocator, and answers __gppCall and __uspapiCall, as objects and as JSON', async () => {
    await start({ ...SITE, region: 'US-CA' }, true)
    expect(document.querySelector('iframe[name=__gppLocator]')).not.toBeNull()
    expect(document.querySelector('iframe[name=__uspapiLocator]')).not.toBeNull()
    const reply = ask({ __gppCall: { command: 'ping', version: '1.1', callId: 'a1' } })
    expect(reply).toHaveBeenCalledWith({ __gppReturn: { returnValue: expect.objectContaining({ applicableSections: [7] }), success: true, callId: 'a1' } }, '*')
    const json = ask(JSON.stringify({ __uspapiCall: { command: 'getUSPData', version: 1, callId: 7 } }))
    expect(JSON.parse(json.mock.calls[0]![0])).toEqual({ __uspapiReturn: { returnValue: { version: 1, uspString: '1YYN' }, success: true, callId: 7 } })
  })

  it('ignores what is not a call, and malformed JSON, without throwing', async () => {
    await start({ ...SITE, region: 'US-CA' })
    for (const data of ['{not json', null, 42, { __gppCall: 'x' }, { other: 1 }]) expect(ask(data)).not.toHaveBeenCalled()
  })
})

describe('config', () => {
  it('bad signals settings are a typed error naming the field', async () => {
    await init({ ...SITE, region: 'US-CA', signals: { usnatVersion: 3 } })
    expect(() => startSignals()).toThrow(/config\.signals\.usnatVersion/)
  })
})
