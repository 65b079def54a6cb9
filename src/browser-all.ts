/**
 * The single-file script-tag build (`dist/consentry.all.min.js`), for hosts
 * where one file is all a site owner can add: the engine, the banner, the
 * preferences centre, the extras, the US signals and all 29 languages. The
 * dynamic imports below are inlined by the build, so nothing is fetched: the
 * page's language is there at once, and `script-src 'self'` is all it needs.
 */
import * as translations from './ui/i18n/index.js'
import { LANGUAGES } from './ui/i18n/pick.js'
import type { Translation } from './ui/i18n/types.js'
import { startScriptTag } from './script-tag.js'

startScriptTag(() => ({
  preferences: () => import('./ui/preferences/index.js'),
  extras: () => import('./ui/extras/index.js'),
  signals: () => import('./signals/start.js'),
  languages: LANGUAGES,
  language: async (lang) => (translations as unknown as Record<string, Translation>)[lang],
}))
