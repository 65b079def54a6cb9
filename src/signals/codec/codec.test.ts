import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { GppModel } from '@iabgpp/cmpapi'
import { decodeGpp, decodeSection, encodeGpp, encodeHeader, encodeSection, SECTIONS, type Fields } from './index.js'

const RUNS = 1000

/** Random, valid field values for one section version (and a GPC sub-section or none). */
const fieldsArb = (name: string, version: number, gpc: boolean | 'maybe') => {
  const defs = SECTIONS[name]!.core[version]!
  const two = (field: string) => (field == 'MspaCoveredTransaction' ? fc.integer({ min: 1, max: 2 }) : fc.integer({ min: 0, max: 2 }))
  const shape: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [field, bits, count] of defs)
    shape[field] = field == 'Version' ? fc.constant(version) : count ? fc.array(two(field), { minLength: count, maxLength: count }) : bits == 2 ? two(field) : fc.constant(0)
  if (SECTIONS[name]!.gpc && gpc) shape.Gpc = gpc === 'maybe' ? fc.option(fc.boolean(), { nil: undefined }) : fc.boolean()
  return fc.record(shape).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Fields)
}

const VERSIONS: [string, number][] = [
  ['usnat', 2],
  ['usnat', 1],
  ['usca', 1],
  ['usva', 1],
  ['usco', 1],
  ['usct', 1],
]

/** What @iabgpp/cmpapi decoded, limited to the fields we set (it adds GpcSegmentType and defaults). */
const libFields = (gpp: string, name: string, keys: string[]) => {
  const section = new GppModel(gpp).getSection(name) as Record<string, unknown>
  return Object.fromEntries(keys.map((k) => [k, section[k]]))
}

/** The same fields set through @iabgpp/cmpapi's model, encoded by it. */
const libEncode = (name: string, f: Fields): string => {
  const m = new GppModel()
  for (const [k, v] of Object.entries(f)) m.setFieldValue(name, k, v)
  if (SECTIONS[name]!.gpc && !('Gpc' in f)) m.setFieldValue(name, 'GpcSegmentIncluded', false)
  return m.encode()
}

describe('the reference vectors come out byte for byte (privacy-signals §3.4, §3.6)', () => {
  it.each([
    [[7], 'DBABLA'],
    [[8], 'DBABBg'],
    [[6, 7], 'DBABzw'],
    [[7, 8], 'DBABrw'],
    [[5, 6], 'DBABjw'],
    [[2, 6], 'DBACNYA'],
    [[2], 'DBABMA'],
    [[], 'DBAA'],
  ])('header %j → %s', (ids, str) => {
    expect(encodeHeader(ids as number[])).toBe(str)
  })

  it('the spec padding gives the short forms: DBABM, DBACNY, DBABL', () => {
    expect(encodeHeader([2], { bytePadding: false })).toBe('DBABM')
    expect(encodeHeader([2, 6], { bytePadding: false })).toBe('DBACNY')
    expect(encodeHeader([7], { bytePadding: false })).toBe('DBABL')
  })

  const base = {
    SharingNotice: 1,
    SaleOptOutNotice: 1,
    SharingOptOutNotice: 1,
    TargetedAdvertisingOptOutNotice: 1,
    MspaCoveredTransaction: 2,
  }
  it.each([
    ['GPC opt-out, usnat v2', { usnat: { ...base, SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1, Gpc: true } }, 'DBABLA~CVQVAAAAAACA.YA'],
    ['no opt-out, no GPC', { usnat: { ...base, SaleOptOut: 2, SharingOptOut: 2, TargetedAdvertisingOptOut: 2, Gpc: false } }, 'DBABLA~CVQqAAAAAACA.QA'],
    ['opted out by link', { usnat: { ...base, SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1, Gpc: false } }, 'DBABLA~CVQVAAAAAACA.QA'],
    ['GPC opt-out, usnat v1', { usnat: { ...base, Version: 1, SaleOptOut: 1, SharingOptOut: 1, TargetedAdvertisingOptOut: 1, Gpc: true } }, 'DBABLA~BVQVAAAAAgA.YA'],
    ['GPC opt-out, usca', { usca: { SaleOptOutNotice: 1, SharingOptOutNotice: 1, SaleOptOut: 1, SharingOptOut: 1, MspaCoveredTransaction: 2, Gpc: true } }, 'DBABBg~BUUAAACA.YA'],
  ])('%s → %s', (_, sections, str) => {
    expect(encodeGpp(sections as Record<string, Fields>)).toBe(str)
    const back = decodeGpp(str)!
    for (const [name, f] of Object.entries(sections)) expect(back[name]).toMatchObject(f)
  })

  it.each(['CVVVkkkkkpFY.YA', 'BAAAVVVVUQA.QA', 'CAAAVVVVVVRA.QA', 'CAAAAAAAAABA.QA'])('the library vector usnat %s decodes as the library reads it', (str) => {
    const ours = decodeSection('usnat', str)!
    expect(ours).toEqual(libFields('DBABLA~' + str, 'usnat', Object.keys(ours)))
  })
})

