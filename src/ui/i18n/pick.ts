import type { BannerText } from './en-banner.js'
import type { Translation } from './types.js'

/** The languages shipped with Consentry (`consentry/i18n`, and `dist/i18n/<code>.mjs` for the script tag). */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs', 'ja', 'zh', 'ar', 'he']

/** `pt-BR` → `pt`: translations are keyed by the primary subtag (BCP 47 §2.2.1). */
const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!

/**
 * The language to show, among those `available`: the configured one; without
 * one, the page's `<html lang>`, else the browser's preferences; English otherwise.
 */
export const pickLanguage = (available: string[], configured?: string): string => {
  const wanted = configured ? [configured] : [document.documentElement.lang, ...(navigator.languages || [])]
  for (const tag of wanted) if (tag && available.includes(primary(tag))) return primary(tag)
  return 'en'
}

type Overrides = Record<string, Partial<Translation> | undefined>

/**
 * English (`base`: the first layer's texts, or all of them), then the chosen
 * translation, then the site's overrides (`*` for every language, then the
 * language's own): any text can be replaced, and a translation missing a key
 * falls back to English instead of showing nothing.
 */
export const textFor = <T extends BannerText>(
  base: T,
  translation?: Partial<Translation>,
  overrides: Overrides = {},
): T & Partial<Translation> => {
  const out: Partial<Translation> = { ...base }
  // Not English inside another language: a translation without this line shows none (`ui.text` can still add it).
  if (translation && !translation.bannerRevised) delete out.bannerRevised
  for (const layer of [translation, overrides['*'], overrides[translation?.lang ?? base.lang]])
    if (layer) Object.assign(out, { ...layer, categories: { ...out.categories, ...layer.categories } })
  return out as T & Partial<Translation>
}

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)
