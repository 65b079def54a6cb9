/**
 * The GPP sections for the signal settings other than the default, checked
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
import { describe, expect, it } from 'vitest'
import { GppModel } from '@iabgpp/cmpapi'
import type { Snapshot } from '../store/index.js'
import type { SignalsConfig } from './index.js'
import { gppState } from './start.js'
import { signalDefaults } from './start.js'

const snap = (jurisdiction: string, optOut: Partial<Snapshot['optOut']> = {}, gpc = false): Snapshot => ({
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
const NOTHING = {}
const GPC = { sale: true, sharing: true, targetedAds: true }
const LIMITED = { sensitive: true }
const ALL_OUT = { ...GPC, ...LIMITED }

const n = (count: number, v: number) => Array<number>(count).fill(v)
const MSPA_NO = { MspaCoveredTransaction: 2, MspaOptOutOptionMode: 0, MspaServiceProviderMode: 0 }

type Case = [name: string, region: string, settings: Partial<SignalsConfig>, optOut: object, gpc: boolean, section: string, expected: Record<string, unknown>]

const CASES: Case[] = [
  [
    'usnat v2, an MSPA signatory (covered, opt-out option mode), visitor did nothing',
    'US-TX',
    { mspaCovered: true, mspaOptOutMode: 1, mspaServiceProviderMode: 2 },
    NOTHING,
    false,
    'usnat',
    {
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 2,
      SharingOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: n(16, 0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 1,
      MspaServiceProviderMode: 2,
      Gpc: false,
    },
  ],
  [
    'usnat v2, a site that neither sells, shares nor targets ads: everything n/a, even with GPC',
    'US-CA',
    { sells: false, shares: false, targetedAds: false },
    GPC,
    true,
    'usnat',
    {
      Version: 2,
      SharingNotice: 0,
      SaleOptOutNotice: 0,
      SharingOptOutNotice: 0,
      TargetedAdvertisingOptOutNotice: 0,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 0,
      SharingOptOut: 0,
      TargetedAdvertisingOptOut: 0,
      SensitiveDataProcessing: n(16, 0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: true,
    },
  ],
  [
    'usnat v2, sells only: sharing and targeted ads n/a',
    'US-CA',
    { shares: false, targetedAds: false },
    GPC,
    true,
    'usnat',
    {
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 0,
      TargetedAdvertisingOptOutNotice: 0,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 1,
      SharingOptOut: 0,
      TargetedAdvertisingOptOut: 0,
      SensitiveDataProcessing: n(16, 0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: true,
    },
  ],
  [
    'usnat v2, sensitive data without a "Limit the Use" link: No Consent in every category, notices not given',
    'US-CA',
    { sensitive: true },
    NOTHING,
    false,
    'usnat',
    {
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 2,
      SensitiveDataLimitUseNotice: 2,
      SaleOptOut: 2,
      SharingOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: n(16, 1),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: false,
    },
  ],
  [
    'usnat v2, sensitive data with the "Limit the Use" link: notices given, still No Consent (a visitor who did not limit did not consent)',
    'US-CA',
    { sensitive: true, limitSensitive: true },
    NOTHING,
    false,
    'usnat',
    {
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 1,
      SaleOptOut: 2,
      SharingOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: n(16, 1),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: false,
    },
  ],
  [
    'usnat v2, the "Limit the Use" link alone (limitSensitive) means sensitive data is used; a visitor who limited',
    'US-CA',
    { limitSensitive: true },
    ALL_OUT,
    false,
    'usnat',
    {
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 1,
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SensitiveDataProcessing: n(16, 1),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: false,
    },
  ],
  [
    'usnat v2, known children and secondary use: No Consent for each',
    'US-CA',
    { knownChildren: true, secondaryUse: true },
    NOTHING,
    false,
    'usnat',
    {
      Version: 2,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 0,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 2,
      SharingOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: n(16, 0),
      KnownChildSensitiveDataConsents: [1, 1, 1],
      PersonalDataConsents: 1,
      ...MSPA_NO,
      Gpc: false,
    },
  ],
  [
    'usnat v1 with sensitive data and known children: 12 categories, 2 age bands',
    'US-CA',
    { usnatVersion: 1, sensitive: true, knownChildren: true },
    GPC,
    true,
    'usnat',
    {
      Version: 1,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SensitiveDataProcessingOptOutNotice: 2,
      SensitiveDataLimitUseNotice: 2,
      SaleOptOut: 1,
      SharingOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SensitiveDataProcessing: n(12, 1),
      KnownChildSensitiveDataConsents: [1, 1],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: true,
    },
  ],
  [
    'usca, "Limit the Use" offered and used, with GPC: Opted Out of each sensitive use',
    'US-CA',
    { sections: ['usca'], sensitive: true, limitSensitive: true },
    ALL_OUT,
    true,
    'usca',
    {
      Version: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 1,
      SaleOptOut: 1,
      SharingOptOut: 1,
      SensitiveDataProcessing: n(9, 1),
      KnownChildSensitiveDataConsents: [0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: true,
    },
  ],
  [
    'usca, "Limit the Use" offered, not used: Did Not Opt Out',
    'US-CA',
    { sections: ['usca'], limitSensitive: true, mspaCovered: true, mspaServiceProviderMode: 1 },
    NOTHING,
    false,
    'usca',
    {
      Version: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 1,
      SaleOptOut: 2,
      SharingOptOut: 2,
      SensitiveDataProcessing: n(9, 2),
      KnownChildSensitiveDataConsents: [0, 0],
      PersonalDataConsents: 0,
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 0,
      MspaServiceProviderMode: 1,
      Gpc: false,
    },
  ],
  [
    'usca, sensitive data without the link: notice not given, so each sensitive use is n/a',
    'US-CA',
    { sections: ['usca'], sensitive: true },
    LIMITED,
    false,
    'usca',
    {
      Version: 1,
      SaleOptOutNotice: 1,
      SharingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 2,
      SaleOptOut: 2,
      SharingOptOut: 2,
      SensitiveDataProcessing: n(9, 0),
      KnownChildSensitiveDataConsents: [0, 0],
      PersonalDataConsents: 0,
      ...MSPA_NO,
      Gpc: false,
    },
  ],
  [
    'usca, shares but does not sell, known children under 16, secondary use',
    'US-CA',
    { sections: ['usca'], sells: false, knownChildren: true, secondaryUse: true },
    GPC,
    true,
    'usca',
    {
      Version: 1,
      SaleOptOutNotice: 0,
      SharingOptOutNotice: 1,
      SensitiveDataLimitUseNotice: 0,
      SaleOptOut: 0,
      SharingOptOut: 1,
      SensitiveDataProcessing: n(9, 0),
      KnownChildSensitiveDataConsents: [0, 1],
      PersonalDataConsents: 1,
      ...MSPA_NO,
      Gpc: true,
    },
  ],
  [
    'usva, sensitive data and a known child, visitor opted out: No Consent; no GPC sub-section in Virginia',
    'US-VA',
    { sections: ['usva'], sensitive: true, knownChildren: true },
    GPC,
    false,
    'usva',
    {
      Version: 1,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SaleOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SensitiveDataProcessing: n(8, 1),
      KnownChildSensitiveDataConsents: 1,
      ...MSPA_NO,
    },
  ],
  [
    'usva, no sensitive data, MSPA covered: sensitive data n/a',
    'US-VA',
    { sections: ['usva'], mspaCovered: true, knownChildren: true },
    NOTHING,
    false,
    'usva',
    {
      Version: 1,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SaleOptOut: 2,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: n(8, 0),
      // Virginia asks only for consent to a known child's sensitive data: none processed, n/a.
      KnownChildSensitiveDataConsents: 0,
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 0,
      MspaServiceProviderMode: 0,
    },
  ],
  [
    'usco, sensitive data and a known child, no targeted ads, GPC',
    'US-CO',
    { sections: ['usco'], sensitive: true, knownChildren: true, targetedAds: false },
    GPC,
    true,
    'usco',
    {
      Version: 1,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 0,
      SaleOptOut: 1,
      TargetedAdvertisingOptOut: 0,
      SensitiveDataProcessing: n(7, 1),
      KnownChildSensitiveDataConsents: 1,
      ...MSPA_NO,
      Gpc: true,
    },
  ],
  [
    'usct, sensitive data and known children, does not sell: No Consent for sensitive data and targeted ads of 13–15s',
    'US-CT',
    { sections: ['usct'], sensitive: true, knownChildren: true, sells: false },
    NOTHING,
    false,
    'usct',
    {
      Version: 1,
      SharingNotice: 1,
      SaleOptOutNotice: 0,
      TargetedAdvertisingOptOutNotice: 1,
      SaleOptOut: 0,
      TargetedAdvertisingOptOut: 2,
      SensitiveDataProcessing: n(8, 1),
      KnownChildSensitiveDataConsents: [1, 0, 1],
      ...MSPA_NO,
      Gpc: false,
    },
  ],
  [
    'usct without sensitive data, MSPA covered with service provider mode',
    'US-CT',
    { sections: ['usct'], mspaCovered: true, mspaOptOutMode: 2, mspaServiceProviderMode: 1 },
    GPC,
    true,
    'usct',
    {
      Version: 1,
      SharingNotice: 1,
      SaleOptOutNotice: 1,
      TargetedAdvertisingOptOutNotice: 1,
      SaleOptOut: 1,
      TargetedAdvertisingOptOut: 1,
      SensitiveDataProcessing: n(8, 0),
      KnownChildSensitiveDataConsents: [0, 0, 0],
      MspaCoveredTransaction: 1,
      MspaOptOutOptionMode: 2,
      MspaServiceProviderMode: 1,
      Gpc: true,
    },
  ],
]

/** Every field @iabgpp/cmpapi decodes from `gpp` for `section`, without its bookkeeping of the GPC sub-section. */
const decoded = (gpp: string, section: string) => {
  const m = new GppModel(gpp)
  expect(m.getSectionIds()).toEqual([{ usnat: 7, usca: 8, usva: 9, usco: 10, usct: 12 }[section]])
  const { GpcSegmentType, GpcSegmentIncluded, ...fields } = m.getSection(section) as Record<string, unknown>
  return fields
}

