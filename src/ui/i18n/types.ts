/**
 * Every text the UI shows, in one language. `{name}` marks a placeholder the UI
 * fills in (always as text, never as HTML). Category texts are keyed by the
 * category's `label` (which defaults to its id), so the common ids below come
 * translated and a site can add its own keys.
 */
export interface Translation {
  /** BCP 47 language tag, e.g. `de`, `pt-BR`. */
  lang: string
  /** Writing direction: `rtl` for Arabic and Hebrew. */
  dir: 'ltr' | 'rtl'

  // First layer: the banner.
  bannerTitle: string
  /** Body of the banner; `{policy}` is replaced by a link to the privacy policy when one is configured. */
  bannerText: string
  /**
   * Shown in bold at the start of the banner's text when the visitor is asked again because the site raised
   * `revision` since their last choice. A site's own translation without it shows no such line (rather than English
   * in its language).
   */
  bannerRevised: string
  /** Text of the privacy-policy link. */
  policyLink: string
  acceptAll: string
  rejectAll: string
  /** Opens the second layer. */
  manage: string

  // Second layer: the preferences centre.
  preferencesTitle: string
  preferencesText: string
  /** Saves the switches as they are. */
  save: string
  /** Accessible name of the close (×) button. */
  close: string
  /** Shown beside the locked switch of a necessary category. */
  alwaysOn: string
  /** Heading of the list of services inside a category. */
  services: string
  /** Toggles the table of cookies a service sets. */
  showCookies: string
  cookieName: string
  cookieProvider: string
  cookiePurpose: string
  cookieLifetime: string
  /** Accessible name of the floating button that reopens the preferences. */
  openPreferences: string
  /** Announced after a choice is saved. */
  saved: string

  // Blocked embeds (iframe placeholders).
  /** `{service}` is the service's name. */
  embedText: string
  /** Button that allows the service and loads the embed. */
  embedLoad: string

  // US opt-out rights (CCPA/CPRA §1798.135 link texts).
  doNotSell: string
  limitSensitive: string
  privacyChoices: string
  /** Notice text in opt-out mode. */
  optOutNotice: string
  /** Shown when a Global Privacy Control signal was honoured (CCPA regs §7025(c)(6)). */
  gpcHonored: string
  /** Confirmation after an opt-out (CCPA regs §7026(g)). */
  optOutConfirmed: string

  /** Names and descriptions of common categories, keyed by category label. */
  categories: Record<string, { name: string; description: string }>
}
