/**
 * The visitor's state as US privacy signals: which GPP section applies, its
 * field values, and the legacy USP string — all derived from one snapshot, so
 * the notices, the opt-outs and the MSPA flags always agree (privacy-signals
 * §7, §9 item 16).
 */
import type { Snapshot } from '../../store/index.js'
import { SECTIONS } from '../codec/sections.js'

/** What the site does with personal data, and its IAB settings: `gpp` in the config. */
export interface SignalsConfig {
  /** Sections to use for visitors of those states; other US visitors get `usnat`. Default: `usnat` for all. */
  sections: ('usca' | 'usva' | 'usco' | 'usct')[]
  /** `usnat` version: 2 (default) or 1 for a downstream that reads only v1. */
  usnatVersion: 1 | 2
  /** The site sells personal data (CCPA §1798.140(ad)). Default true. */
  sells: boolean
  /** The site shares it for cross-context behavioural advertising (§1798.140(ah)). Default true. */
  shares: boolean
  /** The site does targeted advertising (VA, CO, CT…). Default true. */
  targetedAds: boolean
  /** The site processes sensitive data (§1798.140(ae)). Default false. */
  sensitive: boolean
  /** The site offers "Limit the Use of My Sensitive Personal Information" (`limitSensitive` in the config); implies `sensitive`. */
  limitSensitive: boolean
  /** The site has actual knowledge that it processes personal data of children (under 18: the sections' age bands). Default false. */
  knownChildren: boolean
  /** The site uses personal data for advertising unrelated to or incompatible with why it was collected (CCPA §1798.100(c)). Default false. */
  secondaryUse: boolean
  /** IAB MSPA: the transaction is covered (1) or not (2). Default not covered. */
  mspaCovered: boolean
  /** MSPA Opt-Out Option Mode / Service Provider Mode: 0 n/a, 1 yes, 2 no. Default 0. */
  mspaOptOutMode: 0 | 1 | 2
  mspaServiceProviderMode: 0 | 1 | 2
  /** USP: the site signed the IAB Limited Service Provider Agreement. Default false. */
  lspa: boolean
  /** Write the `usprivacy` cookie (IAB recommendation) too. Default true. */
  uspCookie: boolean
  /** IAB CMP id: 1 for a CMP without an IAB registration (US sections need none). */
  cmpId: number
  cmpVersion: number
}

/** GPP section ids (Sections/Section Information.md). */
export const SECTION_ID = { usnat: 7, usca: 8, usva: 9, usco: 10, usct: 12 } as const
export type SectionName = keyof typeof SECTION_ID

/** Field values as @iabgpp/cmpapi names them: numbers, lists of numbers, and `Gpc`. */
export type Fields = Record<string, number | number[] | boolean>

/** Lengths of the 2-bit lists per section (usnat v2 / v1 differ). */
const LISTS: Record<SectionName, [sensitive: number, child: number]> = { usnat: [16, 3], usca: [9, 2], usva: [8, 0], usco: [7, 0], usct: [8, 3] }

/**
 * Where US rules apply: opt-out mode for a US region, or for a visitor whose
 * region is unknown on a site that chose opt-out.
 */
export const usApplies = (s: Snapshot): boolean => s.mode == 'opt-out' && (!s.jurisdiction || s.jurisdiction.startsWith('US'))

/** The section in force for this visitor: their state's, when the site uses it, else `usnat`; null outside the US. */
export const sectionFor = (s: Snapshot, c: SignalsConfig): SectionName | null => {
  if (!usApplies(s)) return null
  const state = ('us' + s.jurisdiction.slice(3).toLowerCase()) as SectionName
  return (c.sections as string[]).includes(state) ? state : 'usnat'
}

/**
 * Field values of `section` for the visitor, each from the value table of
 * that section's IAB spec (US National v1/v2, California, Virginia, Colorado,
 * Connecticut) and what the visitor actually did:
 *
 * - Notices: 1 when the site does the thing (our notice and link give them),
 *   0 when it does not. Opt-outs: 1 opted out, 2 not, 0 when the site does
 *   not do it ("0 Not Applicable. …OptOutNotice value was not applicable").
 * - Sensitive data. `usnat`, `usva`, `usco` and `usct` define
 *   SensitiveDataProcessing as a consent list (0 N/A, 1 No Consent,
 *   2 Consent); Consentry never asks for that consent, so a site that
 *   processes sensitive data gets 1 in every category, whatever the visitor
 *   did, and 0 when it processes none. `usca` defines it as an opt-out list
 *   of the "Limit the Use" right (0 N/A when SensitiveDataLimitUseNotice is n/a
 *   or no notice was given, 1 Opted Out, 2 Did Not Opt Out): 1 or 2 from the
 *   visitor's choice where the site offers the link, else 0. The notices
 *   (SensitiveDataProcessingOptOutNotice, SensitiveDataLimitUseNotice): 0 when
 *   no sensitive data is processed, 1 when the "Limit the Use" link is offered,
 *   2 (not provided) when it is processed without that link.
 * - KnownChildSensitiveDataConsents and PersonalDataConsents are consents too
 *   (0 N/A, 1 No Consent, 2 Consent) and are never collected: 1 where the site
 *   says it knowingly processes children's data or uses data for secondary
 *   advertising purposes (and the activity applies), else 0.
 * - MSPA from the config; the GPC sub-section where the section has one.
 */
