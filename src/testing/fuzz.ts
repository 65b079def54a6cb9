/**
 * Shared by the fuzz files (issues #7 and #14), which run every reader of outside data over `FUZZ_RUNS` fast-check
 * cases per property: 10,000 in `npm test`, 100,000 in `npm run fuzz` (it runs every `*fuzz.test.ts` file;
 * `FUZZ_RUNS=1000000 npx vitest run --project unit fuzz.test` for a longer local run). Properties: no throw escapes
 * a reader (config validation throws only its own typed error), nothing invalid grants anything, and every valid
 * input round-trips.
 */
import fc from 'fast-check'
import type { ConsentRecord } from '../record/index.js'

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
// 6 ms a case: the unit project's 60 s at the default count, 10 minutes at `npm run fuzz`'s 100,000 (whose
// slowest test, three properties of 100,000 cases over readConsent and consentCookieHeader, took 35 s).
export const TIMEOUT = Math.max(60_000, RUNS * 6)
export const NOW = Date.UTC(2026, 10, 25)
export const id = fc.stringMatching(/^[A-Za-z][\w-]{0,12}$/)
export const record: fc.Arbitrary<ConsentRecord> = fc.record({
  id: fc.uuid({ version: 4 }),
  createdAt: fc.integer({ min: 0, max: NOW - 1000 }),
  updatedAt: fc.constant(NOW - 1000),
  revision: fc.nat(1000),
  categories: fc.dictionary(id, fc.boolean(), { maxKeys: 6 }),
  services: fc.dictionary(id, fc.boolean(), { maxKeys: 6 }),
  method: fc.constantFrom('banner', 'preferences', 'api', 'gpc', 'embed'),
  mode: fc.constantFrom('opt-in', 'opt-out'),
  jurisdiction: fc.constantFrom('', 'EU', 'US-CA', 'DE-BY'),
  gpc: fc.boolean(),
  optOut: fc.record({ sale: fc.boolean(), sharing: fc.boolean(), targetedAds: fc.boolean(), sensitive: fc.boolean() }),
})
