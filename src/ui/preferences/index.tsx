import { render } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { fit } from '../fit.js'
import { trapTab } from '../focus.js'
import { en } from '../i18n/en.js'
import { textFor } from '../i18n/pick.js'
import type { UiLink } from '../link.js'
import type { PreferencesContext } from './types.js'
import { PREFERENCES_CSS } from './styles.js'
import { initialDraft, save, type Ctx, type Draft } from './draft.js'
import { CategoryRow } from './rows.js'
import { OptOuts } from './opt-outs.js'

export { PREFERENCES_CSS }
export type { PreferencesContext, PreferencesModule } from './types.js'

const CLOSE_ICON = 'M6 6l12 12M18 6L6 18'

/**
 * The second layer: one compact row per category with its switch (necessary
 * ones on and locked), opening to its description and its services, each with
 * its own switch and cookie table; then Reject all and Accept all, alike, and
 * Save, the primary action. A modal
 * dialog: focus moves in, stays in (Tab and Shift+Tab cycle), Esc closes. Or
 * `inline`, a region of the page (ui/embed.ts): no backdrop, no close button,
 * focus left where it is, the switches following the decision in force, and
 * "saved" said beside the buttons.
 */
const Preferences = ({ ctx, inline }: { ctx: Ctx; inline?: boolean }) => {
  const t = ctx.text
  const [draft, setDraft] = useState(() => initialDraft(ctx))
  // Inline, what a decision made here says on the page: the dialog closes instead.
  const [saved, setSaved] = useState('')
  const dialog = useRef<HTMLDivElement>(null)
  const foot = useRef<HTMLDivElement>(null)
  // Focus moves in once the dialog can take it. It is hidden until its buttons are laid out (see fit), and an
  // element that is `visibility: hidden` cannot take focus (HTML §6.6.3): focus() then does nothing. Preact's effect
  // can run before that layout on a busy machine (its after-paint falls back to a 100 ms timer), so where focus did
  // not move in, it is tried again on the next frames, which come after that layout.
  // Inline, the section is part of the page: focus stays where the visitor has it.
  useEffect(() => {
    if (inline) return
    let frames = 10
    const focusIn = () => {
      const d = dialog.current
      d?.focus()
      if (d && (d.getRootNode() as ShadowRoot).activeElement != d && frames--) requestAnimationFrame(focusIn)
    }
    focusIn()
  }, [])
  // Inline, the switches follow the decision in force as it changes (in the banner, a dialog, another tab, or
  // Save here), from the render on: a layout effect, as an effect runs up to a frame later and would miss a
  // decision made in between.
  useLayoutEffect(() => (inline ? ctx.follow(() => (setDraft(initialDraft(ctx)), setSaved(''))) : undefined), [])
  // The footer's buttons sit as the banner's do: in a row, as a pair above Save, or stacked, as the labels fit.
  // Before the first paint, so the dialog is never drawn in another arrangement first.
  useLayoutEffect(() => {
    const measure = fit(foot.current!)
    addEventListener('resize', measure)
    return () => removeEventListener('resize', measure)
  }, [])
  const onKeyDown = (e: KeyboardEvent) => {
    if (inline) return
    if (e.key == 'Escape') {
      e.preventDefault()
      ctx.close()
    } else trapTab(e, dialog.current!, dialog.current!.getRootNode() as ShadowRoot)
  }
  // A decision made here: the dialog announces it (and closes); inline, it is said beside the buttons.
  const done =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A) => (f(...a), inline ? (setSaved(''), setTimeout(() => setSaved(t.saved), 50)) : ctx.saved())
  const change = (d: Draft) => (setSaved(''), setDraft(d))
  return (
    <>
      {!inline && <div class="backdrop" part="backdrop" />}
      <div
        ref={dialog}
        class={inline ? 'prefs inline' : 'layer prefs'}
        part="preferences"
        role={inline ? 'region' : 'dialog'}
        aria-modal={inline ? undefined : 'true'}
        aria-labelledby="consentry-p-title"
        aria-describedby="consentry-p-text"
        tabindex={inline ? undefined : -1}
        lang={t.lang}
        dir={t.dir}
        onKeyDown={onKeyDown}
      >
        {/* Plain divs, not <header>/<footer>: those would add a second banner and contentinfo landmark to the page. */}
        <div class="head">
          <h2 id="consentry-p-title" part="title">{t.preferencesTitle}</h2>
          {!inline && (
            <button type="button" class="close" part="close" aria-label={t.close} data-consentry-action="close" onClick={ctx.close}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={CLOSE_ICON} /></svg>
            </button>
          )}
        </div>
        <div class="scroll">
          <p id="consentry-p-text" part="text">{t.preferencesText}</p>
          {ctx.config.mode == 'opt-out' && <OptOuts draft={draft} setDraft={change} ctx={ctx} />}
          <ul>
            {ctx.config.categories.map((c) => <CategoryRow category={c} draft={draft} setDraft={change} ctx={ctx} />)}
          </ul>
        </div>
        {/* Save is the one filled button; Reject all and Accept all are alike, both outlined (EDPB 03/2022). */}
        <div class="foot">
          <div ref={foot} class="buttons" part="buttons">
            <button type="button" class="secondary" part="button reject" data-consentry-action="reject-all" onClick={done(() => ctx.rejectAll('preferences'))}>{t.rejectAll}</button>
            <button type="button" class="secondary" part="button accept" data-consentry-action="accept-all" onClick={done(() => ctx.acceptAll('preferences'))}>{t.acceptAll}</button>
            <button type="button" part="button save" data-consentry-action="save" onClick={done(() => save(ctx, draft))}>{t.save}</button>
          </div>
          {inline && <p class="saved" part="saved" role="status">{saved}</p>}
        </div>
      </div>
    </>
  )
}

/**
 * Renders the preferences centre into `container`, as a modal dialog, or `inline` as a section of the page
 * (ui/embed.ts); returns a function that removes it.
 */
export const renderPreferences = (container: HTMLElement, link: UiLink, inline?: boolean): (() => void) => {
  const ctx: Ctx = {
    config: link.config,
    ui: link.ui,
    text: textFor(en, link.text),
    snapshot: () => link.$snapshot.get(),
    previous: () => link.$consent.get().record,
    acceptAll: link.acceptAll,
    rejectAll: link.rejectAll,
    savePreferences: link.savePreferences,
    // Every decision made in the dialog is announced as saved, like the first layer's.
    saved: link.saved,
    follow: (f) => link.$snapshot.listen(f),
    // Back to the banner if nothing is decided yet (opt-in); in opt-out mode nothing waits.
    close: () => link.$ui.set(link.$snapshot.get().decided || link.config.mode == 'opt-out' ? 'hidden' : 'banner'),
  }
  render(<Preferences ctx={ctx} inline={inline} />, container)
  return () => render(null, container)
}
