/** The GPP and USP strings a US visitor's page publishes, and what a visitor elsewhere gets. */
import { describe, expect, it } from 'vitest'
import { get, init, optOut, $ui } from '../headless.js'
import { withPrivacyParams } from '../destinations/index.js'
import { signalsOf } from '../destinations/run.js'
import { syncRecord } from '../sync/outbox.js'
import { signalDefaults } from './start.js'
import { useEnv } from '../env/index.js'
import { cookie } from '../testing/index.js'
import { installStubs, startSignals } from './index.js'
import { initWithUi } from '../ui/init.js'
import { resetUi } from '../ui/index.js'
import { freshUiPage, loaders, waitFor } from '../ui/testing.js'
import { gpp, running, SITE, start, usp, useSignalsPage, w } from './testing/page.js'

useSignalsPage()

describe('GPP and USP for a US visitor', () => {
  it('a GPC visitor in California: opted out of sale, sharing and targeted ads, Gpc set; 1YYN (privacy-signals §3.6)', async () => {
    await start({ ...SITE, region: 'US-CA' }, true)
    const ping = gpp('ping')
    expect(ping).toMatchObject({ gppVersion: '1.1', cmpStatus: 'loaded', signalStatus: 'ready', cmpId: 1, sectionList: [7], applicableSections: [7] })
    expect(ping.gppString).toBe('DBABLA~CVQVAAAAAACA.YA')
    expect(gpp('getField', 'usnat.SaleOptOut')).toBe(1)
    expect(gpp('getField', 'usnat.SharingOptOut')).toBe(1)
    expect(gpp('getField', 'usnat.TargetedAdvertisingOptOut')).toBe(1)
    expect(gpp('getField', 'usnat.Gpc')).toBe(true)
    expect(gpp('hasSection', 'usnat')).toBe(true)
    expect(gpp('getField', 'usnat.NoSuchField')).toBeNull()
    expect(usp()).toBe('1YYN')
    expect(cookie('usprivacy')).toBe('1YYN')
  })

  it('a California visitor without GPC, then "Do Not Sell or Share": the string and 1YNN → 1YYN follow', async () => {
    await start({ ...SITE, region: 'US-CA' })
    expect(gpp('ping').gppString).toBe('DBABLA~CVQqAAAAAACA.QA')
    expect(usp()).toBe('1YNN')
    optOut('banner')
    expect(gpp('ping').gppString).toBe('DBABLA~CVQVAAAAAACA.QA')
    expect(usp()).toBe('1YYN')
    expect(cookie('usprivacy')).toBe('1YYN')
  })

  it('the state section when the site uses it: usca for a California GPC visitor', async () => {
    await start({ ...SITE, region: 'US-CA', signals: { sections: ['usca'] } }, true)
    expect(gpp('ping')).toMatchObject({ gppString: 'DBABBg~BUUAAACA.YA', applicableSections: [8], sectionList: [8] })
    expect(gpp('getSection', 'usca')).toEqual([expect.objectContaining({ SaleOptOut: 1, SharingOptOut: 1 }), { SubsectionType: 1, Gpc: true }])
  })

  it('events come in the order the spec demands: not ready first, the section change, ready last', async () => {
    await start({ ...SITE, region: 'US-CA' })
    const seen: string[] = []
    w.__gpp!('addEventListener', (e) => seen.push(`${e.eventName}:${e.data}`))
    optOut('banner')
    expect(seen[0]).toBe('listenerRegistered:true')
    expect(seen[1]).toBe('signalStatus:not ready')
    expect(seen).toContain('sectionChange:usnat')
    expect(seen.at(-1)).toBe('signalStatus:ready')
    expect(seen.indexOf('sectionChange:usnat')).toBeLessThan(seen.length - 1)
  })

  it('a listener can be removed', async () => {
    await start({ ...SITE, region: 'US-CA' })
    const seen: string[] = []
    let id = 0
    w.__gpp!('addEventListener', (e) => (id = e.listenerId, seen.push(e.eventName)))
    expect(gpp('removeEventListener', id)).toMatchObject({ eventName: 'listenerRemoved', data: true })
    optOut('banner')
    expect(seen).toEqual(['listenerRegistered'])
    expect(gpp('removeEventListener', 999).data).toBe(false)
  })

  it('headless draws nothing: cmpDisplayStatus is null whatever $ui says, and no cmpDisplayStatus event fires (CMP API §"PingReturn")', async () => {
    await start({ ...SITE, region: 'FR' })
    expect($ui.get()).toBe('banner')
    expect(gpp('ping').cmpDisplayStatus).toBeNull()
    const seen: string[] = []
    w.__gpp!('addEventListener', (e) => seen.push(e.eventName))
    $ui.set('hidden')
    $ui.set('preferences')
    expect(gpp('ping').cmpDisplayStatus).toBeNull()
    expect(seen).not.toContain('cmpDisplayStatus')
  })

  it("headless with the page's own UI following $ui (display: true): visible and hidden", async () => {
    useEnv({ gpc: () => false })
    await init({ ...SITE, region: 'US-CA' })
    running.stop = startSignals({ display: true })
    $ui.set('banner')
    expect(gpp('ping').cmpDisplayStatus).toBe('visible')
    $ui.set('hidden')
    expect(gpp('ping').cmpDisplayStatus).toBe('hidden')
  })

  it("Consentry's UI hands its view to the signals: the banner on screen is visible, closed is hidden", async () => {
    freshUiPage()
    useEnv({ gpc: () => false })
    const seen: string[] = []
    installStubs()
    w.__gpp!('addEventListener', (e) => seen.push(`${e.eventName}:${e.data}`))
    await initWithUi({ ...SITE, region: 'FR' }, loaders)
    await waitFor(() => seen.includes('signalStatus:ready'))
    expect(document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[part=banner]')).not.toBeNull()
    expect(gpp('ping').cmpDisplayStatus).toBe('visible')
    expect(seen).toContain('cmpDisplayStatus:visible')
    $ui.set('hidden')
    expect(gpp('ping').cmpDisplayStatus).toBe('hidden')
    expect(seen.at(-2)).toBe('cmpDisplayStatus:hidden')
    resetUi()
  })
})

describe('USP is the CCPA string: California only (US Privacy String §"Overview"; other states travel in GPP)', () => {
  it.each(['US-VA', 'US-CO', 'US-CT', 'US-TX', 'US-OR'])('a GPC visitor in %s: GPP carries the opt-out, USP says 1--- (CCPA does not apply)', async (region) => {
    await start({ ...SITE, region }, true)
    expect(gpp('getField', 'usnat.SaleOptOut')).toBe(1)
    expect(gpp('ping').applicableSections).toEqual([7])
    expect(usp()).toBe('1---')
    expect(cookie('usprivacy')).toBe('1---')
  })

  it('a Virginia visitor who clicks "Do Not Sell or Share" still gets 1---; the GPP section changes', async () => {
    await start({ ...SITE, region: 'US-VA' })
    expect(usp()).toBe('1---')
    optOut('banner')
    expect(gpp('getField', 'usnat.SaleOptOut')).toBe(1)
    expect(usp()).toBe('1---')
  })

  it('on an opt-out site, a US visitor whose state is unknown may be Californian: the real string', async () => {
    await start({ ...SITE, mode: 'opt-out', region: 'US' })
    expect(usp()).toBe('1YNN')
    optOut('banner')
    expect(usp()).toBe('1YYN')
  })

  it('on an opt-out site, a visitor with no known region: the real string too', async () => {
    await start({ ...SITE, mode: 'opt-out' }, true)
    expect(usp()).toBe('1YYN')
  })

  it('downstream follows: destinations and the sync record carry the Virginia opt-out in GPP and no USP opt-out', async () => {
    await start({ ...SITE, region: 'US-VA' })
    optOut('banner')
    const va = signalsOf(get(), signalDefaults())
    expect(va).toMatchObject({ gpp: 'DBABLA~CVQVAAAAAACA.QA', gppSid: [7], usp: '1---', optOut: { sale: true } })
    expect(withPrivacyParams('https://px.example/p', va)).toBe('https://px.example/p?gpp=DBABLA~CVQVAAAAAACA.QA&gpp_sid=7&us_privacy=1---')
    const record = syncRecord(get(), va)
    expect(record).toMatchObject({ gpp: 'DBABLA~CVQVAAAAAACA.QA', gppSid: [7], optOut: { sale: true }, jurisdiction: 'US-VA' })
    expect(record).not.toHaveProperty('usp')
  })

  it('downstream follows: a Californian opt-out travels as 1YYN too', async () => {
    await start({ ...SITE, region: 'US-CA' })
    optOut('banner')
    const ca = signalsOf(get(), signalDefaults())
    expect(ca.usp).toBe('1YYN')
    expect(syncRecord(get(), ca).usp).toBe('1YYN')
  })

  it('a US visitor whose state is unknown on an opt-in site: no opt-out model, 1---', async () => {
    await start({ ...SITE, region: 'US' })
    expect(usp()).toBe('1---')
  })
})

describe('outside the US', () => {
  it('an EU visitor gets applicableSections [-1] and 1---', async () => {
    await start({ ...SITE, region: 'DE' }, true)
    expect(gpp('ping')).toMatchObject({ applicableSections: [-1], sectionList: [], signalStatus: 'ready' })
    expect(gpp('hasSection', 'usnat')).toBe(false)
    expect(usp()).toBe('1---')
  })
})
