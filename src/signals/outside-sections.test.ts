/**
 * What other code on the page and other frames can ask `__gpp` and `__uspapi` about sections and fields: the
 * spec's shape for sections (an array of sub-sections), and own keys only — by direct call, before (stub) and after
 * Consentry loads.
 */
import { describe, expect, it } from 'vitest'
import { GppModel } from '@iabgpp/cmpapi'
import { installStubs } from './index.js'
import { call, gpp, ODD_PARAMS, ODD_PREFIXES, SITE, start, useOutsidePage } from './testing/outside.js'

useOutsidePage()

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
