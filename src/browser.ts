/**
 * The script-tag build (`dist/consentry.min.js`): the engine, the banner and
 * English. The preferences centre, the extras, the US signals and the other
 * languages are ES modules beside it (or at `ui.assetsUrl`), loaded with
 * import(), which `script-src 'self'` allows; `consentry.all.min.js`
 * (browser-all.ts) carries them all instead.
 */
import { LANGUAGES } from './ui/i18n/pick.js'
import type { Translation } from './ui/i18n/types.js'
import type { PreferencesModule } from './ui/preferences/types.js'
import { scriptUrl, startScriptTag } from './script-tag.js'

const said = new Set<string>()

startScriptTag((config) => {
  // Resolved at the first load, once init has checked ui.assetsUrl: a bad one is a ConsentryError, not a TypeError here.
  const load = (file: string, meanwhile = '') => {
    const url = new URL(file, new URL(config.ui?.assetsUrl ?? '.', scriptUrl)).href
    return import(/* webpackIgnore: true */ url).catch((e) => {
      // The browser's own trace is a bare 404, or nothing when blocked: say which file and what to do, once per file.
      // Said a moment later: a load cut short because the visitor is leaving the page (Firefox rejects it) is no
      // missing file, and the timers of a page that has been left do not run.
      setTimeout(() => said.has(url) || (said.add(url), console.error(`[consentry] ${url} failed to load: upload ${file} from consentry's dist/ there (or set ui.assetsUrl), or use consentry.all.min.js instead.${meanwhile}`)), 2000)
      throw e
    })
  }
  const part = (name: string) => () => load(`consentry-${name}.mjs`)
  return {
    preferences: part('preferences') as () => Promise<PreferencesModule>,
    extras: part('extras'),
    signals: part('signals'),
    languages: LANGUAGES,
    language: (lang) => load(`i18n/${lang}.mjs`, ' The banner is in English until then.').then((m: Record<string, Translation>) => m[lang]),
  }
})
