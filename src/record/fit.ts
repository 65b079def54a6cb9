import type { ResolvedConfig } from '../config/types.js'
import type { ConsentRecord } from './codec.js'

/**
 * Reads a decoded record through the current config, so that what it grants is
 * only ever a subset of what the visitor was asked: ids the config no longer
 * has are dropped, necessary categories are on, anything the record does not
 * mention is refused (a service added since the decision was never consented
 * to). A service keeps its own grant inside a category that is not granted
 * (a visitor may allow one video and no advertising); reading never grants a
 * category that the record does not.
 *
 * A decision given in opt-in mode is consent to what it asked about, and no more
 * (GDPR Art. 4(11), 7(1): specific and informed). Where the config has since
 * gained a category that is not necessary, or a service in a category the
 * visitor allowed, whole or in part, the record is marked `unasked`: it is no
 * longer in force, as after a raised `revision` (see isStale), and the banner
 * asks again, saying why, its switches pre-filled from it; the site need not
 * remember to raise `revision` for it. A service added to a category the
 * visitor refused stays refused with it, unasked: they said no to that purpose.
 * In opt-out mode nothing was asked for, and nothing changes.
 */
export const fitRecord = (r: ConsentRecord, config: ResolvedConfig): ConsentRecord => {
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  let unasked = false
  for (const c of config.categories) {
    const was = r.categories[c.id]
    // Allowed, whole or in part; and whether a service of it is not in the record.
    let allowed = was
    let missing = false
    categories[c.id] = c.necessary || was === true
    for (const s of c.services) {
      const v = r.services[s.id]
      services[s.id] = c.necessary || v === true
      allowed ||= v
      missing ||= v === undefined
    }
    unasked ||= !c.necessary && (was === undefined || (!!allowed && missing))
  }
  return { ...r, categories, services, ...(r.mode == 'opt-in' && unasked && { unasked }) }
}
