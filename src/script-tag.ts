/**
 * What every script-tag build shares: it defines `window.Consentry`,
 * initialises itself from `window.consentryConfig` or from
 * `<script type="application/json" data-consentry-config>`, then runs the calls
 * queued in `window.consentryQueue`. The builds differ only in how they find
 * the parts they do not carry ({@link UiLoaders}).
 */
import { get, has, whenGranted, on, show, showPreferences, hide } from './api/index.js'
import { acceptAll, rejectAll, set, optOut, limitSensitive, reset } from './store/index.js'
import { ConsentryError } from './errors/index.js'
import { adoptQueue, type QueueHost } from './queue/index.js'
import { VERSION } from './version.js'
import { use } from './plugins/index.js'
import type { ConsentryConfig } from './config/index.js'
import { initWithUi } from './ui/init.js'
import { embedPreferences } from './ui/embed.js'
import type { UiLoaders } from './ui/index.js'

// Read while this script runs: afterwards document.currentScript is null.
const me = document.currentScript as HTMLScriptElement | null
/** The script's own URL: the script tag loads its other files from beside it. */
export const scriptUrl = me?.src || location.href
// `<script src="consentry.min.js" data-region="US-CA">`: a server or CDN that knows the region writes it here.
const scriptRegion = me?.getAttribute('data-region')

interface Host extends QueueHost {
  Consentry?: { VERSION?: unknown }
  consentryConfig?: unknown
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

/** Starts a script-tag build; `loadersFor` says how it finds its other parts, once it has the config. */
export const startScriptTag = (loadersFor: (config: ConsentryConfig) => UiLoaders): void => {
  const init = (config: ConsentryConfig) => {
    if (scriptRegion && config && typeof config == 'object' && config.region === undefined) config = { ...config, region: scriptRegion }
    return initWithUi(config, loadersFor(config))
  }
  const api = {
    init, get, has, whenGranted, on, acceptAll, rejectAll, set, optOut, limitSensitive, reset,
    show, showPreferences, hide, embedPreferences, use, ConsentryError, VERSION,
  }
  const host = window as unknown as Host
  // A second copy of the script leaves the first in charge: one state, one UI.
  if (!host.Consentry?.VERSION) {
    host.Consentry = api
    const config = readConfig(host)
    // Started in a microtask: it runs as soon as this script's own evaluation is over, at the microtask
    // checkpoint that follows it (HTML "clean up after running script"), so before the parser goes on, before
    // any later script and before the first paint, as if it were still this script. What differs is the stack:
    // this file's top level is no longer on it. Chromium with an inspector attached (DevTools, Lighthouse and
    // PageSpeed Insights, any CDP client with the Runtime domain on, as the bench) captures the JavaScript
    // stack at a `document.cookie` read, which has V8 re-parse every function on it for its source positions,
    // this file's 35 KB top level twice (the script and its wrapper function). Measured (docs/speed.md): first
    // visits' script time 165 → 106 ms with Runtime on, 101 → 104 ms without any inspector (4×, medians of 11).
    queueMicrotask(() => {
      if (config) init(config as ConsentryConfig).catch(console.error)
      adoptQueue(api, host)
    })
  }
}
