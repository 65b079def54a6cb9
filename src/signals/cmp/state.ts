/**
 * The visitor's state as US privacy signals: which GPP section applies, its
 * field values, and the legacy USP string — all derived from one snapshot, so
 * the notices, the opt-outs and the MSPA flags always agree (privacy-signals
 * §7, §9 item 16).
 */
import type { Snapshot } from '../../store/index.js'

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
  /** The site offers "Limit the Use of My Sensitive Personal Information" (`limitSensitive` in the config). */
  limitSensitive: boolean
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

/** Sections with a GPC sub-section (privacy-signals §3.3): not usva. */
const WITH_GPC: SectionName[] = ['usnat', 'usca', 'usco', 'usct']

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
 * Field values of `section` for the visitor. Notices: 1 when the site does
 * the thing (our notice and link give them), 0 when it does not. Opt-outs:
 * 1 opted out, 2 not, 0 when the site does not do it. Sensitive data: 1 for
 * each category when the visitor limited its use (opted out / no consent),
 * 2 otherwise, 0 when the site processes none. MSPA from the config.
 */
export const fieldsFor = (section: SectionName, s: Snapshot, c: SignalsConfig): Fields => {
  const o = s.optOut
  const does = (on: boolean, notice = on) => (notice ? 1 : 0)
  const choice = (on: boolean, out: boolean) => (on ? (out ? 1 : 2) : 0)
  const v1 = section == 'usnat' && c.usnatVersion == 1
  const [sensitive, child] = v1 ? [12, 2] : LISTS[section]
  const f: Fields = {
    Version: section == 'usnat' ? c.usnatVersion : 1,
    SharingNotice: does(c.shares || c.sells),
    SaleOptOutNotice: does(c.sells),
    SharingOptOutNotice: does(c.shares),
    TargetedAdvertisingOptOutNotice: does(c.targetedAds),
    SensitiveDataProcessingOptOutNotice: does(c.sensitive),
    SensitiveDataLimitUseNotice: does(c.sensitive && c.limitSensitive),
    SaleOptOut: choice(c.sells, o.sale),
    SharingOptOut: choice(c.shares, o.sharing),
    TargetedAdvertisingOptOut: choice(c.targetedAds, o.targetedAds),
    SensitiveDataProcessing: Array<number>(sensitive).fill(choice(c.sensitive, o.sensitive)),
    // Consent for known children's data is never collected here: not applicable.
    KnownChildSensitiveDataConsents: child ? Array<number>(child).fill(0) : 0,
    PersonalDataConsents: 0,
    MspaCoveredTransaction: c.mspaCovered ? 1 : 2,
    MspaOptOutOptionMode: c.mspaOptOutMode,
    MspaServiceProviderMode: c.mspaServiceProviderMode,
  }
  if (WITH_GPC.includes(section)) f.Gpc = s.gpc
  return f
}

/**
 * The IAB US Privacy string (USP v1): `1` + notice given + opted out of sale
 * + LSPA, or `1---` where CCPA does not apply. Never `-` in the third place
 * when it applies (US Privacy String §"Opt-Out Sale").
 */
export const uspString = (s: Snapshot, c: SignalsConfig): string =>
  usApplies(s) ? '1Y' + (s.optOut.sale ? 'Y' : 'N') + (c.lspa ? 'Y' : 'N') : '1---'
