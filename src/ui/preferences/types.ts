import type { Method, ResolvedConfig } from '../../config/types.js'
import type { ConsentRecord } from '../../record/index.js'
import type { Snapshot } from '../../store/index.js'
import type { ResolvedUi } from '../config.js'
import type { Translation } from '../i18n/types.js'
import type { UiLink } from '../link.js'

/** What the preferences centre works with, built from the {@link UiLink} it is given. */
export interface PreferencesContext {
  config: ResolvedConfig
  ui: ResolvedUi
  /** The first layer's texts in force, with any translation and overrides; the rest falls back to English here. */
  text: Partial<Translation>
  snapshot(): Snapshot
  /** The stored decision even when stale: its choices pre-fill the switches. */
  previous(): ConsentRecord | null
  acceptAll(method: Method): void
  rejectAll(method: Method): void
  /** Save: the switches and the US opt-outs ("Do Not Sell or Share", "Limit the Use of My Sensitive Personal Information") as one decision. */
  savePreferences(choices: Record<string, boolean>, method: Method, us: { sale: boolean; sensitive: boolean }): void
  /** Tells screen readers a decision made here was saved (the dialog; inline, it is said on the page). */
  saved(): void
  /** Calls `f` on each change of the decision in force; returns what stops it. */
  follow(f: () => void): () => void
  /** Closes the preferences without deciding anything. */
  close(): void
}

/** What `consentry-preferences.mjs` (or the lazy chunk) exports. */
export interface PreferencesModule {
  PREFERENCES_CSS: string
  /** Renders the preferences centre into `container`, as a dialog or `inline` in the page; returns a function that removes it. */
  renderPreferences(container: HTMLElement, link: UiLink, inline?: boolean): () => void
}