describe('differential: our codec and @iabgpp/cmpapi agree', () => {
  it.each(VERSIONS)(`%s v%i: our strings, byte-padded and spec-padded, decode in the library to the same values (${RUNS} states)`, (name, version) => {
    fc.assert(
      fc.property(fieldsArb(name, version, 'maybe'), fc.boolean(), (f, bytePadding) => {
        const s = encodeGpp({ [name]: f }, { bytePadding })
        expect(libFields(s, name, Object.keys(f))).toEqual(f)
      }),
      { numRuns: RUNS },
    )
  })

  it.each(VERSIONS)(`%s v%i: the library's strings decode with ours to the same values (${RUNS} states)`, (name, version) => {
    fc.assert(
      fc.property(fieldsArb(name, version, 'maybe'), (f) => {
        expect(decodeGpp(libEncode(name, f))![name]).toEqual(f)
      }),
      { numRuns: RUNS },
    )
  })

  it(`several sections in one string, both ways (${RUNS} states)`, () => {
    const names = ['usnat', 'usca', 'usva', 'usco', 'usct']
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1 }), fc.boolean(), fc.integer(), (picked, bytePadding, seed) => {
        const sections = Object.fromEntries(picked.map((n, i) => [n, fc.sample(fieldsArb(n, SECTIONS[n]!.versions[0]!, true), { numRuns: 1, seed: seed + i })[0]!]))
        const s = encodeGpp(sections, { bytePadding })
        const lib = new GppModel(s)
        expect(lib.getSectionIds()).toEqual(picked.map((n) => SECTIONS[n]!.id).sort((a, b) => a - b))
        expect(decodeGpp(s)).toEqual(sections)
        for (const n of picked) expect(libFields(s, n, Object.keys(sections[n]!))).toEqual(sections[n])
        const m = new GppModel()
        for (const [n, f] of Object.entries(sections)) for (const [k, v] of Object.entries(f)) m.setFieldValue(n, k, v)
        expect(decodeGpp(m.encode())).toEqual(sections)
      }),
      { numRuns: RUNS },
    )
  })

  it(`round-trips in both padding styles (${RUNS} states per section)`, () => {
    for (const [name, version] of VERSIONS)
      fc.assert(
        fc.property(fieldsArb(name, version, 'maybe'), fc.boolean(), (f, bytePadding) => {
          expect(decodeSection(name, encodeSection(name, f, { bytePadding }))).toEqual(f)
        }),
        { numRuns: RUNS },
      )
  })
})

describe('anything from outside that is not a GPP string is null, never a throw', () => {
  it.each([
    undefined,
    null,
    42,
    '',
    'DBABLA',
    'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA',
    'DBABLA~',
    'DBABLA~CVQVAAAAAACA.YA~CVQV',
    'DBABLA~CVQV',
    'DBABLA~CVQVAAAAAACA.ZZ',
    'DBABLA~C*QVAAAAAACA',
    'DBABLA~BUUAAACA',
    'DBABRg~BAQAABA.YA',
    'DBABLA~D_____________',
  ])('%j', (s) => {
    expect(decodeGpp(s)).toBeNull()
  })

  it(`arbitrary strings (${RUNS} runs) and mutated valid strings (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeGpp(s)), { numRuns: RUNS })
    const valid = 'DBABLA~CVQVAAAAAACA.YA'
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!'), (i, ch) => {
        const r = decodeGpp(valid.slice(0, i) + ch + valid.slice(i + 1))
        expect(r === null || typeof r == 'object').toBe(true)
      }),
      { numRuns: RUNS },
    )
  })
})
