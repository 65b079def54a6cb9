// @vitest-environment node
/** platformFields and mayUpload over the docs' table of cases for every platform, and over damaged input. */
import { describe, expect, it } from 'vitest'
import { mayUpload, platformFields, type Platform } from '../index.js'
import { base, CASES, EXPECTED, NO_OPT_OUT, type Case } from './testing.js'

describe('platformFields: each platform, each case', () => {
  for (const [platform, cases] of Object.entries(EXPECTED))
    it.each(Object.entries(cases))(`${platform}: %s`, (name, expected) => {
      expect(platformFields(CASES[name as Case], platform as Platform)).toEqual(expected)
    })
})

describe('mayUpload: audiences take only visitors who allowed advertising and did not opt out', () => {
  const expected: Record<Case, boolean> = {
    'opt-in (EU, marketing granted)': true,
    'refused (EU, marketing refused)': false,
    'US opt-out (California, Do Not Sell or Share)': false,
    'GPC (California, nothing clicked)': false,
    'sensitive only (California, Limit the Use)': true,
    'outside the US with GPC (EU, marketing granted)': true,
    'damaged record (marketing granted but an unknown field)': false,
  }
  it.each(Object.entries(expected))('%s', (name, ok) => {
    for (const p of Object.keys(EXPECTED) as Platform[]) expect(mayUpload(CASES[name as Case], p), p).toBe(ok)
  })
})

describe('damaged input is no consent, and never throws', () => {
  const bad: unknown[] = [
    null,
    undefined,
    42,
    'consent',
    [],
    {},
    { ...base, v: 2 },
    { ...base, categories: { marketing: 'true' } },
    { ...base, optOut: { sale: false } },
    { ...base, consentId: 'x' },
    { ...base, jurisdiction: 'us-ca' },
    { ...base, categories: JSON.parse('{"marketing":true,"__proto__":true}') },
    { ...base, gpc: 1 },
    Object.create({ categories: { marketing: true } }),
    { decided: true, categories: { marketing: true }, services: {}, optOut: NO_OPT_OUT, gpc: false, jurisdiction: 'DE', mode: 'on' },
  ]
  it.each(bad.map((b, i) => [i, b]))('case %i: every platform null, no upload', (_, b) => {
    for (const p of Object.keys(EXPECTED) as Platform[]) {
      expect(platformFields(b, p), p).toBeNull()
      expect(mayUpload(b, p), p).toBe(false)
    }
  })

  it('random mutations of a granted record: a grant only when the record is still valid', () => {
    let seed = 3
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const values = [null, true, false, 0, 1, '', 'x', [], {}, { marketing: true }, 'US-CA', -1, 1e9]
    const keys = [...Object.keys(base), 'extra', '__proto__']
    for (let i = 0; i < 2000; i++) {
      const r: Record<string, unknown> = JSON.parse(JSON.stringify(base))
      for (let k = rand(3) + 1; k > 0; k--) r[keys[rand(keys.length)]!] = values[rand(values.length)]
      for (const p of ['meta', 'google-ads', 'tiktok'] as Platform[]) {
        const f = platformFields(r, p)
        if (f) expect(r.categories, JSON.stringify(r)).toMatchObject({ marketing: true })
      }
    }
  })

  it('an unknown platform is a developer mistake: a ConsentryError', () => {
    expect(() => platformFields(base, 'myspace' as Platform)).toThrow(expect.objectContaining({ code: 'invalid-config' }))
    expect(() => mayUpload(base, 'constructor' as Platform)).toThrow(expect.objectContaining({ code: 'invalid-config' }))
  })
})
