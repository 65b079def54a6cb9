/**
 * vanilla-cookieconsent v3 config → Consentry config. Pure: no I/O, never runs
 * the config's functions (they become warnings that name the Consentry call
 * to write instead). Every key it does not carry over is warned about.
 */
import type { CategoryConfig, ConsentryConfig, CookieMatcher, ServiceConfig, UiConfig } from '../config/types.js'
import { matches } from '../blocking/names.js'
import { isObject, isRegExp, isText, ownRegExp, plain, safeId, unknownKeys, type Obj, type Warn } from './util.js'
import { mapLanguage } from './vcc-text.js'
import { mapGui } from './vcc-gui.js'
import { mapCookie } from './vcc-cookie.js'

/** What {@link fromVanillaCookieConsent} returns: a config for `init`, and what needs a human. */
export interface MigrationResult {
  config: ConsentryConfig
  /** `path: message`, with the vanilla-cookieconsent path. */
  warnings: string[]
}

/** The input is not a vanilla-cookieconsent v3 config at all. */
export class MigrationError extends Error {
  override name = 'MigrationError'
}

const TOP = ['root', 'mode', 'autoShow', 'revision', 'manageScriptTags', 'autoClearCookies', 'disablePageInteraction', 'hideFromBots', 'guiOptions', 'lazyHtmlGeneration', 'cookie', 'categories', 'language']
const CALLBACKS: Record<string, string> = {
  onFirstConsent: "on('change', …) and check that the visitor had not decided before: let was = get().decided; on('change', (s) => { if (s.decided && !was) { … } was = s.decided })",
  onConsent: "on('ready', (s) => { if (s.decided) … }) for a decision already stored, plus on('change', (s) => { if (s.decided) … }) for one made on this page; per purpose, whenGranted('analytics').then(…)",
  onChange: "on('change', (snapshot) => …): called once per real change, also when another tab changes it; snapshot.categories and snapshot.services say what is granted now",
  onModalShow: "$ui.subscribe((view) => …) from 'consentry': view is 'banner', 'preferences' or 'hidden'",
  onModalHide: "$ui.subscribe((view) => …) from 'consentry': view is 'banner', 'preferences' or 'hidden'",
  onModalReady: 'no equivalent: the UI renders in a shadow root; style it with --consentry-* custom properties and ::part()',
}
const V2 = ['gui_options', 'page_scripts', 'languages', 'current_lang', 'autoclear_cookies', 'cookie_name', 'cookie_expiration']

/** Cookie items (`{ name, path, domain }`, or bare names) → Consentry matchers. */
const matchers = (items: unknown, path: string, warn: Warn): CookieMatcher[] => {
  const out: CookieMatcher[] = []
  let placed = false
  ;(Array.isArray(items) ? items : []).forEach((item: unknown, i) => {
    const name = isObject(item) ? item.name : item
    if (isObject(item)) {
      unknownKeys(item, ['name', 'path', 'domain'], `${path}[${i}]`, warn)
      placed ||= item.path !== undefined || item.domain !== undefined
    }
    if (isRegExp(name)) out.push(ownRegExp(name))
    else if (isText(name)) out.push(name.trim())
    else warn(`${path}[${i}]`, 'no cookie name (a string or RegExp); skipped')
  })
  if (!Array.isArray(items) && items !== undefined) warn(path, 'not an array; skipped')
  if (placed) warn(path, "path and domain are not needed: Consentry deletes a matching cookie on every domain and path this page can reach (the host, each parent domain, / and each ancestor of the page's path)")
  return out
}

/**
 * Converts a vanilla-cookieconsent v3 config (what `CookieConsent.run()` takes)
 * into a Consentry config that passes `init`'s validation. Throws a
 * {@link MigrationError} only when the input is not such a config at all.
 * @example
 * const { config, warnings } = fromVanillaCookieConsent(vccConfig)
 * warnings.forEach((w) => console.warn(w))
 * await init(config)
 */
