/** Fuzzing the GPP decoder (see src/testing/fuzz.ts for the runs and properties). */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeGpp, encodeGpp, SECTIONS } from './index.js'
import { RUNS, TIMEOUT } from '../../testing/fuzz.js'


describe(`fuzzing (${RUNS} cases each)`, { timeout: TIMEOUT }, () => {
  it('GPP decoder: arbitrary strings never throw; valid strings round-trip', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void decodeGpp(s)), { numRuns: RUNS })
    fc.assert(fc.property(fc.stringMatching(/^D[A-Za-z0-9_-]{2,20}(~[A-Za-z0-9_.-]{1,30}){0,3}$/), (s) => void decodeGpp(s)), { numRuns: RUNS })
    const usnat = fc.record({
      SaleOptOut: fc.integer({ min: 0, max: 2 }),
      SharingOptOut: fc.integer({ min: 0, max: 2 }),
      MspaCoveredTransaction: fc.integer({ min: 1, max: 2 }),
      Gpc: fc.boolean(),
    })
    fc.assert(
      fc.property(usnat, fc.boolean(), (f, bytePadding) => {
        const d = decodeGpp(encodeGpp({ usnat: f }, { bytePadding }))!
        expect(d.usnat).toMatchObject(f)
        expect(Object.keys(d)).toEqual(['usnat'])
      }),
      { numRuns: RUNS },
    )
    expect(Object.keys(SECTIONS)).toEqual(['usnat', 'usca', 'usva', 'usco', 'usct'])
  })
})
