import type { Method, Mode } from '../config/types.js'
import { ID, JURISDICTION } from '../config/rules.js'

/** US opt-outs (CCPA/CPRA §1798.120, §1798.135; state "targeted advertising" rights). */
export interface OptOut {
  sale: boolean
  sharing: boolean
  targetedAds: boolean
  /** "Limit the Use of My Sensitive Personal Information" (CCPA §1798.121); GPC does not set it (§7025). */
  sensitive: boolean
}

/** One visitor's decision, as kept in the cookie and in localStorage. */
export interface ConsentRecord {
  /** Random UUID v4: pseudonymous, carries nothing about the visitor (see privacy-signals §6.1a). */
  id: string
  /** First decision, ms since the epoch. */
  createdAt: number
  /** Latest decision, ms since the epoch. */
  updatedAt: number
  /** Policy revision the decision was made under. */
  revision: number
  categories: Record<string, boolean>
  services: Record<string, boolean>
  method: Method
  mode: Mode
  jurisdiction: string
  /** Whether the browser sent Global Privacy Control when the decision was made. */
  gpc: boolean
  optOut: OptOut
  /**
   * Read through a config that has gained a category, or a service in an allowed category, since this opt-in
   * decision (fit.ts): it did not ask about them, so it is no longer in force. Never stored.
   */
  unasked?: boolean
}

/**
 * The schema version this build writes. Older versions are read and migrated
 * (rewritten in this one when the visitor leaves the page), never dropped:
 * - 1: as 2, but `created` always spelled out.
 * - 2: `created` left empty when it equals `updated` (a first decision), 8 bytes shorter.
 */
export const SCHEMA = 2
/** Cookies beyond ~4 KB are dropped by browsers (RFC 6265 §6.1); anything longer is not ours. */
export const MAX_LENGTH = 3800
/** A decision stamped more than a day in the future comes from a wrong clock or a forger. */
const SKEW = 864e5

// One letter each in the cookie: the method's first letter, the mode's fifth.
const METHODS: Record<string, Method> = { b: 'banner', p: 'preferences', a: 'api', g: 'gpc', e: 'embed' }
const MODES: Record<string, Mode> = { i: 'opt-in', o: 'opt-out' }
const B36 = /^[0-9a-z]{1,11}$/
const UUID = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/

/**
 * FNV-1a, 32 bit. Not a signature (a page's scripts can always write the
 * cookie): it catches truncation, bit rot and hand edits, so that a damaged
 * value counts as no decision instead of a different one.
 */
const checksum = (s: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

// `|` separates entries and `!` marks a refusal: both are RFC 6265 cookie-octets
// that js-cookie writes unescaped, so the cookie stays short and readable.
const encodeChoices = (m: Record<string, boolean>): string =>
  Object.keys(m).map((k) => (m[k] ? k : '!' + k)).join('|')

const decodeChoices = (s: string): Record<string, boolean> | null => {
  const out: Record<string, boolean> = {}
  if (!s) return out
  for (const entry of s.split('|')) {
    const granted = entry[0] !== '!'
    const id = granted ? entry : entry.slice(1)
    if (!ID.test(id) || id in out) return null
    out[id] = granted
  }
  return out
}

// Five bits in one base-36 digit (0–v); records written before `sensitive` existed have 0–f and read the same.
const flags = (r: ConsentRecord): number =>
  +r.gpc | (+r.optOut.sale << 1) | (+r.optOut.sharing << 2) | (+r.optOut.targetedAds << 3) | (+r.optOut.sensitive << 4)

/**
 * The record carries a US opt-out (sale, sharing, targeted advertising or the
 * sensitive-data limit). Such a record must outlive the decision's `lifetime`:
 * an opt-out never lapses into "not opted out" (privacy-signals §6.1a, §9 item 32).
 */
export const hasOptOut = (r: ConsentRecord): boolean => flags(r) > 1

/**
 * Encodes a record into a compact, cookie-safe string:
 * `2.<uuid>.<created>.<updated>.<revision>.<method><mode><flags>.<jurisdiction>.<categories>.<services>.<checksum>`
 * (numbers in base 36).
 *
 * @example encodeRecord(record) // '2.3f2a…..lx9k2p0.0.bi0.EU.necessary|analytics|!ads.posthog.1k3j9a'
 */
export const encodeRecord = (r: ConsentRecord): string => {
  const body = [
    SCHEMA,
    r.id,
    r.createdAt == r.updatedAt ? '' : r.createdAt.toString(36),
    r.updatedAt.toString(36),
    r.revision.toString(36),
    r.method[0]! + r.mode[4]! + flags(r).toString(36),
    r.jurisdiction,
    encodeChoices(r.categories),
    encodeChoices(r.services),
  ].join('.')
  return body + '.' + checksum(body)
}

/**
 * Decodes a stored value. Never throws: anything that is not a well-formed,
 * intact record of this schema (missing, truncated, oversized, foreign,
 * future-dated, checksum mismatch) yields `null`, which means "no decision".
 */
export const decodeRecord = (raw: unknown, now = Date.now()): ConsentRecord | null => {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH) return null
  const cut = raw.lastIndexOf('.')
  const body = raw.slice(0, cut)
  const p = body.split('.')
  const v = p[0]
  if (cut < 0 || p.length !== 9 || (v !== '1' && v !== '2') || raw.slice(cut + 1) !== checksum(body)) return null
  const [, id, c, u, rev, f, jurisdiction, cats, svcs] = p as [string, string, string, string, string, string, string, string, string]
  if (!UUID.test(id) || !(B36.test(c) || (v == '2' && !c)) || !B36.test(u) || !B36.test(rev) || !JURISDICTION.test(jurisdiction)) return null
  const updatedAt = parseInt(u, 36)
  const createdAt = c ? parseInt(c, 36) : updatedAt
  const method = METHODS[f[0]!]
  const mode = MODES[f[1]!]
  const bits = f.length == 3 ? parseInt(f[2]!, 36) : NaN
  const categories = decodeChoices(cats)
  const services = decodeChoices(svcs)
  if (!method || !mode || !(bits >= 0 && bits < 32) || !categories || !services) return null
  if (createdAt > updatedAt || updatedAt > now + SKEW) return null
  return {
    id,
    createdAt,
    updatedAt,
    revision: parseInt(rev, 36),
    categories,
    services,
    method,
    mode,
    jurisdiction,
    gpc: !!(bits & 1),
    optOut: { sale: !!(bits & 2), sharing: !!(bits & 4), targetedAds: !!(bits & 8), sensitive: !!(bits & 16) },
  }
}

/** The latest valid record among several stored values (cookie variants, localStorage); null if none is valid. */
export const newestRecord = (values: unknown[], now = Date.now()): ConsentRecord | null => {
  let best: ConsentRecord | null = null
  for (const v of values) {
    const r = decodeRecord(v, now)
    if (r && (!best || r.updatedAt > best.updatedAt)) best = r
  }
  return best
}
