/**
 * The script-tag build (`dist/consentry.min.js`): defines `window.Consentry`,
 * initialises itself from `window.consentryConfig` or from
 * `<script type="application/json" data-consentry-config>`, then runs the calls
 * queued in `window.consentryQueue`.
 */
import { init, get, has, whenGranted, on, show, showPreferences, hide } from './api/index.js'
import { acceptAll, rejectAll, set, optOut, reset } from './store/index.js'
import { ConsentryError } from './errors/index.js'
import { adoptQueue, type QueueHost } from './queue/index.js'
import { VERSION } from './version.js'

interface Host extends QueueHost {
  Consentry?: { VERSION?: unknown }
  consentryConfig?: unknown
}

const api = {
  init, get, has, whenGranted, on, acceptAll, rejectAll, set, optOut, reset,
  show, showPreferences, hide, ConsentryError, VERSION,
}

const readConfig = (host: Host): unknown => {
  if (host.consentryConfig) return host.consentryConfig
  const el = document.querySelector('script[type="application/json"][data-consentry-config]')
  if (!el) return undefined
  try {
    return JSON.parse(el.textContent || '')
  } catch {
    console.error(new ConsentryError('invalid-config', 'data-consentry-config: expected valid JSON'))
    return undefined
  }
}

const host = window as unknown as Host
// A second copy of the script leaves the first in charge: one state, one UI.
if (!host.Consentry?.VERSION) {
  host.Consentry = api
  const config = readConfig(host)
  if (config) init(config as Parameters<typeof init>[0]).catch(console.error)
  adoptQueue(api, host)
}
