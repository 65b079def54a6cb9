/**
 * What every platform's fields are made from: a record or a snapshot, checked,
 * reduced to one of three outcomes for one platform. Anything that is neither a
 * valid record nor a valid snapshot is no consent, the most restrictive outcome.
 */
import type { OptOut } from '../../record/index.js'
import { syncRecordProblem } from '../../sync/record.js'
import { ID } from '../../config/rules.js'
import type { Mode } from '../../config/types.js'

/** The parts of a record or snapshot the fields depend on. */
export interface ConsentView {
  categories: Record<string, boolean>
  services: Record<string, boolean>
  optOut: OptOut
  gpc: boolean
  jurisdiction: string
  mode: Mode
  gpp?: string
  gppSid?: number[]
  usp?: string
}

const REGION = /^([A-Z]{2,3}(-[A-Z\d]{1,3})?)?$/
const isObj = (x: unknown): x is Record<string, unknown> => typeof x == 'object' && !!x && !Array.isArray(x)
const choices = (x: unknown) => isObj(x) && Object.entries(x).every(([k, v]) => ID.test(k) && typeof v == 'boolean')
const optOut = (x: unknown) => isObj(x) && ['sale', 'sharing', 'targetedAds', 'sensitive'].every((k) => typeof x[k] == 'boolean')

/** A snapshot as `readConsent` or `get()` gives it (or its JSON), checked field by field. */
const isSnapshot = (x: Record<string, unknown>) =>
  typeof x.decided == 'boolean' &&
  choices(x.categories) &&
  choices(x.services) &&
  optOut(x.optOut) &&
  typeof x.gpc == 'boolean' &&
  typeof x.jurisdiction == 'string' &&
  REGION.test(x.jurisdiction) &&
  (x.mode === 'opt-in' || x.mode === 'opt-out')

/** The view of a valid record (`readSyncRecord`'s rules) or snapshot; null for anything else. Never throws. */
export const viewOf = (x: unknown): ConsentView | null => {
  if (!isObj(x)) return null
  if ('consentId' in x ? syncRecordProblem(x) != null : !isSnapshot(x)) return null
  return x as unknown as ConsentView
}

/**
 * - `granted`: the visitor allowed the platform (its service, else an ads category) and has no US opt-out;
 * - `limited`: a US opt-out of sale, sharing or targeted ads (GPC counts as one where US law applies),
 *   which the platform's restricted-processing mode may carry;
 * - `none`: nothing may be sent.
 */
export type Outcome = 'granted' | 'limited' | 'none'

/** The category ids that stand for advertising, as Google Consent Mode's `ad_user_data` reads them. */
export const AD_CATEGORIES = ['marketing', 'advertising', 'ads']

export interface OutcomeOptions {
  region?: string
  categories?: readonly string[]
  service?: string
}

/** Where the visitor is for this event: `options.region` when it is a region code, else the record's; '' is unknown. */
export const regionOf = (v: ConsentView, o: OutcomeOptions): string =>
  typeof o.region == 'string' && REGION.test(o.region) ? o.region : v.jurisdiction

/** US law may apply: a US region, or an unknown one (who may be Californian). */
export const usRegion = (region: string): boolean => region == '' || /^US(-|$)/.test(region)

export const outcomeOf = (v: ConsentView | null, o: OutcomeOptions, service: string): Outcome => {
  if (!v) return 'none'
  const region = regionOf(v, o)
  // GPC is an opt-out of sale and sharing under US law (CCPA regs §7025, Colorado Rule 5.08), not an EU refusal.
  const optedOut = v.optOut.sale || v.optOut.sharing || v.optOut.targetedAds || (v.gpc && usRegion(region))
  const svc = o.service ?? service
  const allowed = Object.hasOwn(v.services, svc) ? v.services[svc] === true : (o.categories ?? AD_CATEGORIES).some((c) => v.categories[c] === true)
  if (optedOut)
    // In opt-out mode the ads category is refused *because of* the opt-out, and a restricted mode is what US law
    // leaves open; in opt-in mode a refusal is a refusal, and an opt-out on top of it changes nothing.
    return allowed || v.mode == 'opt-out' ? 'limited' : 'none'
  return allowed ? 'granted' : 'none'
}