describe('the GPP sections for settings other than the default match the section specs (read by @iabgpp/cmpapi)', () => {
  it.each(CASES)('%s', (_, region, settings, optOut, gpc, section, expected) => {
    const c = { ...signalDefaults(), ...settings }
    const state = gppState(snap(region, optOut, gpc), 'hidden', c)
    expect(state.applicableSections).toEqual(state.sectionList)
    expect(decoded(state.gppString, section)).toEqual(expected)
  })

  it('no configuration and no visitor ever claims a consent Consentry did not collect (no 2 in a consent field)', () => {
    const consentFields = (section: string) => (section == 'usca' ? ['KnownChildSensitiveDataConsents', 'PersonalDataConsents'] : ['SensitiveDataProcessing', 'KnownChildSensitiveDataConsents', 'PersonalDataConsents'])
    const flags = ['sells', 'shares', 'targetedAds', 'sensitive', 'limitSensitive', 'knownChildren', 'secondaryUse'] as const
    for (const [section, region] of [['usnat', 'US-CA'], ['usca', 'US-CA'], ['usva', 'US-VA'], ['usco', 'US-CO'], ['usct', 'US-CT']] as const)
      for (let bits = 0; bits < 1 << flags.length; bits++)
        for (const limited of [false, true]) {
          const settings = Object.fromEntries(flags.map((f, i) => [f, !!(bits & (1 << i))]))
          const c = { ...signalDefaults(), ...settings, sections: section == 'usnat' ? [] : [section] }
          const fields = decoded(gppState(snap(region, { sensitive: limited }), 'hidden', c).gppString, section)
          for (const f of consentFields(section)) if (f in fields) expect([fields[f]].flat(), `${section}.${f} with ${JSON.stringify(settings)}`).not.toContain(2)
        }
  })
})
