/** How consent works where the visitor is: ask first (EU) or allow until told no (US). */
export type Mode = 'opt-in' | 'opt-out'

/**
 * What a site can set for a region: a {@link Mode}, or `none` where no law asks for a banner: opt-out mode
 * (categories with `default: true` run until refused) without the notice, so nothing is shown until the visitor
 * asks for the choices.
 */
export type RegionMode = Mode | 'none'

/** How a decision was made. */
export type Method = 'banner' | 'preferences' | 'api' | 'gpc' | 'embed'

/** A cookie a service sets: an exact name, or a pattern such as `/^_ga_/`. */
export type CookieMatcher = string | RegExp

/** A third party (or first-party tool) inside a category, e.g. `posthog` in `analytics`. */
export interface ServiceConfig {
  /** Unique across categories and services: letters, digits, `_`, `-`; starts with a letter. */
  id: string
  /** Translation key of the service's name; defaults to the id. */
  label?: string
  /** Cookies the service sets, by name or pattern: deleted on refusal or withdrawal, and at start-up without consent. */
  cookies?: CookieMatcher[]
  /** localStorage keys the service writes, by name or pattern: deleted like its cookies. */
  localStorage?: CookieMatcher[]
  /**
   * What the service loads: hosts (`google-analytics.com` covers its subdomains),
   * URL prefixes (`connect.facebook.net/en_US/`) or patterns. Scripts, iframes
   * and images that other code inserts with such a URL wait for consent.
   */
  hosts?: (string | RegExp)[]
  /** Shown under the service's name in the preferences centre. */
  description?: string
  /** Who runs the service, e.g. `Google Ireland Ltd.`. */
  provider?: string
  /** Rows of the cookie table shown for this service in the preferences centre. */
  cookieTable?: CookieInfo[]
}

/** One row of a service's cookie table. */
export interface CookieInfo {
  name: string
  purpose: string
  /** e.g. `13 months`, `session`. */
  lifetime: string
  /** Defaults to the service's provider. */
  provider?: string
}

/** A purpose the visitor can allow or refuse, e.g. `analytics`. */
export interface CategoryConfig {
  /** Unique across categories and services: letters, digits, `_`, `-`; starts with a letter. */
  id: string
  /** Translation key of the category's name; defaults to the id. */
  label?: string
  /** Strictly necessary: always granted, shown locked. */
  necessary?: boolean
  /**
   * Granted before any decision. Honoured in opt-out mode only: in opt-in mode
   * nothing non-essential is ever granted without a positive act (EDPB 05/2020, Planet49).
   */
  default?: boolean
  /** Covered by the US "Do Not Sell or Share" right: `optOut()` refuses it. */
  optOut?: boolean
  /**
   * UK: what this category does is exempt from consent under PECR as amended by the Data (Use and Access) Act 2025
   * (Schedule A1, in force since 5 February 2026): `statistics` (first-party analytics, to improve the site) or
   * `preferences` (remembering the appearance and functions the visitor chose). For a visitor in the UK it runs
   * before any decision, with the banner still shown to say so and give a simple way to object, which a refusal is.
   * Elsewhere it is consent-based, as any category. The site answers for the use staying within the exemption.
   */
  ukExemption?: 'statistics' | 'preferences'
  /** Shown in the preferences centre when the translations have no text for `label`. */
  description?: string
  services?: ServiceConfig[]
}

/** Where and how the decision is kept. */
export interface CookieOptions {
  /** Cookie name and localStorage key. Default `consentry`. */
  name?: string
  /** e.g. `.example.com` to share the decision across subdomains. Default: the current host only. */
  domain?: string
  /** Default `/`. */
  path?: string
  /** Default `Lax`. `None` requires `secure`. */
  sameSite?: 'Lax' | 'Strict' | 'None'
  /** Default: true on https pages. */
  secure?: boolean
  /** Cookie lifetime in days (1–400, Chrome's cap). Default: the consent lifetime. */
  lifetime?: number
  /**
   * Your server re-issues the cookie on HTML responses (`consentCookieHeader` of
   * `consentry/server`), so the page leaves an intact cookie alone instead of
   * re-writing it on every load: in Safari a script write would cap it at 7 days
   * again. Default `false`.
   * @example
   * init({ categories, cookie: { serverSet: true } })
   */
  serverSet?: boolean
}

