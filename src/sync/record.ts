/**
 * The proof-of-consent record the browser posts to the site's server for each
 * decision (`sync: { url }`), and the server reads back. One shape for both
 * sides; every field has a limit, so a receiver can store it as it is.
 */
import type { Method, Mode } from '../config/types.js'
import type { OptOut } from '../record/index.js'
// The config's own id rule: a record names the same categories and services.
import { ID } from '../config/rules.js'

export interface SyncRecord {
  /** Schema version. */
  v: 1
  /** Unique per record: the receiver drops duplicates by it (the outbox may send one twice). */
  id: string
  /** The visitor's consent id (stays the same across their decisions). */
  consentId: string
  /** First and latest decision, ISO 8601. */
  createdAt: string
  updatedAt: string
  method: Method
  mode: Mode
  /** Region in force, e.g. `US-CA`; '' when unknown. */
  jurisdiction: string
  /** Policy revision the decision was made under. */
  revision: number
  categories: Record<string, boolean>
  services: Record<string, boolean>
  optOut: OptOut
  gpc: boolean
  /** GPP string and section ids in force, and the USP string, when the signals are on. */
  gpp?: string
  gppSid?: number[]
  usp?: string
  /** The page the decision was made on, without query string or fragment. */
  url: string
}

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/
const METHODS = ['banner', 'preferences', 'api', 'gpc', 'embed']

const isObj = (x: unknown): x is Record<string, unknown> => typeof x == 'object' && !!x && !Array.isArray(x)
const choices = (x: unknown) => isObj(x) && Object.keys(x).length <= 200 && Object.entries(x).every(([k, v]) => ID.test(k) && typeof v == 'boolean')

/** Field → check; a failing check is named in the reason. */
const CHECKS: Record<string, [(x: any) => boolean, string, boolean?]> = {
  v: [(x) => x === 1, '1'],
  id: [(x) => typeof x == 'string' && UUID.test(x), 'a UUID'],
  consentId: [(x) => typeof x == 'string' && UUID.test(x), 'a UUID'],
  createdAt: [(x) => typeof x == 'string' && ISO.test(x) && !isNaN(Date.parse(x)), 'an ISO 8601 UTC time'],
  updatedAt: [(x) => typeof x == 'string' && ISO.test(x) && !isNaN(Date.parse(x)), 'an ISO 8601 UTC time'],
  method: [(x) => METHODS.includes(x), METHODS.join(' | ')],
  // Strict comparison: JSON can carry {"toString": false}, which a loose one would try to convert, and throw.
  mode: [(x) => x === 'opt-in' || x === 'opt-out', 'opt-in | opt-out'],
  jurisdiction: [(x) => typeof x == 'string' && /^([A-Z]{2,3}(-[A-Z\d]{1,3})?)?$/.test(x), 'a region code or ""'],
  revision: [(x) => Number.isInteger(x) && x >= 0 && x <= 2 ** 31, 'an integer ≥ 0'],
  categories: [choices, 'an object of ids to true/false'],
  services: [choices, 'an object of ids to true/false'],
  optOut: [(x) => isObj(x) && ['sale', 'sharing', 'targetedAds', 'sensitive'].every((k) => typeof x[k] == 'boolean'), '{ sale, sharing, targetedAds, sensitive } booleans'],
  gpc: [(x) => typeof x == 'boolean', 'true or false'],
  gpp: [(x) => typeof x == 'string' && x.length <= 2048 && /^[\w.~-]*$/.test(x), 'a GPP string', true],
  gppSid: [(x) => Array.isArray(x) && x.length <= 8 && x.every((n) => Number.isInteger(n) && n >= -1 && n < 64), 'a list of section ids', true],
  usp: [(x) => typeof x == 'string' && /^1[YN-]{3}$/.test(x), 'a USP string such as 1YNN', true],
  url: [(x) => typeof x == 'string' && x.length <= 2048 && /^https?:\/\/[^?#\s]+$/.test(x), 'an http(s) URL without query or fragment'],
}

/**
 * Checks a record; returns the first problem, naming the field, or null.
 * Unknown fields are a problem too: a receiver stores only what it knows.
 */
export const syncRecordProblem = (x: unknown): string | null => {
  if (!isObj(x)) return 'expected a JSON object'
  for (const k in x) if (!Object.hasOwn(CHECKS, k)) return `${k}: unknown field`
  for (const [k, [ok, expected, optional]] of Object.entries(CHECKS))
    if (!(optional && x[k] === undefined) && !ok(x[k])) return `${k}: expected ${expected}`
  if (Date.parse(x.createdAt as string) > Date.parse(x.updatedAt as string)) return 'createdAt: later than updatedAt'
  return null
}
