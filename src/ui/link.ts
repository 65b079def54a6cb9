import type { ReadableAtom, WritableAtom } from 'nanostores'
import type { Method, ResolvedConfig } from '../config/types.js'
import type { ConsentState, Snapshot, UiView } from '../store/index.js'
import type { ResolvedUi } from './config.js'
import type { BannerText } from './i18n/en-banner.js'
import type { Translation } from './i18n/types.js'
import type { PreferencesModule } from './preferences/types.js'

/**
 * What the first layer hands the parts it loads on demand (the preferences
 * centre, the extras): its shadow root, texts and config, and the page's
 * engine — its stores and actions — passed in rather than imported, because
 * the script tag loads those parts as separate modules, which must drive the
 * page's one engine, not a copy of it.
 */
export interface UiLink {
  root: ShadowRoot
  addStyles(css: string): void
  /** The first layer's texts in force, with any translation and overrides; the rest falls back to English there. */
  text: BannerText & Partial<Translation>
  ui: ResolvedUi
  config: ResolvedConfig
  $ui: WritableAtom<UiView>
  $snapshot: ReadableAtom<Snapshot>
  $consent: ReadableAtom<ConsentState>
  $waitingFrames: ReadableAtom<readonly HTMLIFrameElement[]>
  set(choices: Record<string, boolean>, method: Method): void
  acceptAll(method: Method): void
  rejectAll(method: Method): void
  optOut(method: Method): void
  limitSensitive(on: boolean, method: Method): void
  /** The preferences centre's Save: the switches and the US opt-outs as one decision. */
  savePreferences(choices: Record<string, boolean>, method: Method, us: { sale: boolean; sensitive: boolean }): void
  /** After a decision made in the UI: tells screen readers it was saved. */
  saved(): void
  /** Announces a text to screen readers (the first layer's live region). */
  announce(text: string): void
  /** The page's elements that show the preferences inline (embed.ts); an element that leaves the document is taken off. */
  $embedded: WritableAtom<readonly Element[]>
  /** The preferences centre, loaded once (and again after a failed load). */
  preferences(): Promise<PreferencesModule>
  /** The first layer's stylesheet, which the preferences shown inline need in their own shadow root. */
  css: string
}
