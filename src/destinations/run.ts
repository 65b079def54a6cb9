import { gppState, signalDefaults } from '../signals/start.js'
import { uspString, type SignalsConfig } from '../signals/cmp/state.js'
import type { Snapshot } from '../store/index.js'
import type { Plugin } from '../plugins/index.js'
import type { Destination, PrivacySignals } from './types.js'

/** The signals for a snapshot, as the signals module publishes them with the same settings. */
export const signalsOf = (s: Snapshot, c: SignalsConfig): PrivacySignals => {
  const g = gppState(s, 'hidden', c)
  return { gpp: g.gppString, gppSid: g.applicableSections.filter((id) => id > 0), usp: uspString(s, c), gpc: s.gpc, optOut: s.optOut }
}

/**
 * Destinations as a plugin: each runs its `connect` at once (a consent
 * default must precede every tag, whether or not Consentry ever becomes
 * ready); once plugged in, each hears the state when Consentry is ready (at
 * once if it is already), before blocking lets any tag run, and every change
 * after. A destination that throws is logged once and the others still run.
 */
export const destinationsPlugin = (destinations: Destination[], signals: Partial<SignalsConfig> = {}): Plugin => {
  const c = { ...signalDefaults(), ...signals }
  const failed = new Set<Destination>()
  const each = (call: (d: Destination) => void) => {
    for (const d of destinations)
      try {
        call(d)
      } catch (e) {
        if (!failed.has(d)) failed.add(d), console.error(`[consentry] destination "${d.id}" failed:`, e)
      }
  }
  const run = (s: Snapshot, first: boolean) => {
    const sig = signalsOf(s, c)
    each((d) => (first && d.init ? d.init(s, sig) : d.update(s, sig)))
  }
  each((d) => d.connect?.())
  return {
    name: 'destinations',
    start({ config, $snapshot }) {
      // Whether the site offers "Limit the Use of My Sensitive Personal Information" is the config's, as for the
      // signals module (signals/resolved.ts), so both publish the same GPP string (MSPA SensitiveDataLimitUseNotice).
      c.limitSensitive = config.limitSensitive
      run($snapshot.get(), true)
      return $snapshot.listen((s) => run(s, false))
    },
  }
}