export const fieldsFor = (section: SectionName, s: Snapshot, c: SignalsConfig): Fields => {
  const o = s.optOut
  const on = (x: boolean) => (x ? 1 : 0)
  const choice = (applies: boolean, out: boolean) => (applies ? (out ? 1 : 2) : 0)
  const v1 = section == 'usnat' && c.usnatVersion == 1
  const [count, childCount] = v1 ? [12, 2] : LISTS[section]
  // Offering "Limit the Use of My Sensitive PI" means the site uses sensitive data (CCPA §1798.121).
  const sensitive = c.sensitive || c.limitSensitive
  const sensitiveNotice = sensitive ? (c.limitSensitive ? 1 : 2) : 0
  const child = c.knownChildren
  // The activities each section asks children's consent for, in its order.
  const childActivities: Record<SectionName, boolean[]> = {
    usnat: v1 ? [child, child] : [child, child, child],
    usca: [child && c.sells, child && c.shares],
    usva: [child && sensitive],
    usco: [child && sensitive],
    usct: [child && sensitive, child && c.sells, child && c.targetedAds],
  }
  const children = childActivities[section].map(on)
  const f: Fields = {
    Version: section == 'usnat' ? c.usnatVersion : 1,
    SharingNotice: on(c.shares || c.sells),
    SaleOptOutNotice: on(c.sells),
    SharingOptOutNotice: on(c.shares),
    TargetedAdvertisingOptOutNotice: on(c.targetedAds),
    SensitiveDataProcessingOptOutNotice: sensitiveNotice,
    SensitiveDataLimitUseNotice: sensitiveNotice,
    SaleOptOut: choice(c.sells, o.sale),
    SharingOptOut: choice(c.shares, o.sharing),
    TargetedAdvertisingOptOut: choice(c.targetedAds, o.targetedAds),
    SensitiveDataProcessing: Array<number>(count).fill(section == 'usca' ? choice(sensitiveNotice == 1, o.sensitive) : on(sensitive)),
    KnownChildSensitiveDataConsents: childCount ? children : children[0]!,
    PersonalDataConsents: on(c.secondaryUse),
    MspaCoveredTransaction: c.mspaCovered ? 1 : 2,
    MspaOptOutOptionMode: c.mspaOptOutMode,
    MspaServiceProviderMode: c.mspaServiceProviderMode,
  }
  // Only the fields this section and version have: getSection and getField must not show the others.
  const out: Fields = {}
  for (const [name] of SECTIONS[section]!.core[f.Version as number]!) out[name] = f[name]!
  // The GPC sub-section where the section has one (privacy-signals §3.3): not usva.
  if (SECTIONS[section]!.gpc) out.Gpc = s.gpc
  return out
}

/**
 * Where the CCPA applies, as far as the USP string can tell: a visitor in
 * California, and — on a site that treats them by the opt-out model — a
 * visitor whose state is unknown (`US` without a state, or no region at all),
 * who may be Californian: saying `1---` ("CCPA does not apply") for them would
 * drop an opt-out the site honours. The USP string is defined for the CCPA
 * only (US Privacy String §"Overview"); other states' choices travel in GPP.
 */
export const ccpaApplies = (s: Snapshot): boolean => s.mode == 'opt-out' && ['US-CA', 'US', ''].includes(s.jurisdiction)

/**
 * The IAB US Privacy string (USP v1): `1` + notice given + opted out of sale
 * + LSPA where the CCPA applies, else `1---`. Never `-` in the third place
 * when it applies (US Privacy String §"Opt-Out Sale").
 */
export const uspString = (s: Snapshot, c: SignalsConfig): string =>
  ccpaApplies(s) ? '1Y' + (s.optOut.sale ? 'Y' : 'N') + (c.lspa ? 'Y' : 'N') : '1---'
