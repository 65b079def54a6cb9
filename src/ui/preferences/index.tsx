import { render } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { fit } from '../fit.js'
import { trapTab } from '../focus.js'
import { en } from '../i18n/en.js'
import { textFor } from '../i18n/pick.js'
import type { UiLink } from '../link.js'
import type { PreferencesContext } from './types.js'
import { PREFERENCES_CSS } from './styles.js'
import { initialDraft, save, type Ctx } from './draft.js'
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
 * dialog: focus moves in, stays in (Tab and Shift+Tab cycle), Esc closes.
 */
const Preferences = ({ ctx }: { ctx: Ctx }) => {
  const t = ctx.text
  const [draft, setDraft] = useState(() => initialDraft(ctx))
  const dialog = useRef<HTMLDivElement>(null)
  const foot = useRef<HTMLDivElement>(null)
  // Focus moves in once the dialog can take it. It is hidden until its buttons are laid out (see fit), and an
  // element that is `visibility: hidden` cannot take focus (HTML §6.6.3): focus() then does nothing. Preact's effect
  // can run before that layout on a busy machine (its after-paint falls back to a 100 ms timer), so where focus did
  // not move in, it is tried again on the next frames, which come after that layout.
  useEffect(() => {
    let frames = 10
    const focusIn = () => {
      const d = dialog.current
      d?.focus()
      if (d && (d.getRootNode() as ShadowRoot).activeElement != d && frames--) requestAnimationFrame(focusIn)
    }
    focusIn()
  }, [])
  // The footer's buttons sit as the banner's do: in a row, as a pair above Save, or stacked, as the labels fit.
  // Before the first paint, so the dialog is never drawn in another arrangement first.
  useLayoutEffect(() => {
    const measure = fit(foot.current!)
    addEventListener('resize', measure)
    return () => removeEventListener('resize', measure)
  }, [])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key == 'Escape') {
      e.preventDefault()
      ctx.close()
    } else trapTab(e, dialog.current!, dialog.current!.getRootNode() as ShadowRoot)
  }
  return (
    <>
      <div class="backdrop" part="backdrop" />
      <div
        ref={dialog}
        class="layer prefs"
        part="preferences"
        role="dialog"
        aria-modal="true"
        aria-labelledby="consentry-p-title"
        aria-describedby="consentry-p-text"
        tabindex={-1}
        lang={t.lang}
        dir={t.dir}
        onKeyDown={onKeyDown}
      >
        {/* Plain divs, not <header>/<footer>: those would add a second banner and contentinfo landmark to the page. */}
        <div class="head">
          <h2 id="consentry-p-title" part="title">{t.preferencesTitle}</h2>
          <button type="button" class="close" part="close" aria-label={t.close} data-consentry-action="close" onClick={ctx.close}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={CLOSE_ICON} /></svg>
          </button>
        </div>
        <div class="scroll">
          <p id="consentry-p-text" part="text">{t.preferencesText}</p>
          {ctx.config.mode == 'opt-out' && <OptOuts draft={draft} setDraft={setDraft} ctx={ctx} />}
          <ul>
            {ctx.config.categories.map((c) => <CategoryRow category={c} draft={draft} setDraft={setDraft} ctx={ctx} />)}
          </ul>
        </div>
        {/* Save is the one filled button; Reject all and Accept all are alike, both outlined (EDPB 03/2022). */}
        <div class="foot">
          <div ref={foot} class="buttons" part="buttons">
            <button type="button" class="secondary" part="button reject" data-consentry-action="reject-all" onClick={() => ctx.rejectAll('preferences')}>{t.rejectAll}</button>
            <button type="button" class="secondary" part="button accept" data-consentry-action="accept-all" onClick={() => ctx.acceptAll('preferences')}>{t.acceptAll}</button>
            <button type="button" part="button save" data-consentry-action="save" onClick={() => save(ctx, draft)}>{t.save}</button>
          </div>
        </div>
      </div>
    </>
  )
}

/** Renders the preferences centre into `container`; returns a function that removes it. */
export const renderPreferences = (container: HTMLElement, link: UiLink): (() => void) => {
  // Every decision made here is announced as saved, like the first layer's.
  const after =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A) => (f(...a), link.saved())
  const ctx: Ctx = {
    config: link.config,
    ui: link.ui,
    text: textFor(en, link.text),
    snapshot: () => link.$snapshot.get(),
    previous: () => link.$consent.get().record,
    acceptAll: after(link.acceptAll),
    rejectAll: after(link.rejectAll),
    savePreferences: after(link.savePreferences),
    // Back to the banner if nothing is decided yet (opt-in); in opt-out mode nothing waits.
    close: () => link.$ui.set(link.$snapshot.get().decided || link.config.mode == 'opt-out' ? 'hidden' : 'banner'),
  }
  render(<Preferences ctx={ctx} />, container)
  return () => render(null, container)
}
