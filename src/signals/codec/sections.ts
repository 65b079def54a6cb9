/**
 * The US sections' field tables, in encoding order: [name, bits, count] —
 * `count` for the N-Bitfield(2,k) lists, which are k consecutive 2-bit
 * integers with no length prefix. Layouts from the IAB section specs
 * (US National v1/v2, California, Virginia, Colorado, Connecticut); field
 * names as @iabgpp/cmpapi spells them, so values compare directly.
 */
export type FieldDef = [name: string, bits: number, count?: number]

const N = (...names: string[]): FieldDef[] => names.map((n) => [n, 2])
const MSPA = N('MspaCoveredTransaction', 'MspaOptOutOptionMode', 'MspaServiceProviderMode')
const V: FieldDef = ['Version', 6]
const list = (name: string, k: number): FieldDef => [name, 2, k]

/** The states' shared shape (VA, CO, CT): notices, sale and targeted-ads opt-outs, sensitive data, children. */
const state = (sensitive: number, child: FieldDef): FieldDef[] => [
  V,
  ...N('SharingNotice', 'SaleOptOutNotice', 'TargetedAdvertisingOptOutNotice', 'SaleOptOut', 'TargetedAdvertisingOptOut'),
  list('SensitiveDataProcessing', sensitive),
  child,
  ...MSPA,
]

const usnat = (sensitive: number, child: number): FieldDef[] => [
  V,
  ...N(
    'SharingNotice',
    'SaleOptOutNotice',
    'SharingOptOutNotice',
    'TargetedAdvertisingOptOutNotice',
    'SensitiveDataProcessingOptOutNotice',
    'SensitiveDataLimitUseNotice',
    'SaleOptOut',
    'SharingOptOut',
    'TargetedAdvertisingOptOut',
  ),
  list('SensitiveDataProcessing', sensitive),
  list('KnownChildSensitiveDataConsents', child),
  ...N('PersonalDataConsents'),
  ...MSPA,
]

export interface SectionDef {
  id: number
  /** Core layout by version; the first listed version is the default. */
  core: Record<number, FieldDef[]>
  versions: number[]
  /** Has the GPC sub-section (type 1, one Boolean). */
  gpc: boolean
}

export const SECTIONS: Record<string, SectionDef> = {
  usnat: { id: 7, core: { 2: usnat(16, 3), 1: usnat(12, 2) }, versions: [2, 1], gpc: true },
  usca: {
    id: 8,
    core: {
      1: [
        V,
        ...N('SaleOptOutNotice', 'SharingOptOutNotice', 'SensitiveDataLimitUseNotice', 'SaleOptOut', 'SharingOptOut'),
        list('SensitiveDataProcessing', 9),
        list('KnownChildSensitiveDataConsents', 2),
        ...N('PersonalDataConsents'),
        ...MSPA,
      ],
    },
    versions: [1],
    gpc: true,
  },
  usva: { id: 9, core: { 1: state(8, ['KnownChildSensitiveDataConsents', 2]) }, versions: [1], gpc: false },
  usco: { id: 10, core: { 1: state(7, ['KnownChildSensitiveDataConsents', 2]) }, versions: [1], gpc: true },
  usct: { id: 12, core: { 1: state(8, list('KnownChildSensitiveDataConsents', 3)) }, versions: [1], gpc: true },
}

/** Section name → GPP section id. */
export const SECTION_IDS: Record<string, number> = Object.fromEntries(Object.entries(SECTIONS).map(([k, v]) => [k, v.id]))
