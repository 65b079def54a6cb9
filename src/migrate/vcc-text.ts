/**
 * vanilla-cookieconsent's `language` → Consentry's `ui.text`, `ui.translations`,
 * `ui.language` and `ui.policyUrl`, plus what the default language says about
 * each category (description, cookie table) for the config itself.
 */
import type { CookieInfo } from '../config/types.js'
import { LANGUAGES } from '../ui/i18n/pick.js'
import { hasHtml, isObject, isText, linksIn, plain, policyLink, primary, safeUrl, unknownKeys, type Link, type Obj, type Warn } from './util.js'
import { cookieTable } from './vcc-table.js'

/** What the language part yields. */
export interface LanguageResult {
  /** Texts for languages Consentry ships (`en`, `de`…), by primary subtag. */
  text: Record<string, Obj>
  /** Whole translations for languages Consentry does not ship; English fills the gaps. */
  translations: Obj[]
  language?: string
  policyUrl?: string
  /** From the default language, by vanilla-cookieconsent category name. */
  categories: Map<string, { name?: string; description?: string; table: CookieInfo[]; caption?: string }>
}

const CONSENT_MODAL = ['label', 'title', 'description', 'acceptAllBtn', 'acceptNecessaryBtn', 'showPreferencesBtn', 'closeIconLabel', 'revisionMessage', 'footer']
const PREFERENCES_MODAL = ['title', 'acceptAllBtn', 'acceptNecessaryBtn', 'savePreferencesBtn', 'closeIconLabel', 'serviceCounterLabel', 'sections']
const SECTION = ['title', 'description', 'linkedCategory', 'cookieTable']
/** Category texts Consentry ships in every language: a site's own text for them stays per language. */
const BUILT_IN = ['necessary', 'functional', 'analytics', 'marketing', 'personalization']

/**
 * `ids` maps vanilla-cookieconsent category names to Consentry ids. The
 * default language is read first, so its policy link and category texts win.
 */
export const mapLanguage = (language: unknown, ids: Map<string, string>, warn: Warn): LanguageResult => {
  const out: LanguageResult = { text: {}, translations: [], categories: new Map() }
  if (!isObject(language)) {
    warn('language', `missing: Consentry keeps its own texts (${LANGUAGES.length} languages built in)`)
    return out
  }
  unknownKeys(language, ['default', 'autoDetect', 'rtl', 'translations'], 'language', warn)
  const all = isObject(language.translations) ? language.translations : {}
  if (!isObject(language.translations)) warn('language.translations', 'missing or not an object: Consentry keeps its own texts')
  const def = isText(language.default) ? language.default : Object.keys(all)[0]
  const rtl = new Set([language.rtl].flat().filter(isText).map(primary))
  const { autoDetect } = language
  if (autoDetect === undefined) {
    if (def && /^[a-z]{2,3}$/.test(primary(def))) out.language = primary(def)
    else if (def) warn('language.default', `${JSON.stringify(def)} is not a language tag such as de or pt-BR; not carried over`)
  } else if (autoDetect == 'browser')
    warn('language.autoDetect', "Consentry picks the language from <html lang> first, then the browser's languages (navigator.languages), then English; there is no browser-only setting")
  else if (autoDetect != 'document') warn('language.autoDetect', `unknown value ${JSON.stringify(autoDetect)}; Consentry detects the language from <html lang>, then the browser`)
  if (autoDetect !== undefined && def && primary(def) != 'en')
    warn('language.default', `Consentry falls back to English, not ${JSON.stringify(def)}, when the visitor's language has no texts; set ui.language: '${primary(def)}' to always show it`)

  const seen = new Set<string>()
  const order = def && def in all ? [def, ...Object.keys(all).filter((k) => k != def)] : Object.keys(all)
  if (def && !(def in all)) warn('language.default', `no translation for ${JSON.stringify(def)}`)
  for (const locale of order) {
    const path = `language.translations.${locale}`
    const t = all[locale]
    if (typeof t == 'string') {
      warn(path, `a URL (${t}) that vanilla-cookieconsent fetches at run time: the converter does not fetch it; convert the JSON it serves (as a config's language.translations) or give the texts in ui.text`)
      continue
    }
    if (typeof t == 'function') {
      warn(path, 'a function (a translation loaded at run time): it cannot be converted; give the texts in ui.text')
      continue
    }
    if (!isObject(t)) {
      warn(path, 'not a translation object; skipped')
      continue
    }
    const lang = primary(locale)
    if (seen.has(lang)) {
      warn(path, `a second translation for "${lang}": Consentry keys texts by language (${lang}), so only the first is kept`)
      continue
    }
    seen.add(lang)
    const texts = mapTranslation(t, path, locale == order[0], ids, out, warn)
    if (LANGUAGES.includes(lang)) out.text[lang] = texts
    else out.translations.push({ lang, dir: rtl.has(lang) ? 'rtl' : 'ltr', ...texts })
  }
  if (out.translations.length)
    warn('language.translations', `${out.translations.map((t) => t.lang).join(', ')}: Consentry has no built-in texts for ${out.translations.length > 1 ? 'these languages' : 'this language'}; the converted ones go in ui.translations and every text they lack (e.g. "Save choices", "Always on") shows in English`)
  // Category names Consentry does not know get the default language's text in every language, not their id.
  const everywhere: Obj = {}
  for (const [name, c] of out.categories) {
    const id = ids.get(name)
    if (id && c.name && !BUILT_IN.includes(id)) everywhere[id] = { name: c.name, ...(c.description ? { description: c.description } : {}) }
  }
  if (Object.keys(everywhere).length) out.text = { '*': { categories: everywhere }, ...out.text }
  return out
}

