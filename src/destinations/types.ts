import type { OptOut } from '../record/index.js'
import type { Snapshot } from '../store/index.js'

/** The US privacy signals that travel with consent (privacy-signals §3.8, §5). */
export interface PrivacySignals {
  /** The GPP string in force ('DBAA' and no section ids outside the US). */
  gpp: string
  /** Section ids in force, for `gpp_sid`; empty outside the US. */
  gppSid: number[]
  /** The USP string: `1YNN`, `1YYN`, or `1---` where CCPA does not apply. */
  usp: string
  gpc: boolean
  optOut: OptOut
}

/**
 * Something downstream that must hear consent: a tag's consent API, an
 * analytics SDK, the site's server. `connect` is called once, synchronously,
 * the moment the destination is connected — before Consentry has read any
 * config, and even if it never becomes ready — for what must precede every
 * tag (a consent default). `init` is called once, synchronously, when
 * Consentry is ready (before blocking lets any tag run); `update` on every
 * later change, once per change. Without `init`, `update` is called then.
 * @example
 * connectDestinations([{ id: 'log', update: (s) => console.log(s.categories) }])
 */
export interface Destination {
  id: string
  connect?(): void
  init?(snapshot: Snapshot, signals: PrivacySignals): void
  update(snapshot: Snapshot, signals: PrivacySignals): void
}
