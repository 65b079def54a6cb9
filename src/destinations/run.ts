import { gppState, signalDefaults } from '../signals/start.js'
import { uspString, type SignalsConfig } from '../signals/cmp/state.js'
import type { Snapshot } from '../store/index.js'
import type { ConsentSource, Destination, PrivacySignals } from './types.js'

/** The signals for a snapshot, as the signals module publishes them with the same settings. */
export const signalsOf = (s: Snapshot, c: SignalsConfig): PrivacySignals => {
  const g = gppState(s, 'hidden', c)
  return { gpp: g.gppString, gppSid: g.applicableSections.filter((id) => id > 0), usp: uspString(s, c), gpc: s.gpc, optOut: s.optOut }
}

/**
 * Connects destinations to a consent source: each runs its `connect` at once
 * (a consent default must precede every tag, whether or not Consentry ever
 * becomes ready), then hears the state once when Consentry is ready (at once
 * if it is already) and every change after. Call it before `init` (or before
 * the script tag loads), so the first call comes before blocking lets any tag
 * run. A destination that throws is logged once and the others still run.
 * Returns a function that disconnects them.
 */
export const connectWith = (source: ConsentSource, destinations: Destination[], signals: Partial<SignalsConfig> = {}): (() => void) => {
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
  let offChange = () => {}
  // `ready` replays the state as it was at ready; a late connection needs it as it is now.
  const offReady = source.on('ready', () => {
    run(source.get(), true)
    offChange = source.on('change', (s) => run(s, false))
  })
  return () => {
    offReady()
    offChange()
  }
}