/** One language's texts, in Consentry's keys. */
const mapTranslation = (t: Obj, path: string, isDefault: boolean, ids: Map<string, string>, out: LanguageResult, warn: Warn): Obj => {
  const texts: Obj = {}
  const html: string[] = []
  const str = (v: unknown, p: string): string | undefined => {
    if (v === undefined) return undefined
    if (!isText(v)) return warn(p, 'not a non-empty string; skipped'), undefined
    if (hasHtml(v)) html.push(p.slice(path.length + 1))
    return plain(v) || undefined
  }
  const put = (key: string, v: string | undefined) => v !== undefined && (texts[key] = v)

  const cm = isObject(t.consentModal) ? t.consentModal : {}
  const cp = `${path}.consentModal`
  unknownKeys(cm, CONSENT_MODAL, cp, warn)
  put('bannerTitle', str(cm.title, `${cp}.title`))
  // The policy link: from the footer (where vanilla-cookieconsent's docs put it), else from the description.
  const footer = isText(cm.footer) ? cm.footer : ''
  const description = isText(cm.description) ? cm.description.replace(/\s*\{\{\s*revisionMessage\s*\}\}\s*/g, ' ') : ''
  const footerLinks = linksIn(footer).filter((l) => safeUrl(l.href))
  const inFooter = policyLink(footerLinks)
  const link: Link | undefined = inFooter ?? policyLink(linksIn(description).filter((l) => safeUrl(l.href)))
  if (cm.description !== undefined) {
    let body = description
    if (link && !inFooter) body = body.replace(link.raw, '{policy}')
    const text = str(body, `${cp}.description`)
    put('bannerText', text === undefined ? undefined : inFooter ? `${text} {policy}` : text)
  } else if (inFooter) put('bannerText', '{policy}')
  if (link) {
    put('policyLink', link.text || undefined)
    if (out.policyUrl === undefined) out.policyUrl = link.href
    else if (out.policyUrl !== undefined && link.href != out.policyUrl)
      warn(`${cp}.footer`, `policy link ${link.href} differs from the default language's ${out.policyUrl}: Consentry has one ui.policyUrl for every language`)
  }
  if (footer) {
    const rest = footerLinks.filter((l) => l !== inFooter)
    const extra = plain(footerLinks.reduce((s, l) => s.replace(l.raw, ''), footer)).replace(/[|·•\-–—\s]+/g, '')
    if (rest.length || extra) warn(`${cp}.footer`, `only the privacy-policy link is carried over (as ui.policyUrl and the {policy} link in the banner text); not: ${[...rest.map((l) => `${l.text} (${l.href})`), ...(extra ? [plain(footer)] : [])].join(', ')}`)
  }
  put('acceptAll', str(cm.acceptAllBtn, `${cp}.acceptAllBtn`))
  put('rejectAll', str(cm.acceptNecessaryBtn, `${cp}.acceptNecessaryBtn`))
  put('manage', str(cm.showPreferencesBtn, `${cp}.showPreferencesBtn`))
  if (cm.label !== undefined) warn(`${cp}.label`, "the banner is labelled by its title (aria-labelledby); give the title instead (ui.text bannerTitle)")
  if (cm.closeIconLabel !== undefined)
    warn(`${cp}.closeIconLabel`, "Consentry's banner has no × that rejects: nothing is decided by closing; the visitor uses Reject all")
  // Shown, as there, only to a visitor asked again after a revision change (in bold at the start of the text, not where its placeholder stood).
  put('bannerRevised', str(cm.revisionMessage, `${cp}.revisionMessage`))
  if (cm.acceptNecessaryBtn === undefined && isDefault)
    warn(`${cp}.acceptNecessaryBtn`, 'missing: Consentry always shows "Reject all" beside "Accept all", with the same weight')

  const pm = isObject(t.preferencesModal) ? t.preferencesModal : {}
  const pp = `${path}.preferencesModal`
  unknownKeys(pm, PREFERENCES_MODAL, pp, warn)
  put('preferencesTitle', str(pm.title, `${pp}.title`))
  for (const [from, to] of [['acceptAllBtn', 'acceptAll'], ['acceptNecessaryBtn', 'rejectAll']] as const) {
    const v = str(pm[from], `${pp}.${from}`)
    if (v !== undefined && texts[to] === undefined) texts[to] = v
    else if (v !== undefined && v != texts[to]) warn(`${pp}.${from}`, `Consentry uses one text for the banner's and the preferences' button: kept ${JSON.stringify(texts[to])}`)
  }
  put('save', str(pm.savePreferencesBtn, `${pp}.savePreferencesBtn`))
  put('close', str(pm.closeIconLabel, `${pp}.closeIconLabel`))
  if (pm.serviceCounterLabel !== undefined) warn(`${pp}.serviceCounterLabel`, 'no equivalent: the preferences centre lists the services under a "Services" heading')

  const sections = Array.isArray(pm.sections) ? pm.sections : []
  const intro: string[] = []
  const categories: Obj = {}
  let linked = false
  sections.forEach((s: unknown, i) => {
    const sp = `${pp}.sections[${i}]`
    if (!isObject(s)) return warn(sp, 'not a section object; skipped')
    unknownKeys(s, SECTION, sp, warn)
    const title = str(s.title, `${sp}.title`)
    const desc = str(s.description, `${sp}.description`)
    if (s.linkedCategory === undefined) {
      if (!linked && desc) return void intro.push(desc)
      if (title || desc) warn(sp, `a section without linkedCategory after the categories ("${title ?? desc}"): no place for it in Consentry's preferences centre; not carried over`)
      if (s.cookieTable !== undefined) warn(`${sp}.cookieTable`, 'a cookie table outside a category: not carried over')
      return
    }
    linked = true
    const name = String(s.linkedCategory)
    const id = ids.get(name)
    if (!id) return warn(`${sp}.linkedCategory`, `no category "${name}" in categories; skipped`)
    categories[id] = { ...(title ? { name: title } : {}), ...(desc ? { description: desc } : {}) }
    if (s.cookieTable === undefined) {
      if (isDefault) out.categories.set(name, { name: title, description: desc, table: [] })
      return
    }
    if (!isDefault) return warn(`${sp}.cookieTable`, "only the default language's cookie tables are carried over: Consentry has one cookie table per service (its column headings come translated)")
    const { rows, caption } = cookieTable(s.cookieTable, `${sp}.cookieTable`, warn)
    out.categories.set(name, { name: title, description: desc, table: rows, caption })
  })
  if (intro.length) texts.preferencesText = intro.join(' ')
  if (Object.keys(categories).length) texts.categories = categories
  if (JSON.stringify(t).includes('data-cc='))
    warn(path, 'data-cc buttons inside texts become plain text: the banner has its own buttons; on the page, <button data-consentry-open> opens the preferences')
  if (html.length)
    warn(path, `HTML removed from ${html.join(', ')}: Consentry shows every configured string as text, never as HTML (no innerHTML, for a strict CSP)`)
  return texts
}
