/**
 * The IAB strings for APIs that take them, in OpenRTB 2.6's `regs` object:
 * `gpp`, `gpp_sid` and the legacy `us_privacy`. A record's own strings (what
 * the visitor's page published) are used as they are; otherwise they are
 * encoded here with the same code and settings the page uses.
 */
import { gppState, signalDefaults } from '../../signals/resolved.js'
import { uspString } from '../../signals/cmp/state.js'
import type { Snapshot } from '../../store/snapshot.js'
import { regionOf, usRegion, type ConsentView, type OutcomeOptions } from './view.js'

/** OpenRTB 2.6 `BidRequest.regs` privacy fields. */
export interface OpenRtbFields {
  regs: { gpp: string; gpp_sid: number[]; us_privacy: string }
}

export const openrtb = (v: ConsentView, o: OutcomeOptions & { signals?: object }): OpenRtbFields => {
  const c = signalDefaults(o.signals)
  const region = regionOf(v, o)
  // GPC is an opt-out of sale and sharing where US law applies, whether or not the record says so already.
  const gpc = v.gpc && usRegion(region)
  const s = {
    ...v,
    jurisdiction: region,
    optOut: { ...v.optOut, sale: v.optOut.sale || gpc, sharing: v.optOut.sharing || gpc, targetedAds: v.optOut.targetedAds || gpc },
  } as unknown as Snapshot
  const own = region == v.jurisdiction && v.gpp !== undefined
  const g = own ? null : gppState(s, 'hidden', c)
  return {
    regs: {
      gpp: own ? v.gpp! : g!.gppString,
      gpp_sid: own ? [...(v.gppSid ?? [])] : g!.applicableSections.filter((id) => id > 0),
      us_privacy: own && v.usp ? v.usp : uspString(s, c),
    },
  }
}
