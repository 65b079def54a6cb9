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
 */
export const fitRecord = (r: ConsentRecord, config: ResolvedConfig): ConsentRecord => {
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  for (const c of config.categories) {
    categories[c.id] = c.necessary || r.categories[c.id] === true
    for (const s of c.services) services[s.id] = c.necessary || r.services[s.id] === true
  }
  return { ...r, categories, services }
}
