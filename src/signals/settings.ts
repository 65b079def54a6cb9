/**
 * The signals settings and the GPP state of a snapshot: pure functions, with
 * no API, cookie or DOM code, so `consentry/server` encodes GPP and USP
 * strings with them without loading the signals' browser half.
 */
import { bool, int, rule, shape } from '../config/validate.js'
import type { ResolvedConfig } from '../config/types.js'
import type { Snapshot, UiView } from '../store/index.js'
import { encodeGpp } from './codec/index.js'
import type { GppState } from './cmp/gpp.js'
import { fieldsFor, sectionFor, SECTION_ID, type SignalsConfig } from './cmp/state.js'

const mode = (x: unknown) => x === 0 || x === 1 || x === 2
const SIGNALS = shape(
  {
    gpp: bool(true),
    usp: bool(true),
    sections: rule((x) => Array.isArray(x) && x.every((s) => ['usca', 'usva', 'usco', 'usct'].includes(s)), 'a list of usca, usva, usco, usct', []),
    usnatVersion: rule((x) => x === 1 || x === 2, '1 or 2', 2),
    sells: bool(true),
    shares: bool(true),
    targetedAds: bool(true),
    sensitive: bool(),
    knownChildren: bool(),
    secondaryUse: bool(),
    mspaCovered: bool(),
    mspaOptOutMode: rule(mode, '0, 1 or 2', 0),
    mspaServiceProviderMode: rule(mode, '0, 1 or 2', 0),
    lspa: bool(),
    uspCookie: bool(true),
    cmpId: int(0, 4095, 1),
    cmpVersion: int(0, 4095, 1),
  },
  true,
)

/** The signals settings with every default (what the site does, IAB settings), and `over` on top. */
export const signalDefaults = (over: object = {}): SignalsConfig & { gpp: boolean; usp: boolean } =>
  ({ ...(SIGNALS(over, 'config.signals') as SignalsConfig & { gpp: boolean; usp: boolean }), limitSensitive: false })

/** `config.signals` checked, with every default; throws a `ConsentryError` naming the field. */
export const signalsConfig = (config: ResolvedConfig): SignalsConfig & { gpp: boolean; usp: boolean } => ({
  ...(SIGNALS(config.signals === true ? {} : config.signals, 'config.signals') as SignalsConfig & { gpp: boolean; usp: boolean }),
  limitSensitive: config.limitSensitive,
})

/**
 * What the GPP API publishes for a snapshot and what the UI shows: `view` is
 * the UI's view, or null where nothing draws one (headless) — there is no
 * display layer then, and `cmpDisplayStatus` is null (CMP API §"PingReturn":
 * "NULL when there is no display layer").
 */
export const gppState = (s: Snapshot, view: UiView | null, c: SignalsConfig): GppState => {
  const section = sectionFor(s, c)
  const sections = section ? { [section]: fieldsFor(section, s, c) } : {}
  return {
    gppString: encodeGpp(sections),
    sectionList: section ? [SECTION_ID[section]] : [],
    applicableSections: section ? [SECTION_ID[section]] : [-1],
    sections,
    cmpDisplayStatus: view == null ? null : view == 'hidden' ? 'hidden' : 'visible',
  }
}