export const fromVanillaCookieConsent = (input: unknown): MigrationResult => {
  if (!isObject(input)) throw new MigrationError('expected a vanilla-cookieconsent config object (what CookieConsent.run() takes)')
  if (V2.some((k) => k in input))
    throw new MigrationError('this looks like a vanilla-cookieconsent v2 config (gui_options, languages, page_scripts…); the converter reads v3 configs: upgrade it with the v3 migration guide first')
  if (!isObject(input.categories)) throw new MigrationError('not a vanilla-cookieconsent v3 config: it has no categories object')
  const warnings: string[] = []
  const warn: Warn = (path, message) => void warnings.push(`${path}: ${message}`)
  const c = input
  const config: ConsentryConfig = { categories: [] }
  unknownKeys(c, [...TOP, ...Object.keys(CALLBACKS)], '', warn)

  const optOutMode = c.mode == 'opt-out'
  if (c.mode !== undefined && c.mode != 'opt-in' && !optOutMode) warn('mode', `unknown mode ${JSON.stringify(c.mode)}; Consentry's default, opt-in, applies`)
  if (optOutMode) {
    config.mode = 'opt-out'
    warn('mode', "opt-out: Consentry's opt-out mode is the US model: a notice with Do Not Sell or Share, Your Privacy Choices and Close instead of the banner, and the IAB GPP/USP signals on (signals: false turns them off). Do Not Sell refuses the categories marked optOut: true: mark your advertising categories. For a banner with Reject all, use mode 'opt-in' (or 'auto' by region)")
  }
  if (c.revision !== undefined) {
    if (Number.isInteger(c.revision) && (c.revision as number) >= 0 && (c.revision as number) <= 2 ** 31) config.revision = c.revision as number
    else warn('revision', `not an integer ≥ 0 (${JSON.stringify(c.revision)}); not carried over`)
  }

  // Ids: categories first, so a service named like a category is the one renamed.
  const taken = new Set<string>()
  const ids = new Map<string, string>()
  for (const name of Object.keys(c.categories as Obj)) {
    const id = safeId(name, taken)
    ids.set(name, id)
    if (id != name) warn(`categories.${name}`, `renamed "${id}" (ids are letters, digits, _ and -, start with a letter, at most 40): change data-category="${name}" to data-category="${id}" in your markup`)
  }
  const lang = mapLanguage(c.language, ids, warn)
  const reload: boolean[] = []
  let optional = 0
  for (const [name, raw] of Object.entries(c.categories as Obj)) {
    const path = `categories.${name}`
    const cat: CategoryConfig = { id: ids.get(name)! }
    const v = isObject(raw) ? raw : (warn(path, 'not an object: an empty category'), {})
    unknownKeys(v, ['enabled', 'readOnly', 'services', 'autoClear'], path, warn)
    if (v.readOnly === true) {
      cat.necessary = true
      if (v.enabled !== true) warn(`${path}.readOnly`, 'readOnly without enabled: Consentry treats a locked category as strictly necessary, always granted')
    } else if (v.enabled === true) {
      if (optOutMode) cat.default = true
      else warn(`${path}.enabled`, "pre-ticked in opt-in mode: Consentry never pre-ticks a category under opt-in (GDPR: consent needs a positive act, CJEU C-673/17 Planet49); it starts unticked. In opt-out mode, default: true is the equivalent")
    }
    const texts = lang.categories.get(name)
    if (texts?.description) cat.description = texts.description
    const services: ServiceConfig[] = []
    const sv = v.services === undefined ? {} : isObject(v.services) ? v.services : (warn(`${path}.services`, 'not an object; skipped'), {})
    for (const [key, s] of Object.entries(sv)) {
      const sp = `${path}.services.${key}`
      const id = safeId(key, taken)
      if (id != key) warn(sp, `renamed "${id}" (ids are unique across categories and services, and cookie-safe): change data-service="${key}" to data-service="${id}" in your markup`)
      const service: ServiceConfig = { id }
      const o = isObject(s) ? s : (warn(sp, 'not an object: a service without cookies'), {})
      unknownKeys(o, ['label', 'onAccept', 'onReject', 'cookies'], sp, warn)
      if (isText(o.label)) service.label = plain(o.label)
      const cookies = matchers(o.cookies, `${sp}.cookies`, warn)
      if (cookies.length) service.cookies = cookies
      if (o.onAccept !== undefined) warn(`${sp}.onAccept`, `a function, not converted: whenGranted('${id}').then(() => …)`)
      if (o.onReject !== undefined) warn(`${sp}.onReject`, `a function, not converted: on('change', (s) => { if (!s.services['${id}']) … }) (it also runs while undecided; check s.decided)`)
      services.push(service)
    }
    // Consentry cleans up per service: the category's own cookies, and table rows no service
    // claims, go to a service of their own, granted and refused with the category.
    const auto = isObject(v.autoClear) ? v.autoClear : v.autoClear === undefined ? {} : (warn(`${path}.autoClear`, 'not an object; skipped'), {})
    unknownKeys(auto, ['cookies', 'reloadPage'], `${path}.autoClear`, warn)
    if (auto.reloadPage !== undefined) reload.push(auto.reloadPage === true)
    const own = matchers(auto.cookies, `${path}.autoClear.cookies`, warn)
    const rows = texts?.table ?? []
    const loose = rows.filter((r) => {
      const home = services.find((s) => s.cookies && matches(r.name, s.cookies))
      if (home) (home.cookieTable ??= []).push(r)
      return !home
    })
    if (own.length || loose.length) {
      const id = safeId(`${cat.id}-cookies`, taken)
      services.push({ id, label: texts?.caption ?? texts?.name ?? cat.id, ...(own.length ? { cookies: own } : {}), ...(loose.length ? { cookieTable: loose } : {}) })
      warn(path, `its own cookies${loose.length ? ' and cookie table' : ''} became service "${id}" (Consentry lists and cleans up cookies per service); it is granted and refused with the category, and shown under it: rename or split it as you like`)
    }
    if (services.length) cat.services = services
    if (!cat.necessary) optional++
    config.categories.push(cat)
  }
  if (!config.categories.length) {
    warn('categories', 'empty: added a "necessary" category (Consentry needs at least one)')
    config.categories.push({ id: safeId('necessary', taken), necessary: true })
  }
  if (reload.some(Boolean)) {
    config.reloadOnWithdraw = true
    if (!reload.every(Boolean) || reload.length < optional)
      warn('autoClear.reloadPage', 'set for some categories only: Consentry reloads on any withdrawal (reloadOnWithdraw: true) or none')
  }

  // vanilla-cookieconsent hides its banner from bots unless told not to; so does the converted config.
  if (c.hideFromBots !== false) config.hideFromBots = true

  const cookie = mapCookie(c.cookie, config, warn)
  if (cookie) config.cookie = cookie

  const ui: UiConfig = { ...mapGui(c.guiOptions, c.disablePageInteraction, warn) }
  if (lang.language) ui.language = lang.language
  if (lang.policyUrl) ui.policyUrl = lang.policyUrl
  if (lang.translations.length) ui.translations = lang.translations
  if (Object.keys(lang.text).length) ui.text = lang.text
  if (Object.keys(ui).length) config.ui = ui

  for (const [k, say] of Object.entries(CALLBACKS)) if (c[k] !== undefined) warn(k, `a function, not converted: ${say}`)
  const notes: Record<string, (v: unknown) => string | false> = {
    root: () => 'no equivalent: the UI mounts on its own [data-consentry] host at the end of <body>, in a shadow root',
    autoShow: (v) => v === false && "no equivalent: the banner shows whenever there is no current decision; for your own UI use consentry/headless and show() when you want",
    manageScriptTags: (v) => (v === false ? 'no equivalent: Consentry always runs <script type="text/plain" data-category="…"> once consent is given; remove data-category from scripts you load yourself' : 'always on in Consentry (data-category and data-consent both work)'),
    autoClearCookies: (v) => (v === false ? "no equivalent: Consentry always deletes a refused service's cookies; leave out the cookies you do not want deleted" : 'always on in Consentry'),
    lazyHtmlGeneration: () => 'not needed: Consentry builds the banner only when it shows and loads the preferences centre on demand',
  }
  for (const [k, say] of Object.entries(notes)) if (c[k] !== undefined) { const s = say(c[k]); if (s) warn(k, s) }
  return { config, warnings }
}
