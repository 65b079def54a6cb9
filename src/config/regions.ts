import type { RegionMode } from './types.js'

/**
 * Where consent must be asked before anything non-essential runs: the EU and
 * EEA (ePrivacy Directive Art. 5(3), GDPR), the UK (PECR reg. 6) and
 * Switzerland (revFADP, treated like the EU by most sites). ISO 3166-1 alpha-2,
 * plus `EU`, `EEA` and `UK` as sites often write them.
 */
const OPT_IN =
  'AT BE BG HR CY CZ DK EE FI FR DE GR EL IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB UK CH EU EEA'.split(' ')

/**
 * US states with a comprehensive privacy law in force by 2026 and an opt-out
 * model for sale, sharing and targeted advertising (privacy-signals §6.2, §6.3):
 * California (CCPA/CPRA), Virginia, Colorado, Connecticut, Utah, Texas, Oregon,
 * Montana, Delaware, Iowa, Nebraska, New Hampshire, New Jersey, Tennessee,
 * Minnesota, Maryland, Indiana, Kentucky, Rhode Island. ISO 3166-2 `US-XX`.
 */
export const US_STATES = 'CA VA CO CT UT TX OR MT DE IA NE NH NJ TN MN MD IN KY RI'.split(' ')

/** A region code as Consentry keeps it: upper case, `_` as `-` (`us_ca` → `US-CA`). */
export const normalRegion = (r: string): string => r.trim().toUpperCase().replace('_', '-')

/**
 * The mode for a region: the site's own `regions` first (exact code, then the
 * country of a subdivision, `DE-BY` → `DE`), then the built-in tables, then
 * `fallback` — for an unknown region, a country outside both tables, or `US`
 * without a state.
 */
export const modeFor = (region: string, regions: Record<string, RegionMode>, fallback: RegionMode): RegionMode => {
  const country = region.split('-')[0]!
  return (
    regions[region] ??
    regions[country] ??
    (OPT_IN.includes(country) ? 'opt-in' : country == 'US' && US_STATES.includes(region.slice(3)) ? 'opt-out' : fallback)
  )
}
