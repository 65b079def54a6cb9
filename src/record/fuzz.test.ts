/** Fuzzing the consent record codec (see src/testing/fuzz.ts for the runs and properties). */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeRecord, encodeRecord } from './index.js'
import { NOW, record, RUNS, TIMEOUT } from '../testing/fuzz.js'


describe(`fuzzing (${RUNS} cases each)`, { timeout: TIMEOUT }, () => {
  it('record codec: arbitrary strings decode to null or a record, never throw; valid records round-trip', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => void decodeRecord(s, NOW)), { numRuns: RUNS })
    fc.assert(
      fc.property(record, (r) => {
        // Keys are unique per map; a key in both maps is allowed by the codec.
        expect(decodeRecord(encodeRecord(r), NOW)).toEqual(r)
      }),
      { numRuns: RUNS },
    )
  })

  it('record codec: any single-character change to a valid cookie is refused (FNV-1a steps are bijections, so the checksum always differs)', () => {
    fc.assert(
      fc.property(record, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (r, at, ch) => {
        const s = encodeRecord(r)
        const i = at % s.length
        const changed = s.slice(0, i) + ch + s.slice(i + 1)
        if (changed != s) expect(decodeRecord(changed, NOW)).toBeNull()
      }),
      { numRuns: RUNS },
    )
  })
})
