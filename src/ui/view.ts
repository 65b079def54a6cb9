/**
 * The UI once built: the shadow-root host with its stylesheet, the first layer
 * (plain DOM), the preferences centre loaded on demand, the extras when the
 * page uses them, and the DOM kept in step with `$ui`. Returns what removes it.
 */
import { acceptAll, limitSensitive, optOut, rejectAll, savePreferences, set } from '../store/index.js'
import { $config, $consent, $snapshot, $ui, revised, type UiView } from '../store/index.js'
import { buildBanner, markRevised } from './banner.js'
import type { ResolvedUi } from './config.js'
import { el, OPENERS } from './dom.js'
import { fallbackEmbeds, renderFallback } from './fallback/index.js'
import { warnOnce } from '../errors/index.js'
import { $waitingFrames } from '../blocking/index.js'
import type { BannerText } from './i18n/en-banner.js'
import type { Translation } from './i18n/types.js'
import { mount, type Mount } from './mount.js'
import type { PreferencesModule } from './preferences/types.js'
import type { UiLink } from './link.js'
import { BASE_CSS } from './styles.js'
import type { UiLoaders } from './index.js'
import { afterPaint } from '../schedule/index.js'
import { use } from '../plugins/index.js'
import { $embedded } from './embed.js'

export interface ViewNeeds {
  /** Whether this page uses the extras (see extras/start.ts). */
  wantsExtras(): unknown
  /** Whether the floating button is wanted now. */
  wantsFab(): unknown
}

