/** The demo vendors' side: the ad pixel's answer, and the log of what their tags did (scripts fetched, beacons, pixels). */

/** A transparent 1×1 GIF: what an ad pixel answers. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** What the demo's vendor tags sent, newest last: kept in memory, at most this many. */
const TAG_HITS_KEPT = 500

/** A new, empty log: `hits` in order, `hit` adds one (and drops the oldest past the limit). */
export const tagLog = () => {
  /** @type {{ at: string, kind: 'script' | 'beacon' | 'pixel', path: string, detail: string }[]} */
  const hits = []
  const hit = (kind, path, detail = '') => {
    hits.push({ at: new Date().toISOString(), kind, path, detail })
    if (hits.length > TAG_HITS_KEPT) hits.shift()
  }
  return { hits, hit }
}
