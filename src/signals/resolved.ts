/**
 * The signals settings resolved and the GPP state of a snapshot: pure functions,
 * with no API, cookie or DOM code, so `consentry/server` encodes GPP and USP
 * strings with them without loading the signals' browser half. Apart from
 * settings.ts, which the script tag's config check imports: the encoder stays
 * out of the script tag.
 */
import { check } from '../config/rules.js'
import type { ResolvedConfig } from '../config/types.js'
import type { Snapshot, UiView } from '../store/index.js'
import { encodeGpp } from './codec/index.js'
import type { GppState } from './cmp/gpp.js'
import { fieldsFor, sectionFor, SECTION_ID, type SignalsConfig } from './cmp/state.js'
import { SIGNALS } from './settings.js'

/** The signals settings with every default (what the site does, IAB settings), and `over` on top. */
export const signalDefaults = (over: object = {}): SignalsConfig & { gpp: boolean; usp: boolean } =>
  ({ ...check<SignalsConfig & { gpp: boolean; usp: boolean }>(SIGNALS, over, 'config.signals'), limitSensitive: false })

/** `config.signals` checked, with every default; throws a `ConsentryError` naming the field. */
export const signalsConfig = (config: ResolvedConfig): SignalsConfig & { gpp: boolean; usp: boolean } => ({
  ...check<SignalsConfig & { gpp: boolean; usp: boolean }>(SIGNALS, config.signals === true ? {} : config.signals, 'config.signals'),
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
