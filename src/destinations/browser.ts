/**
 * `dist/consentry-destinations.min.js`: the destinations for script-tag sites,
 * switched on by name in a JSON block, so no inline script is needed:
 *
 *   <script type="application/json" data-consentry-destinations>
 *     { "googleConsentMode": { "waitForUpdate": 500 }, "dataLayerEvents": true, "metaPixel": true }
 *   </script>
 *   <script src="/consentry-destinations.min.js"></script>   <!-- before Consentry, GTM and the pixels -->
 *   <script src="/consentry.min.js"></script>
 *
 * It talks to the page's Consentry through its public API (`window.Consentry`,
 * or the `consentry:ready` event if it runs first).
 */
import type { Snapshot } from '../store/index.js'
import { ConsentryError } from '../errors/index.js'
import { amplitude, mixpanel, posthog, segment } from './analytics.js'
import { dataLayerEvents, googleConsentMode } from './google.js'
import { withPrivacyParams } from './params.js'
import { metaPixel, microsoftClarity, microsoftUet, tiktokPixel } from './pixels.js'
import { connectWith } from './run.js'
import { serverSync } from '../sync/outbox.js'
import type { ConsentSource, Destination } from './types.js'

const FACTORIES: Record<string, (o: any) => Destination> = {
  googleConsentMode,
  dataLayerEvents,
  metaPixel,
  tiktokPixel,
  microsoftUet,
  microsoftClarity,
  segment,
  posthog,
  mixpanel,
  amplitude,
  serverSync,
  // `sync: { url }`, the name the proof-of-consent settings go by elsewhere.
  sync: serverSync,
}

type Api = { get(): Snapshot; on(e: string, cb: (s: Snapshot) => void): () => void }
const host = window as unknown as { Consentry?: Api; ConsentryDestinations?: unknown }

const source: ConsentSource = {
  get: () => host.Consentry!.get(),
  on(event, cb) {
    if (host.Consentry?.on) return host.Consentry.on(event, cb)
    // Loaded before consentry.min.js: its `consentry:ready` comes during its init, before any tag runs.
    const listener = (e: Event) => cb((e as CustomEvent<Snapshot>).detail)
    addEventListener('consentry:' + event, listener, { once: event == 'ready' })
    return () => removeEventListener('consentry:' + event, listener)
  },
}

const el = document.querySelector('script[type="application/json"][data-consentry-destinations]')
try {
  const config: Record<string, unknown> = el ? JSON.parse(el.textContent || '{}') : {}
  const { signals, ...named } = config
  const list = Object.entries(named).map(([name, options]) => {
    const make = FACTORIES[name]
    if (!make) throw new ConsentryError('invalid-config', `data-consentry-destinations.${name}: expected one of ${Object.keys(FACTORIES).join(', ')}`)
    return make(options === true ? {} : options)
  })
  connectWith(source, list, (signals ?? {}) as object)
} catch (e) {
  console.error(e instanceof ConsentryError ? e : new ConsentryError('invalid-config', 'data-consentry-destinations: invalid JSON'))
}
host.ConsentryDestinations = { withPrivacyParams }
