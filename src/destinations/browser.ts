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
 * It plugs into the page's Consentry through its public API
 * (`window.Consentry.use`, at once or at the `consentry:ready` event if it runs first).
 * The sync outbox (proof of consent) is a file of its own beside it,
 * `consentry-sync.mjs`, fetched only where the block names a sync.
 */
import { ConsentryError } from '../errors/index.js'
import { amplitude, mixpanel, posthog, segment } from './analytics.js'
import { dataLayerEvents, googleConsentMode } from './google.js'
import { withPrivacyParams } from './params.js'
import { metaPixel, microsoftClarity, microsoftUet, tiktokPixel } from './pixels.js'
import { destinationsPlugin } from './run.js'
import { checkUrl } from '../sync/url.js'
import type { SyncOptions } from '../sync/outbox.js'
import { later } from './later.js'
import type { Destination } from './types.js'
import type { Plugin } from '../plugins/index.js'

const BLOCK = 'data-consentry-destinations'
// This file's own URL, read while it runs (document.currentScript is null afterwards): the outbox is beside it.
const here = (document.currentScript as HTMLScriptElement | null)?.src || location.href

/**
 * A sync: its URL checked now (a wrong one is reported with the other entries), the outbox fetched at once, before
 * any banner can be clicked, so it is there for the first decision; until it is, `later` keeps the calls.
 */
const sync = (field: string) => (o: SyncOptions) => {
  checkUrl(`${field}.url`, o?.url)
  const url = new URL('consentry-sync.mjs', here).href
  // Leaving the page cancels the fetch, and Firefox then rejects the import before `pagehide`: that is not a missing
  // file, so it is said a second later, when a page that was left runs no more timers (and `pagehide` covers one kept
  // in the back/forward cache). Nor is the decision lost: the next page with a sync records it (see outbox.ts).
  let leaving = false
  addEventListener('pagehide', () => (leaving = true))
  return later('server-sync', () =>
    import(/* webpackIgnore: true */ url).then(
      (m: typeof import('../sync/outbox.js')) => m.outbox(o, field),
      (e) => {
        setTimeout(() => leaving || console.error(`[consentry] ${url} failed to load: upload consentry-sync.mjs from consentry's dist/ beside consentry-destinations.min.js; no proof of consent is sent until then.`), 1000)
        throw e
      },
    ),
  )
}
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
  serverSync: sync(BLOCK + '.serverSync'),
  // `sync: { url }`, the name the proof-of-consent settings go by elsewhere.
  sync: sync(BLOCK + '.sync'),
}

type Api = { use?(plugin: Plugin): unknown }
const host = window as unknown as { Consentry?: Api; ConsentryDestinations?: unknown }

const el = document.querySelector(`script[type="application/json"][${BLOCK}]`)
let config: Record<string, unknown> | null = {}
try {
  config = el ? JSON.parse(el.textContent || '{}') : {}
} catch {
  console.error(new ConsentryError('invalid-config', BLOCK + ': invalid JSON'))
}
const { signals, ...named } = config ?? {}
// One bad entry is reported and left out; the others, the Consent Mode default above all, still run.
const list: Destination[] = []
for (const [name, options] of Object.entries(named))
  try {
    const make = FACTORIES[name]
    if (!make) throw new ConsentryError('invalid-config', `${BLOCK}.${name}: expected one of ${Object.keys(FACTORIES).join(', ')}`)
    list.push(make(options === true ? {} : options))
  } catch (e) {
    console.error(e)
  }
// Each destination's `connect` runs now; the plugin goes to the page's Consentry, or, loaded before
// consentry.min.js, at its `consentry:ready` (which comes during its init, before any tag runs).
const plugin = destinationsPlugin(list, (signals ?? {}) as object)
// An older consentry.min.js has no `use`: said, since nothing would hear the decision.
const attach = () => (host.Consentry?.use ? host.Consentry.use(plugin) : console.error('[consentry] consentry-destinations.min.js needs consentry.min.js of the same release (Consentry.use)'))
if (host.Consentry?.use) attach()
else addEventListener('consentry:ready', attach, { once: true })
host.ConsentryDestinations = { withPrivacyParams }
