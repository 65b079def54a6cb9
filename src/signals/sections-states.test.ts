/** The state sections (usca, usva, usco, usct) for the signal settings other than the default: see ./testing/sections.ts. */
import { describe, expect, it } from 'vitest'
import { gppState } from './start.js'
import { signalDefaults } from './start.js'
import { decoded, expectCase, GPC, LIMITED, MSPA_NO, n, NOTHING, ALL_OUT, snap, type Case } from './testing/sections.js'

const CASES: Case[] = [
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

describe('the GPP sections for settings other than the default match the section specs (read by @iabgpp/cmpapi)', () => {
  it.each(CASES)('%s', (_, region, settings, optOut, gpc, section, expected) => {
    expectCase({ ...signalDefaults(), ...settings }, region, optOut, gpc, section, expected)
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
