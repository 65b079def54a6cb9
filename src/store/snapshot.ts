import type { Method, Mode, ResolvedConfig } from '../config/types.js'
import type { ConsentRecord, OptOut } from '../record/index.js'

/** What `get()` returns: a frozen picture of consent now. */
export interface Snapshot {
  /** A current decision exists (not missing, expired or from an older policy revision). */
  readonly decided: boolean
  /** Category id → granted now. */
  readonly categories: Readonly<Record<string, boolean>>
  /** Service id → granted now. */
  readonly services: Readonly<Record<string, boolean>>
  /** The consent id of the decision, or null. */
  readonly id: string | null
  /** First decision, ISO 8601, or null. */
  readonly createdAt: string | null
  /** Latest decision, ISO 8601, or null. */
  readonly updatedAt: string | null
  /** The policy revision in force. */
  readonly revision: number
  readonly method: Method | null
  /** Global Privacy Control is on in this browser now. */
  readonly gpc: boolean
  readonly jurisdiction: string
  readonly mode: Mode
  /** US opt-outs in force ("Do Not Sell or Share"). */
  readonly optOut: Readonly<OptOut>
}

const NO_OPT_OUT: OptOut = { sale: false, sharing: false, targetedAds: false, sensitive: false }

/**
 * True when a record no longer counts: made under an older revision, not asked about what the config has gained
 * since (fitRecord), or older than the consent lifetime.
 */
export const isStale = (r: ConsentRecord, config: ResolvedConfig, now: number): boolean =>
  revised(r, config) || now - r.updatedAt > config.lifetime

/** The policy changed since the decision: a raised `revision`, or ids it did not ask about. The banner says why. */
export const revised = (r: ConsentRecord | null | undefined, config: ResolvedConfig): boolean =>
  !!r && (r.revision < config.revision || !!r.unasked)

/**
 * Choices in force before any decision: necessary categories, plus in opt-out
 * mode those whose `default` is on (unless `optedOut` refuses the `optOut` ones). In opt-in mode nothing else is granted
 * until the visitor acts (ePrivacy Art. 5(3); silence is not consent), but in the UK the categories whose use PECR
 * exempts from consent (`ukExemption`; PECR Schedule A1, from the Data (Use and Access) Act 2025), unless the
 * visitor objected: `earlier`, a decision no longer in force, keeps what it refused refused until they choose again.
 */
export const defaultChoices = (config: ResolvedConfig, optedOut?: boolean, earlier?: ConsentRecord | null): Pick<ConsentRecord, 'categories' | 'services'> => {
  const categories: Record<string, boolean> = {}
  const services: Record<string, boolean> = {}
  const uk = /^(GB|UK)\b/.test(config.jurisdiction)
  for (const c of config.categories) {
    const exempt = uk && !!c.ukExemption && earlier?.categories[c.id] !== false
    const on = c.necessary || (config.mode === 'opt-out' && c.default && !(optedOut && c.optOut)) || exempt
    categories[c.id] = on
    for (const s of c.services) services[s.id] = on && !(exempt && earlier?.services[s.id] === false)
  }
  return { categories, services }
}

const freeze = <T extends object>(o: T): T => Object.freeze(o)
/** Each snapshot's fields with the times as numbers, as JSON: what {@link sameSnapshot} compares. */
const keys = new WeakMap<Snapshot, string>()

export const snapshotOf = (
  config: ResolvedConfig | null,
  record: ConsentRecord | null,
  gpc: boolean,
  now: number,
): Snapshot => {
  const live = config && record && !isStale(record, config, now) ? record : null
  // US opt-outs never lapse into "not opted out" (privacy-signals §9 item 32): a stale
  // decision no longer grants anything, but its opt-outs and what they refuse stay.
  const optOut = (live ?? record)?.optOut ?? NO_OPT_OUT
  const choices = live ?? (config ? defaultChoices(config, optOut.sale || optOut.sharing, record) : { categories: {}, services: {} })
  const fields = {
    decided: !!live,
    categories: freeze({ ...choices.categories }),
    services: freeze({ ...choices.services }),
    id: live ? live.id : null,
    createdAt: live ? live.createdAt : null,
    updatedAt: live ? live.updatedAt : null,
    revision: config ? config.revision : 0,
    method: live ? live.method : null,
    gpc,
    // Where the visitor is now, which may differ from where the decision was made.
    jurisdiction: config ? config.jurisdiction : '',
    mode: config ? config.mode : 'opt-in',
    optOut: freeze({ ...optOut }),
  }
  // The times as getters (in the same place among the keys): their ISO strings are written when read
  // (serverSync, the site's code), not on every page view, since V8's first Date#toISOString sets up its
  // date formatting, 4.5 ms at 4× CPU (docs/speed.md). `sameSnapshot` compares without reading them.
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
  const snapshot = freeze({
    ...fields,
    get createdAt() {
      return iso(fields.createdAt)
    },
    get updatedAt() {
      return iso(fields.updatedAt)
    },
  })
  keys.set(snapshot, JSON.stringify(fields))
  return snapshot
}

/** Whether two snapshots say the same, without writing their times. */
export const sameSnapshot = (a: Snapshot, b: Snapshot): boolean => keys.get(a) === keys.get(b)
