/** The destination interface (a failing destination, a late connection) and withPrivacyParams. */
import { describe, expect, it, vi } from 'vitest'
import { acceptAll, init, set } from '../headless.js'
import { connectDestinations, withPrivacyParams, type Destination, type PrivacySignals } from './index.js'
import { decodeGpp } from '../signals/codec/index.js'
import { gppState, signalsConfig } from '../signals/resolved.js'
import { $config, $snapshot } from '../store/index.js'
import { CONFIG, running, useDestinationsPage } from './testing.js'

useDestinationsPage()

describe('the destination interface', () => {
  it('a destination that throws is logged once; the others still hear every change', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const heard: string[] = []
    const bad: Destination = { id: 'bad', update: () => { throw new Error('boom') } }
    const good: Destination = { id: 'good', init: (s) => heard.push('init ' + s.decided), update: (s) => heard.push('update ' + s.categories.analytics) }
    running.stop = connectDestinations([bad, good])
    await init(CONFIG)
    set({ analytics: true })
    set({ analytics: false })
    expect(heard).toEqual(['init false', 'update true', 'update false'])
    expect(error).toHaveBeenCalledTimes(1)
    expect(String(error.mock.calls[0]![0])).toContain('destination "bad" failed')
  })

  it('connect runs the moment a destination is connected, before Consentry is ready; one that throws is logged and the others still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const heard: string[] = []
    const bad: Destination = { id: 'bad', connect: () => { throw new Error('boom') }, update: () => heard.push('bad update') }
    const good: Destination = { id: 'good', connect: () => heard.push('connect'), init: () => heard.push('init'), update: () => heard.push('update') }
    running.stop = connectDestinations([bad, good])
    expect(heard).toEqual(['connect'])
    expect(String(error.mock.calls[0]![0])).toContain('destination "bad" failed')
    await init(CONFIG)
    expect(heard).toEqual(['connect', 'bad update', 'init'])
  })

  it('connected after init, a destination hears the current state at once', async () => {
    await init(CONFIG)
    acceptAll()
    const heard: boolean[] = []
    running.stop = connectDestinations([{ id: 'late', init: (s) => heard.push(s.decided), update: () => {} }])
    expect(heard).toEqual([true])
  })
})

describe('withPrivacyParams', () => {
  it('appends gpp, gpp_sid and us_privacy once, unmodified, replacing any already there', () => {
    const sig = { gpp: 'DBABLA~CVQVAAAAAACA.YA', gppSid: [7], usp: '1YYN' }
    expect(withPrivacyParams('https://sync.example/px?uid=1&gpp=old', sig)).toBe('https://sync.example/px?uid=1&gpp=DBABLA~CVQVAAAAAACA.YA&gpp_sid=7&us_privacy=1YYN')
    expect(withPrivacyParams('https://sync.example/px', { gpp: 'DBAA', gppSid: [], usp: '1---' })).toBe('https://sync.example/px?gpp=DBAA&gpp_sid=-1&us_privacy=1---')
  })
})

describe('the signals a destination hears', () => {
  it("carry the config's limitSensitive in the GPP string, the one the signals module publishes", async () => {
    const heard: PrivacySignals[] = []
    running.stop = connectDestinations([{ id: 'sig', init: (_s, sig) => heard.push(sig), update: (_s, sig) => heard.push(sig) }])
    await init({ ...CONFIG, mode: 'opt-out', region: 'US-CA', limitSensitive: true })
    // MSPA: SensitiveDataLimitUseNotice 1 = notice given (the site offers the link), 2 = not given.
    const sections = decodeGpp(heard.at(-1)!.gpp)!
    expect(Object.keys(sections)).toEqual(['usnat'])
    expect(sections.usnat!.SensitiveDataLimitUseNotice).toBe(1)
    expect(heard.at(-1)!.gpp).toBe(gppState($snapshot.get(), 'hidden', signalsConfig($config.get()!)).gppString)
  })
})
