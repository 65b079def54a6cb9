import type { BannerText } from './en-banner.js'
import type { Translation } from './types.js'

/**
 * The languages shipped with Consentry (`consentry/i18n`, and `dist/i18n/<code>.mjs` for the script tag), in the order
 * they came: two letters each, in one string. The script tag carries this list to know what it may fetch; as an array
 * of 29 quoted codes it cost 0.03 kB gzip more (as a string split at spaces, 0.01 kB).
 */
export const LANGUAGES = 'endefresitnlptplsvdaficsjazharhebgeletgahrhultlvmtroskslnb'.match(/../g)!

/** `pt-BR` → `pt`: translations are keyed by the primary subtag (BCP 47 §2.2.1). */
const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!

/**
 * The language to show, among those `available`: the configured one; without
 * one, the page's `<html lang>`, else the browser's preferences; English otherwise.
 *
 * A tag's own language comes first, then its nearest: Bokmål for `no` and `nn`. In the IANA Language Subtag Registry
 * that BCP 47 draws on, `no` (Norwegian) is the macrolanguage of `nb` (Bokmål) and `nn` (Nynorsk), whose records say
 * `Macrolanguage: no` (RFC 5646 §3.1.10). Many Norwegian pages say `no`, and every Norwegian reads Bokmål; a site's
 * own `no` or `nn` translation still wins.
 */
export const pickLanguage = (available: string[], configured?: string): string => {
  const wanted = configured ? [configured] : [document.documentElement.lang, ...(navigator.languages || [])]
  for (const tag of wanted) for (const lang of [primary(tag), primary(tag).replace(/^n[no]$/, 'nb')]) if (available.includes(lang)) return lang
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