/** What a site passes to `init`. */
export interface ConsentryConfig {
  categories: CategoryConfig[]
  /** Policy revision: raise it to ask everyone again. Default 0. */
  revision?: number
  /** Months a decision stays valid: default 12, at most 13 (CNIL). */
  lifetime?: number
  /**
   * `opt-in` (ask first), `opt-out` (allowed until refused: US) or `auto`,
   * which picks one from `region`: EU/EEA/UK/CH opt-in, US states with a
   * privacy law opt-out, `regions` for the rest, else `fallbackMode`. Default `opt-in`.
   */
  mode?: RegionMode | 'auto'
  /**
   * Where the visitor is, as ISO 3166 (`DE`, `US-CA`): typically rendered by
   * the server from a CDN geo header, or a function that returns it. The
   * script tag also reads `data-region` on itself. A value that is not a
   * region code counts as unknown.
   */
  region?: string | (() => string | null | undefined)
  /** Older name of `region` (a string only). */
  jurisdiction?: string
  /** `mode: 'auto'`: modes for regions beyond the built-in tables, e.g. `{ BR: 'opt-in', US: 'opt-out', IN: 'none' }`. */
  regions?: Record<string, RegionMode>
  /** `mode: 'auto'` when the region is unknown or in no table. Default `opt-in`, the safe side. */
  fallbackMode?: RegionMode
  /**
   * Global Privacy Control also refuses categories marked `optOut` in opt-in
   * regions (in opt-out regions it always opts out of sale and sharing). Default false.
   */
  gpcEverywhere?: boolean
  /**
   * US: offer "Limit the Use of My Sensitive Personal Information" (CCPA
   * §1798.121), for sites that use sensitive data beyond §7027(m) purposes. Default false.
   */
  limitSensitive?: boolean
  /**
   * US signals for ad tech: the IAB GPP API (`__gpp`) and USP API
   * (`__uspapi`, `usprivacy` cookie), loaded on demand. On by default with
   * `mode: 'auto'` or `'opt-out'`. An object sets what the site does and its
   * IAB settings: `{ gpp, usp, sections: ['usca'], usnatVersion, sells,
   * shares, targetedAds, sensitive, knownChildren, secondaryUse, mspaCovered, mspaOptOutMode,
   * mspaServiceProviderMode, lspa, uspCookie, cmpId, cmpVersion }`.
   */
  signals?: boolean | Record<string, unknown>
  cookie?: CookieOptions
  /** The banner and preferences centre (ignored by `consentry/headless`). */
  ui?: UiConfig
  /**
   * Reload the page when the visitor withdraws consent, so that scripts already
   * running stop. Use it when a service sets cookies a page cannot delete
   * (HttpOnly, or on another site). Default false.
   */
  reloadOnWithdraw?: boolean
  /**
   * Show no banner or notice on its own to crawlers (`Googlebot`, `bingbot`…) and to browsers driven by
   * automation (`navigator.webdriver`), so the banner's text stays out of search results. They get no consent
   * either: what waits for consent still waits. `show()` and the page's links still open the choices.
   * Default false.
   */
  hideFromBots?: boolean
  /**
   * `elements` (default): scripts, iframes and images of services without
   * consent wait, whether in markup or inserted later. `strict` also refuses
   * `fetch`, `XMLHttpRequest`, `sendBeacon`, `WebSocket` and image requests to
   * their `hosts`; the caller sees an ordinary network failure.
   */
  blocking?: 'elements' | 'strict'
  /**
   * Strict mode: hold refused requests and send them, in order, when consent
   * comes (they fail when it is refused). `true` holds up to 50 requests and
   * 256 KB of bodies; beyond that, requests fail at once. Default false.
   */
  quarantine?: boolean | { requests?: number; bytes?: number }
}

/** Where the banner sits. */
export type Layout = 'bar' | 'box' | 'modal'
export type Position = 'bottom' | 'top' | 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right' | 'center'

/** The banner and preferences centre. */
export interface UiConfig {
  /** `bar` (full width), `box` (a corner) or `modal` (centred). Default `bar`. */
  layout?: Layout
  /** `bottom`/`top` for a bar, a corner for a box; a modal is centred. Default `bottom` (bar) or `bottom-right` (box). */
  position?: Position
  /** Modal only: dim and block the page behind the banner. Default true. */
  backdrop?: boolean
  /** `auto` follows `prefers-color-scheme`. Default `light`. */
  theme?: 'light' | 'dark' | 'auto'
  /**
   * A small floating button that reopens the preferences once a decision exists.
   * `'auto'` (the default): only while the page has no element with
   * `data-consentry-open` or `data-consentry-choices`; `true`: always; `false`: never.
   */
  floatingButton?: boolean | 'auto'
  /** Linked from the banner text. */
  policyUrl?: string
  /** Language to show; default: `<html lang>`, then `navigator.languages`, then English. */
  language?: string
  /** Translations to choose from besides English (npm: `import { de } from 'consentry/i18n'`). */
  translations?: object[]
  /** Text overrides by language, e.g. `{ en: { acceptAll: 'Allow all' } }`; `*` applies to every language. */
  text?: Record<string, object>
  /** A CSP nonce: styles then go in a `<style nonce>` instead of a constructed stylesheet. */
  nonce?: string
  /** Script-tag build: where `consentry-preferences.mjs` and `i18n/*.mjs` live. Default: beside the script. */
  assetsUrl?: string
}

/** A category after validation, every field filled in. */
export interface Category {
  id: string
  label: string
  description?: string
  necessary: boolean
  default: boolean
  optOut: boolean
  ukExemption?: 'statistics' | 'preferences'
  services: Service[]
}

/** A service after validation; `category` is its parent's id. */
export interface Service {
  id: string
  label: string
  category: string
  cookies: CookieMatcher[]
  localStorage: CookieMatcher[]
  hosts: (string | RegExp)[]
  description?: string
  provider?: string
  cookieTable: CookieInfo[]
}

/** The config after validation, every default applied. */
export interface ResolvedConfig {
  categories: Category[]
  /** Every service by id, across categories. */
  services: Map<string, Service>
  /** Every category and service id. */
  ids: Set<string>
  revision: number
  /** Milliseconds. */
  lifetime: number
  /** Resolved: `auto` has become `opt-in` or `opt-out` for the region; `none` is `opt-out` without the notice. */
  mode: Mode
  /** False where the mode is `none`, and for a crawler with `hideFromBots`: the first layer shows only when asked for (`show()`, the way back). */
  notice: boolean
  /** The visitor's region, normalised (`US-CA`), or `''` when unknown. */
  jurisdiction: string
  gpcEverywhere: boolean
  limitSensitive: boolean
  /** As given (checked by the signals module), or the default for the mode. */
  signals: boolean | Record<string, unknown>
  cookie: Required<Omit<CookieOptions, 'domain'>> & { domain?: string }
  /** Checked by the UI when it starts; the engine only carries it. */
  ui?: UiConfig
  reloadOnWithdraw: boolean
  blocking: 'elements' | 'strict'
  /** As given: `consentry/strict` checks and reads it. */
  quarantine: boolean | { requests?: number; bytes?: number }
}
