/**
 * For the tests of the GPP sections for the signal settings other than the default, checked
 * two ways: every field of our string as @iabgpp/cmpapi's GppModel decodes it,
 * against a table of expected values written from the section specs'
 * value tables (IAB Global-Privacy-Platform, Sections/US-National and
 * Sections/US-States/{CA,VA,CO,CT}), not from our code. The values that matter:
 *
 * - notices: 0 Not Applicable (the business does not do it), 1 notice given, 2 not given;
 * - opt-outs: 0 Not Applicable (notice n/a or not given), 1 Opted Out, 2 Did Not Opt Out;
 * - SensitiveDataProcessing in usnat, usva, usco, usct: 0 N/A, 1 No Consent, 2 Consent —
 *   Consentry never collects that consent, so never 2;
 * - SensitiveDataProcessing in usca (the "Limit the Use" right): 0 N/A (SensitiveDataLimitUseNotice
 *   n/a or not given), 1 Opted Out, 2 Did Not Opt Out;
 * - KnownChildSensitiveDataConsents, PersonalDataConsents: 0 N/A, 1 No Consent, 2 Consent — never 2.
 */
import { expect } from 'vitest'
import { GppModel } from '@iabgpp/cmpapi'
import type { Snapshot } from '../../store/index.js'
import type { SignalsConfig } from '../index.js'
import { gppState } from '../start.js'

export const snap = (jurisdiction: string, optOut: Partial<Snapshot['optOut']> = {}, gpc = false): Snapshot => ({
  decided: true,
  categories: {},
  services: {},
  id: null,
  createdAt: null,
  updatedAt: null,
  revision: 1,
  method: gpc ? 'gpc' : 'banner',
  gpc,
  jurisdiction,
  mode: 'opt-out',
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false, ...optOut },
})
export const NOTHING = {}
export const GPC = { sale: true, sharing: true, targetedAds: true }
export const LIMITED = { sensitive: true }
export const ALL_OUT = { ...GPC, ...LIMITED }

export const n = (count: number, v: number) => Array<number>(count).fill(v)
export const MSPA_NO = { MspaCoveredTransaction: 2, MspaOptOutOptionMode: 0, MspaServiceProviderMode: 0 }

export type Case = [name: string, region: string, settings: Partial<SignalsConfig>, optOut: object, gpc: boolean, section: string, expected: Record<string, unknown>]

/** Every field @iabgpp/cmpapi decodes from `gpp` for `section`, without its bookkeeping of the GPC sub-section. */
export const decoded = (gpp: string, section: string) => {
  const m = new GppModel(gpp)
  expect(m.getSectionIds()).toEqual([{ usnat: 7, usca: 8, usva: 9, usco: 10, usct: 12 }[section]])
  const { GpcSegmentType, GpcSegmentIncluded, ...fields } = m.getSection(section) as Record<string, unknown>
  return fields
}

/** Checks one case: our string for the snapshot under `c`, as @iabgpp/cmpapi decodes it, is `expected`. */
export const expectCase = (c: SignalsConfig, region: string, optOut: object, gpc: boolean, section: string, expected: Record<string, unknown>) => {
  const state = gppState(snap(region, optOut, gpc), 'hidden', c)
  expect(state.applicableSections).toEqual(state.sectionList)
  expect(decoded(state.gppString, section)).toEqual(expected)
}
