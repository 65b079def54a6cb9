import type { ResolvedConfig } from '../config/types.js'
import type { ConsentRecord } from './codec.js'

/**
 * Reads a decoded record through the current config, so that what it grants is
 * only ever a subset of what the visitor was asked: ids the config no longer
 * has are dropped, necessary categories are on, anything the record does not
 * mention is refused (a service added since the decision was never consented
 * to), and no service is granted inside a refused category.
 */
export const fitRecord = (r: ConsentRecord, config: ResolvedConfig): ConsentRecord => {
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  for (const c of config.categories) {
    const on = c.necessary || r.categories[c.id] === true
    categories[c.id] = on
    for (const s of c.services) services[s.id] = on && (c.necessary || r.services[s.id] === true)
  }
  return { ...r, categories, services }
}
