/**
 * Google Consent Mode v2 and tag-manager events (privacy-signals §4).
 * Commands go into `dataLayer` as `arguments` objects, the only form gtag.js
 * and GTM process as commands (§4.3: an array is silently ignored).
 */
import type { Snapshot } from '../store/index.js'
import type { Destination, PrivacySignals } from './types.js'

export type ConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage'

type Layer = { dataLayer?: unknown[] } & Record<string, unknown>

/** Pushes `arguments` — never an array — like Google's own `gtag` snippet. */
const gtagFor = (name: string) =>
  function gtag(..._: unknown[]) {
    const w = window as unknown as Layer
    ;((w[name] as unknown[] | undefined) ??= []).push(arguments)
  }

/** Which categories grant each type: the common category ids; override with `types`. */
export const CONSENT_TYPES: Record<ConsentType, string[]> = {
  ad_storage: ['marketing', 'advertising', 'ads'],
  ad_user_data: ['marketing', 'advertising', 'ads'],
  ad_personalization: ['marketing', 'advertising', 'ads', 'personalization'],
  analytics_storage: ['analytics', 'statistics', 'measurement', 'performance'],
  functionality_storage: ['functional', 'functionality', 'preferences'],
  personalization_storage: ['personalization', 'functional', 'preferences'],
  // Security storage (fraud prevention, authentication) is essential by definition.
  security_storage: [],
}

export interface ConsentModeOptions {
  /** Category ids that grant each consent type (a type is granted when any of them is). */
  types?: Partial<Record<ConsentType, string[]>>
  /** Milliseconds tags wait for an `update` after the default. Default 500. */
  waitForUpdate?: number
  /** Region-scoped defaults issued before the general one, e.g. `[{ region: ['US-CA'], granted: ['analytics_storage'] }]`. */
  regions?: { region: string[]; granted?: ConsentType[] }[]
  /** `gtag('set', 'ads_data_redaction', true)`: redact ad click ids while ad_storage is denied. */
  adsDataRedaction?: boolean
  /** `gtag('set', 'url_passthrough', true)`: pass click ids in URLs while storage is denied. */
  urlPassthrough?: boolean
  /** The data layer's name. Default `dataLayer`. */
  dataLayer?: string
}

const ALL = Object.keys(CONSENT_TYPES) as ConsentType[]
const states = (granted: (t: ConsentType) => boolean) =>
  Object.fromEntries(ALL.map((t) => [t, t == 'security_storage' || granted(t) ? 'granted' : 'denied'])) as Record<ConsentType, 'granted' | 'denied'>

/**
 * Google Consent Mode v2: `consent default` with all seven types, denied,
 * the moment it is connected — before any tag, whether Consentry's script
 * runs later (`async`, `defer`) or never becomes ready (a bad config) — then
 * `consent update` when Consentry is ready (a stored decision, or what an
 * opt-out region grants before one) and on every change. A US opt-out (GPC,
 * "Do Not Sell or Share") denies `ad_user_data` and `ad_personalization`
 * whatever the categories say.
 * @example connectDestinations([googleConsentMode({ waitForUpdate: 500, adsDataRedaction: true })])
 */
export const googleConsentMode = (o: ConsentModeOptions = {}): Destination => {
  const types = { ...CONSENT_TYPES, ...o.types }
  const gtag = gtagFor(o.dataLayer ?? 'dataLayer')
  const stateOf = (s: Snapshot, sig: PrivacySignals) => {
    const optedOut = sig.optOut.sale || sig.optOut.sharing || sig.optOut.targetedAds
    return states((t) => !(optedOut && (t == 'ad_user_data' || t == 'ad_personalization')) && types[t].some((c) => s.categories[c] === true))
  }
  const wait = { wait_for_update: o.waitForUpdate ?? 500 }
  const denied = JSON.stringify(states(() => false))
  // A region-scoped default may grant what this visitor's state does not: then the state must follow as an update.
  const regionGrants = o.regions?.some((r) => r.granted?.length)
  return {
    id: 'google-consent-mode',
    // Google: `consent default` on every page before any command that sends measurement data (`config`, `event`),
    // and `wait_for_update` for a banner that loads asynchronously (privacy-signals §4.1, §9 item 20). Region-scoped
    // defaults first; the most specific region wins, the region-less one applies elsewhere.
    connect() {
      if (o.adsDataRedaction) gtag('set', 'ads_data_redaction', true)
      if (o.urlPassthrough) gtag('set', 'url_passthrough', true)
      for (const r of o.regions ?? []) gtag('consent', 'default', { ...states((t) => !!r.granted?.includes(t)), region: r.region, ...wait })
      gtag('consent', 'default', { ...states(() => false), ...wait })
    },
    // Ready: the default is already in force, so only an update, and only where it says something else (§9 item 21).
    init(s, sig) {
      const state = stateOf(s, sig)
      if (s.decided || regionGrants || JSON.stringify(state) != denied) gtag('consent', 'update', state)
    },
    update: (s, sig) => gtag('consent', 'update', stateOf(s, sig)),
  }
}

/**
 * Events for a tag manager's triggers: `consentry_default` once at load, then
 * `consentry_update` at load when a decision is stored and on every change,
 * each with the categories, services and US signals.
 * @example connectDestinations([dataLayerEvents()])  // GTM trigger: Custom Event "consentry_update"
 */
export const dataLayerEvents = (o: { dataLayer?: string } = {}): Destination => {
  const push = (event: string, s: Snapshot, sig: PrivacySignals) => {
    const w = window as unknown as Layer
    ;((w[o.dataLayer ?? 'dataLayer'] as unknown[] | undefined) ??= []).push({
      event,
      consentry: {
        decided: s.decided,
        categories: { ...s.categories },
        services: { ...s.services },
        method: s.method,
        mode: s.mode,
        jurisdiction: s.jurisdiction,
        gpc: sig.gpc,
        optOut: { ...sig.optOut },
        gpp: sig.gpp,
        gppSid: sig.gppSid,
        usp: sig.usp,
      },
    })
  }
  return {
    id: 'data-layer',
    init(s, sig) {
      push('consentry_default', s, sig)
      if (s.decided) push('consentry_update', s, sig)
    },
    update: (s, sig) => push('consentry_update', s, sig),
  }
}
