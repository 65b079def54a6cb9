import { $snapshot, $ui } from '../store/index.js'
import type { ResolvedUi } from './config.js'
import { OPENERS } from './dom.js'
import { $waitingFrames } from '../blocking/index.js'
import type * as Extras from './extras/index.js'
import type * as Signals from '../signals/start.js'
import { pickLanguage, textFor } from './i18n/pick.js'
import { enBanner } from './i18n/en-banner.js'
import type { Translation } from './i18n/types.js'
import type { PreferencesModule } from './preferences/types.js'
import { afterPaint, nextTask } from '../schedule/index.js'
import { buildView } from './view.js'
import { $embedded, findEmbeds } from './embed.js'

/**
 * How this build finds the parts it does not carry (the script tag loads them by URL, bundlers by chunk).
 * A loader that fails says why on the console, once per file, and rejects: the UI then falls back quietly
 * (see fallback/).
 */
export interface UiLoaders {
  preferences(): Promise<PreferencesModule>
  /** The floating button, the modal focus trap, the US notice, embed placeholders and the cookie cleaner. */
  extras(): Promise<typeof Extras>
  /** The US signals (GPP, USP), when `config.signals` is on. */
  signals?(): Promise<typeof Signals>
  /** Languages that can be loaded on demand besides the configured translations. */
  languages?: string[]
  language?(lang: string): Promise<Translation | undefined>
}

let started = false
let stop = () => {}

/** Test seam: stop the UI's reactions, remove it, and allow `startUi` again. */
export const resetUi = (): void => {
  stop()
  stop = () => {}
  started = false
}

/**
 * Starts the UI once `init` has run: renders what `$ui` asks for, and keeps
 * the DOM in step with it. The first layer is plain DOM, ready in the first
 * frame (built after the first paint when nothing is to be shown); the
 * preferences centre (Preact) is loaded on demand, and fetched ahead as the
 * visitor approaches Manage preferences. Resolves once the UI is built, or at
 * once when nothing is to be shown.
 */
export const startUi = (ui: ResolvedUi, loaders: UiLoaders): Promise<void> => {
  if (started) return Promise.resolve()
  started = true
  let shown: () => void
  const ready = new Promise<void>((r) => (shown = r))
  // Any element with data-consentry-open (contract: DOM) or data-consentry-choices reopens the
  // preferences; listened for from the start, before the UI is built.
  const onOpen = (e: Event) => {
    if (!(e.target as Element).closest?.(OPENERS)) return
    e.preventDefault()
    $ui.set('preferences')
  }
  document.addEventListener('click', onOpen)
  // The floating button, once decided: always with `true`; with 'auto' where the page has no way back of its
  // own when asked (the button then follows the page, see extras/fab.ts).
  const wantsFab = () => ui.floatingButton && $snapshot.get().decided && (ui.floatingButton === true || !document.querySelector(OPENERS))
  /** Whether this page uses the extras (see extras/start.ts); opt-out mode's notice fetches them when it shows (view.ts). */
  const wantsExtras = () => wantsFab() || ui.layout == 'modal' || document.querySelector('[data-consentry-choices]') || $embedded.get().length
  let done = false
  // Asked for: its language may still be on its way.
  let building = false
  const build = (t?: Translation) => {
    if (done) return
    done = true
    unwanted.forEach((f) => f())
    const remove = buildView(textFor(enBanner, t, ui.text), ui, loaders, { wantsExtras, wantsFab })
    stop = () => (remove(), document.removeEventListener('click', onOpen))
    shown()
  }
  // The language is picked, and its texts fetched, when the UI is built, not before: a visitor who
  // has decided sees nothing on most page views, and on a page in another language the script tag
  // fetched that language's module on every one of them. The script tag carries English only; the
  // page's language comes as a small module, and English after 2 s rather than no banner if it
  // cannot be loaded.
  const go = () => {
    if (done || building) return
    building = true
    const wanted = pickLanguage(['en', ...ui.translations.map((t) => t.lang), ...(loaders.languages ?? [])], ui.language)
    const given = ui.translations.find((t) => t.lang == wanted)
    if (given || wanted == 'en' || !loaders.language) build(given)
    else void Promise.race([loaders.language(wanted).catch(() => undefined), new Promise<undefined>((r) => setTimeout(r, 2000))]).then(build)
  }
  // The banner is built at once, in the script's task: built in a task of its own it came a frame
  // or more later (the page's own first style and layout pass ran in between) and its work then
  // counted as blocking time after the first paint (measured: banner 805 → 1128 ms, no less TBT).
  // With nothing to show (a visitor who has decided), after the first paint, and only if there
  // is something to do: a decided visitor on a page with its own way back gets no UI at all, not
  // even its stylesheet, until something asks for one (a call, a decision, a blocked embed).
  const needed = () =>
    $ui.get() != 'hidden' || wantsExtras() || $waitingFrames.get().length ||
    // The development build's warning that a decided visitor has no way back is said from the UI.
    (process.env.NODE_ENV !== 'production' && ui.floatingButton === false)
  const asked = () => document.body && nextTask(go)
  const unwanted = [$ui.listen((v) => v != 'hidden' && asked()), $snapshot.listen(asked), $waitingFrames.listen((f) => f.length && asked()), $embedded.listen((e) => e.length && asked())]
  // Until the UI is built, stopping means not building it.
  stop = () => ((done = true), unwanted.forEach((f) => f()), document.removeEventListener('click', onOpen))
  const when = () => ($ui.get() != 'hidden' ? go() : afterPaint(() => needed() && go()))
  if (document.body) when()
  else addEventListener('DOMContentLoaded', when, { once: true })
  findEmbeds()
  if ($ui.get() == 'hidden') shown!()
  return ready
}
