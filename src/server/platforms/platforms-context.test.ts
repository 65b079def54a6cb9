// @vitest-environment node
/** platformFields and mayUpload by where the visitor is and whose consent decides, for Snapshots, and OpenRTB's strings. */
import { describe, expect, it } from 'vitest'
import { mayUpload, platformFields, readConsent, type Platform } from '../index.js'
import { CASES, EXPECTED, OPTED_OUT, rec } from './testing.js'

describe('where the visitor is', () => {
  const optedOut = CASES['US opt-out (California, Do Not Sell or Share)']

  it('Meta: a listed state by its code, an unknown place geolocated (0/0), a state Meta does not list or a place outside the US not sent', () => {
    expect(platformFields(optedOut, 'meta', { region: 'US-CO' })).toMatchObject({ data_processing_options_country: 1, data_processing_options_state: 1001 })
    expect(platformFields(optedOut, 'meta', { region: 'US-RI' })).toMatchObject({ data_processing_options_state: 1013 })
    for (const region of ['', 'US']) expect(platformFields(optedOut, 'meta', { region })).toEqual({ data_processing_options: ['LDU'], data_processing_options_country: 0, data_processing_options_state: 0, opt_out: true })
    expect(platformFields(optedOut, 'meta', { region: 'US-WA' })).toBeNull()
    expect(platformFields(optedOut, 'meta', { region: 'FR' })).toBeNull()
  })

  it('a region option that is not a region code is ignored: the record says where', () => {
    expect(platformFields(optedOut, 'meta', { region: 'california' })).toMatchObject({ data_processing_options_state: 1000 })
  })

  it('Reddit: country and region only when known', () => {
    expect(platformFields(optedOut, 'reddit', { region: 'US' })).toEqual({ user: { data_processing_options: { modes: ['LDU'], country: 'US' } } })
    expect(platformFields(optedOut, 'reddit', { region: '' })).toEqual({ user: { data_processing_options: { modes: ['LDU'] } } })
    expect(platformFields(optedOut, 'reddit', { region: 'BR' })).toBeNull()
  })

  it('TikTok and Pinterest: restricted modes for US (or unknown) places only', () => {
    expect(platformFields(optedOut, 'tiktok', { region: 'US-TX' })).toEqual({ limited_data_use: true })
    expect(platformFields(optedOut, 'tiktok', { region: 'JP' })).toBeNull()
    expect(platformFields(optedOut, 'pinterest', { region: 'CA' })).toBeNull()
  })

  it('GPC counts as an opt-out in an unknown place too (who may be Californian)', () => {
    const gpc = rec({ mode: 'opt-out', jurisdiction: '', gpc: true })
    expect(platformFields(gpc, 'tiktok')).toEqual({ limited_data_use: true })
    expect(mayUpload(gpc, 'meta')).toBe(false)
  })
})

describe('whose consent decides', () => {
  it('in opt-in mode a refusal stays a refusal: GPC on top restricts nothing into being sent', () => {
    const refusedWithGpc = rec({ jurisdiction: 'US-CA', gpc: true, categories: { necessary: true, marketing: false } })
    for (const p of Object.keys(EXPECTED) as Platform[]) if (p != 'openrtb') expect(platformFields(refusedWithGpc, p), p).toBeNull()
  })

  it('the platform’s own service decides when the record has it: refused Meta inside a granted marketing is refused', () => {
    const r = rec({ services: { 'meta-pixel': false, 'tiktok-pixel': true } })
    expect(platformFields(r, 'meta')).toBeNull()
    expect(platformFields(r, 'tiktok')).toEqual({ limited_data_use: false })
    expect(mayUpload(r, 'meta')).toBe(false)
    expect(platformFields(r, 'meta', { service: 'meta-capi' })).toEqual({ data_processing_options: [], opt_out: false })
  })

  it('the ads categories can be named', () => {
    const r = rec({ categories: { necessary: true, retargeting: true } })
    expect(platformFields(r, 'google-ads')).toBeNull()
    expect(platformFields(r, 'google-ads', { categories: ['retargeting'] })).toEqual({ consent: { adUserData: 'GRANTED' } })
  })
})

describe('a Snapshot works like a record', () => {
  const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }], mode: 'auto' as const }

  it('readConsent with no cookie: EU undecided is refused, a US visitor with GPC is limited', () => {
    expect(platformFields(readConsent(undefined, { ...CONFIG, region: 'DE' }), 'meta')).toBeNull()
    const us = readConsent(undefined, { ...CONFIG, region: 'US-CA' }, { gpc: true })
    expect(platformFields(us, 'meta')).toMatchObject({ data_processing_options: ['LDU'], data_processing_options_state: 1000 })
    expect(platformFields(us, 'openrtb')).toEqual({ regs: { gpp: 'DBABLA~CVQVAAAAAACA.YA', gpp_sid: [7], us_privacy: '1YYN' } })
    const usNoGpc = readConsent(undefined, { ...CONFIG, region: 'US-CA' })
    expect(platformFields(usNoGpc, 'google-ads')).toEqual({ consent: { adUserData: 'GRANTED' } })
  })

  it('a snapshot with a field of the wrong type is no consent', () => {
    const s = readConsent(undefined, { ...CONFIG, region: 'US-CA' })
    expect(platformFields({ ...s, gpc: 'no' }, 'google-ads')).toBeNull()
    expect(platformFields({ ...s, categories: { marketing: 1 } }, 'google-ads')).toBeNull()
  })
})

describe('openrtb', () => {
  it('a record’s own GPP and USP strings are used as the page published them', () => {
    const r = rec({ mode: 'opt-out', jurisdiction: 'US-CA', gpp: 'DBABBg~BVQVAAAAAWA.QA', gppSid: [8], usp: '1YYY', optOut: OPTED_OUT })
    expect(platformFields(r, 'openrtb')).toEqual({ regs: { gpp: 'DBABBg~BVQVAAAAAWA.QA', gpp_sid: [8], us_privacy: '1YYY' } })
  })

  it('encodes with the site’s signals settings when the record has none', () => {
    const r = rec({ mode: 'opt-out', jurisdiction: 'US-CA', optOut: OPTED_OUT })
    expect(platformFields(r, 'openrtb', { signals: { lspa: true } })).toMatchObject({ regs: { us_privacy: '1YYY' } })
    expect(platformFields(r, 'openrtb', { signals: { sections: ['usca'] } })).toMatchObject({ regs: { gpp_sid: [8] } })
  })
})
