/**
 * The script-tag build (`dist/consentry.min.js`): defines `window.Consentry`,
 * initialises itself from `window.consentryConfig` or from
 * `<script type="application/json" data-consentry-config>`, then runs the calls
 * queued in `window.consentryQueue`.
 */
import { get, has, whenGranted, on, show, showPreferences, hide } from './api/index.js'
import { acceptAll, rejectAll, set, optOut, limitSensitive, reset } from './store/index.js'
import { ConsentryError } from './errors/index.js'
import { adoptQueue, type QueueHost } from './queue/index.js'
import { VERSION } from './version.js'
import type { ConsentryConfig } from './config/index.js'
import { LANGUAGES } from './ui/i18n/pick.js'
import type { Translation } from './ui/i18n/types.js'
import { initWithUi } from './ui/init.js'
import type { PreferencesModule } from './ui/preferences/types.js'

// Read while this script runs: afterwards document.currentScript is null.
const me = document.currentScript as HTMLScriptElement | null
const scriptUrl = me?.src || location.href
// `<script src="consentry.min.js" data-region="US-CA">`: a server or CDN that knows the region writes it here.
const scriptRegion = me?.getAttribute('data-region')

/**
 * The script tag carries the engine, the banner and English. The preferences
 * centre and other languages are ES modules beside it (or at `ui.assetsUrl`),
 * loaded with import(), which `script-src 'self'` allows.
 */
const init = (config: ConsentryConfig) => {
  // Resolved at the first load, once init has checked ui.assetsUrl: a bad one is a ConsentryError, not a TypeError here.
  const load = (file: string) => import(/* webpackIgnore: true */ new URL(file, new URL(config.ui?.assetsUrl ?? '.', scriptUrl)).href)
  const part = (name: string) => () => load(`consentry-${name}.mjs`)
  if (scriptRegion && config && typeof config == 'object' && config.region === undefined) config = { ...config, region: scriptRegion }
  return initWithUi(config, {
    preferences: part('preferences') as () => Promise<PreferencesModule>,
    extras: part('extras'),
    signals: part('signals'),
    languages: LANGUAGES,
    language: (lang) => load(`i18n/${lang}.mjs`).then((m: Record<string, Translation>) => m[lang]),
  })
}

interface Host extends QueueHost {
  Consentry?: { VERSION?: unknown }
  consentryConfig?: unknown
}

const api = {
  init, get, has, whenGranted, on, acceptAll, rejectAll, set, optOut, limitSensitive, reset,
  show, showPreferences, hide, ConsentryError, VERSION,
}

const readConfig = (host: Host): unknown => {
  if (host.consentryConfig) return host.consentryConfig
  const el = document.querySelector('script[type="application/json"][data-consentry-config]')
  if (!el) return undefined
  try {
    return JSON.parse(el.textContent || '')
  } catch {
    console.error(new ConsentryError('invalid-config', 'data-consentry-config: invalid JSON'))
    return undefined
  }
}

const host = window as unknown as Host
// A second copy of the script leaves the first in charge: one state, one UI.
if (!host.Consentry?.VERSION) {
  host.Consentry = api
  const config = readConfig(host)
  if (config) init(config as ConsentryConfig).catch(console.error)
  adoptQueue(api, host)
}