export const buildView = (t: BannerText & Partial<Translation>, ui: ResolvedUi, loaders: UiLoaders, { wantsExtras, wantsFab }: ViewNeeds): (() => void) => {
  const config = $config.get()!
  const m: Mount = mount(ui.theme, ui.nonce)
  m.addStyles(BASE_CSS)
  const status = el('div', { class: 'sr', role: 'status', 'aria-live': 'polite' })
  m.root.append(status)
  let banner: HTMLElement | undefined
  let backdrop: HTMLElement | undefined
  let prefsHost: HTMLElement | undefined
  let closePrefs: (() => void) | undefined
  let preferences: Promise<PreferencesModule> | undefined
  let opener: Element | null = null
  let view: UiView = 'hidden'
  // What the banner listens to outside the shadow root (the window's size, the fonts) ends with the UI.
  const gone = new AbortController()
  // Once the extras have loaded, or failed to (then the fallback placeholders stand in).
  let extrasReady = false
  let stopExtras = () => {}
  // Fetched only when this page uses one of them (see extras/start.ts). Without them, embeds still get a placeholder.
  const loadExtras = () =>
    loaders.extras().then(
      (x) => extrasReady || ((extrasReady = true), (stopExtras = use(x.extras(link)))),
      () => extrasReady || ((extrasReady = true), (stopExtras = fallbackEmbeds(link))),
    )

  const loadPreferences = () => {
    if (!preferences) {
      preferences = loaders.preferences()
      preferences.then((mod) => m.addStyles(mod.PREFERENCES_CSS), () => (preferences = undefined))
    }
    return preferences
  }
  const afterDecision = () => {
    status.textContent = ''
    // A fresh text node after clearing, so screen readers announce it each time.
    setTimeout(() => (status.textContent = t.saved), 50)
  }

  const link: UiLink = {
    root: m.root,
    addStyles: m.addStyles,
    text: t,
    ui,
    config,
    $ui,
    $snapshot,
    $consent,
    $waitingFrames,
    set,
    acceptAll,
    rejectAll,
    optOut,
    limitSensitive,
    savePreferences,
    saved: afterDecision,
    announce: (text) => (status.textContent = text),
    $embedded,
    preferences: loadPreferences,
    css: BASE_CSS,
  }
  if (wantsExtras()) void loadExtras()

  const show = (next: UiView) => {
    const was = view
    view = next
    if (next != 'hidden' && was == 'hidden') {
      // Focus goes back here when the UI closes (WCAG 2.4.3).
      const active = document.activeElement
      opener = active && active != document.body && active != m.host ? active : null
    }
    // Opt-out mode's first layer is the notice, from the extras: fetched when it is to show (a first visit,
    // GPC honoured, a call), not on the page views of a visitor who has decided.
    if (next == 'banner' && config.mode == 'opt-out' && !extrasReady) void loadExtras()
    if (next == 'banner' && !banner && config.mode == 'opt-in') {
      banner = buildBanner(t, ui, gone.signal)
      if (ui.layout == 'modal' && ui.backdrop) backdrop = el('div', { class: 'backdrop', part: 'backdrop' })
      m.root.append(...(backdrop ? [backdrop] : []), banner)
      // The second layer is fetched as the visitor approaches Manage preferences (pointer over
      // it, or focus on it), a few hundred ms before a click: not in the load window, where it
      // cost every visitor its download and compile, though few open it. Later approaches get the
      // module already fetched; after a failed fetch (offline a moment), the next one tries again.
      const approach = (e: Event) =>
        (e.target as Element).closest?.('[data-consentry-action=preferences]') && void loadPreferences().catch(() => {})
      banner.addEventListener('pointerover', approach)
      banner.addEventListener('focusin', approach)
    }
    if (next == 'banner' && was != 'banner' && banner) {
      // Asked again because the site raised `revision`, or added what the choice did not cover, since the visitor's
      // choice (such a record is never in force, see isStale): the banner says why.
      markRevised(banner, revised($consent.get().record, config) && t.bannerRevised)
    }
    banner?.toggleAttribute('hidden', next != 'banner')
    backdrop?.toggleAttribute('hidden', next != 'banner')
    // Once the first frame has painted: focusing earlier forces the page's
    // first style and layout pass to run synchronously inside our script
    // (measured: ~150 ms at 4× CPU throttling), and delays the banner's paint.
    if (next == 'banner' && was != 'banner' && config.mode == 'opt-in') {
      // Back from the preferences, focus returns to the button that opened them (APG dialog pattern).
      const target = was == 'preferences' ? banner!.querySelector<HTMLElement>('[data-consentry-action=preferences]')! : banner!
      afterPaint(() => view == 'banner' && target.focus({ preventScroll: true }))
    }
    if (next == 'preferences' && was != 'preferences') openPreferences()
    if (next != 'preferences' && closePrefs) {
      closePrefs()
      closePrefs = undefined
      prefsHost?.remove()
    }
    if (next == 'hidden' && was != 'hidden') {
      const back = opener as HTMLElement | null
      opener = null
      if (back?.isConnected && typeof back.focus == 'function') back.focus()
      else if (document.activeElement == m.host) (m.root.activeElement as HTMLElement | null)?.blur()
    }
  }

  const openPreferences = () => {
    const render = (preferencesIn: PreferencesModule['renderPreferences']) => {
      if (view != 'preferences' || closePrefs) return
      prefsHost = el('div')
      m.root.append(prefsHost)
      closePrefs = preferencesIn(prefsHost, link)
    }
    // The second layer could not load (not uploaded, blocked, offline): a plain one of checkboxes instead.
    loadPreferences().then((mod) => render(mod.renderPreferences), () => render(renderFallback))
  }

  // Only a visitor's own click decides (DOM §2.2 `isTrusted`): a script's `.click()` or
  // dispatched event is stopped here, in the capture phase, before any button of the
  // banner, the preferences or the notices sees it. The API stays open to the site's code.
  m.root.addEventListener('click', (e) => e.isTrusted === false && e.stopImmediatePropagation(), true)
  m.root.addEventListener('click', (e) => {
    // The preferences centre handles its own buttons; the banner is hidden while it is open (and only a
    // visitor's own click gets here), so what remains is the banner's.
    if (prefsHost?.contains(e.target as Node)) return
    const action = (e.target as Element).closest?.('[data-consentry-action]')?.getAttribute('data-consentry-action')
    if (action == 'preferences' || action == 'open') return $ui.set('preferences')
    if (action == 'accept-all') acceptAll('banner')
    else if (action == 'reject-all') rejectAll('banner')
    else return
    afterDecision()
  })
  // A modal banner keeps Tab inside: the trap comes with the extras, fetched with the banner;
  // until they arrive, Tab simply stays where it is (if they cannot load, Tab is free again).
  m.root.addEventListener('keydown', (e) => {
    if (!extrasReady && view == 'banner' && ui.layout == 'modal' && (e as KeyboardEvent).key == 'Tab') e.preventDefault()
  })
  const unbinds = [
    // A decision made in another tab closes the banner here; a reset there asks again here.
    $snapshot.listen((s) => {
      if (s.decided && view == 'banner') $ui.set('hidden')
      else if (!s.decided && view == 'hidden' && config.mode == 'opt-in') $ui.set('banner')
      if (!extrasReady && wantsFab()) void loadExtras()
    }),
    // Blocked embeds get a placeholder whose button allows their service.
    $waitingFrames.subscribe((frames) => frames.length && void loadExtras()),
    // The preferences shown inline in the page are drawn by the extras (those asked for before the build were
    // counted by wantsExtras above).
    $embedded.listen((e) => e.length && !extrasReady && void loadExtras()),
    $ui.subscribe(show),
  ]
  if (process.env.NODE_ENV !== 'production') {
    // A visitor who has decided needs a way back to the choices (GDPR Art. 7(3); CCPA regs §7026(a)(4)).
    // Looked for a second after the page has loaded (a footer rendered by script counts) and after each decision.
    const check = () =>
      setTimeout(() => m.host.isConnected && ui.floatingButton === false && $snapshot.get().decided && !document.querySelector(OPENERS) && warnOnce('no-way-back'), 1000)
    if (document.readyState == 'complete') check()
    else addEventListener('load', check, { once: true })
    unbinds.push($snapshot.listen((s) => void (s.decided && check())))
  }
  return () => {
    gone.abort()
    unbinds.forEach((f) => f())
    stopExtras()
    closePrefs?.()
    m.host.remove()
  }
}
