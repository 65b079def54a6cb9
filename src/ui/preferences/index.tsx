import { render } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Category, CookieInfo, Service } from '../../config/types.js'
import { fit } from '../fit.js'
import { trapTab } from '../focus.js'
import { en } from '../i18n/en.js'
import { textFor } from '../i18n/pick.js'
import type { Translation } from '../i18n/types.js'
import type { UiLink } from '../link.js'
import type { PreferencesContext } from './types.js'
import { PREFERENCES_CSS } from './styles.js'

export { PREFERENCES_CSS }
export type { PreferencesContext, PreferencesModule } from './types.js'

/** The context with every text filled in: English for whatever the first layer did not carry. */
type Ctx = Omit<PreferencesContext, 'text'> & { text: Translation }

/** The switches as the visitor is setting them, before Save. */
interface Draft {
  categories: Record<string, boolean>
  services: Record<string, boolean>
  /** US: "Do Not Sell or Share" and "Limit the Use of My Sensitive Personal Information", on = opted out. */
  sale: boolean
  sensitive: boolean
}

/**
 * Switches start from the decision in force; after a policy change, from the
 * previous (stale) decision; otherwise from what is granted before any choice,
 * which in opt-in mode is nothing non-essential (no pre-ticked boxes: CJEU C-673/17).
 */
const initialDraft = (ctx: Ctx): Draft => {
  const s = ctx.snapshot()
  const from = s.decided ? s : (ctx.previous() ?? s)
  return { categories: { ...from.categories }, services: { ...from.services }, sale: s.optOut.sale, sensitive: s.optOut.sensitive }
}

interface SwitchProps {
  checked: boolean
  /** Off, with some of what it carries on: drawn half-way (see {@link CategoryRow}). */
  partial?: boolean
  disabled?: boolean
  labelledBy: string
  describedBy?: string
  onToggle(on: boolean): void
}

/** A real `<button role="switch">` (WAI-ARIA APG switch pattern): Space and Enter toggle it natively. */
const Switch = ({ checked, partial, disabled, labelledBy, describedBy, onToggle }: SwitchProps) => (
  <button
    type="button"
    role="switch"
    class={partial ? 'switch partial' : 'switch'}
    part="switch"
    aria-checked={checked ? 'true' : 'false'}
    aria-labelledby={labelledBy}
    aria-describedby={describedBy}
    disabled={disabled}
    onClick={() => onToggle(!checked)}
  />
)

const CookieTable = ({ rows, provider, ctx }: { rows: CookieInfo[]; provider?: string; ctx: Ctx }) => {
  const t = ctx.text
  const heads = [t.cookieName, t.cookieProvider, t.cookiePurpose, t.cookieLifetime]
  return (
    <table part="cookie-table">
      <thead>
        <tr>{heads.map((h) => <th scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {[r.name, r.provider ?? provider ?? '', r.purpose, r.lifetime].map((v, i) => <td data-label={heads[i]}>{v}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const ServiceRow = (props: { service: Service; on: boolean; locked: boolean; onToggle(on: boolean): void; ctx: Ctx }) => {
  const { service: s, ctx } = props
  const [open, setOpen] = useState(false)
  const id = 'consentry-s-' + s.id
  return (
    <li class="service" part="service">
      <div class="entry">
        <h4 id={id}>{s.label}</h4>
        <Switch checked={props.on} disabled={props.locked} labelledBy={id} describedBy={s.description && id + '-d'} onToggle={props.onToggle} />
      </div>
      {s.provider && <p>{s.provider}</p>}
      {s.description && <p id={id + '-d'}>{s.description}</p>}
      {s.cookieTable.length > 0 && (
        <button type="button" class="link" aria-expanded={open ? 'true' : 'false'} aria-controls={id + '-t'} onClick={() => setOpen(!open)}>
          {ctx.text.showCookies}
        </button>
      )}
      {open && <div id={id + '-t'}><CookieTable rows={s.cookieTable} provider={s.provider} ctx={ctx} /></div>}
    </li>
  )
}

const CHEVRON = 'M6 9l6 6 6-6'

const CategoryRow = (props: { category: Category; draft: Draft; setDraft(d: Draft): void; ctx: Ctx }) => {
  const { category: c, draft, ctx } = props
  const t = ctx.text
  const known = t.categories[c.label]
  const name = known?.name ?? c.label
  const description = known?.description ?? c.description
  const id = 'consentry-c-' + c.id
  const on = draft.categories[c.id] === true
  const partial = !on && c.services.some((s) => draft.services[s.id])
  // A compact row: the name, which opens what the category holds, and its switch. Partly on, it opens
  // at first, so the services that are on can be seen.
  const [open, setOpen] = useState(partial)
  const more = !!description || c.services.length > 0
  // The same rules as the engine's set(): the category switch carries its services; a service
  // switch carries only its service. The category is on when switched on or when all of its services
  // are, and off once one of them is switched off: it stands for the whole category, never a part.
  const toggleCategory = (v: boolean) => {
    const services = { ...draft.services }
    for (const s of c.services) services[s.id] = v
    props.setDraft({ ...draft, categories: { ...draft.categories, [c.id]: v }, services })
  }
  const toggleService = (sid: string, v: boolean) => {
    const services = { ...draft.services, [sid]: v }
    props.setDraft({ ...draft, categories: { ...draft.categories, [c.id]: v && (on || c.services.every((s) => services[s.id])) }, services })
  }
  return (
    <li class="category" part="category">
      <div class="entry">
        {/* The disclosure is a button inside the heading (WAI-ARIA APG accordion pattern); the switch is labelled by the name alone. */}
        <h3>
          {more ? (
            <button type="button" class="more" aria-expanded={open ? 'true' : 'false'} aria-controls={id + '-p'} onClick={() => setOpen(!open)}>
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={CHEVRON} /></svg>
              <span id={id}>{name}</span>
            </button>
          ) : (
            <span id={id}>{name}</span>
          )}
        </h3>
        {c.necessary && <span class="always">{t.alwaysOn}</span>}
        {/* Partly on is drawn, not announced as aria-checked="mixed": a switch has no mixed state (WAI-ARIA 1.2 §switch:
            user agents treat it as false). Its services' own switches, under it, say which part. */}
        <Switch checked={on} partial={partial} disabled={c.necessary} labelledBy={id} describedBy={description && id + '-d'} onToggle={toggleCategory} />
      </div>
      {/* Kept in the document while closed: the switch's description points into it. */}
      {more && (
        <div id={id + '-p'} class="panel" hidden={!open}>
          {description && <p id={id + '-d'}>{description}</p>}
          {c.services.length > 0 && (
            <ul class="services" aria-label={`${t.services}: ${name}`}>
              {c.services.map((s) => (
                <ServiceRow service={s} on={draft.services[s.id] === true} locked={c.necessary} onToggle={(v) => toggleService(s.id, v)} ctx={ctx} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  )
}

/**
 * Opt-out mode (US): the statutory opt-outs as switches, on = opted out, above
 * the categories. "Do Not Sell or Share" switches the categories marked
 * `optOut` with it. While the browser sends GPC, that switch is on and locked,
 * with "Opt-out preference signal honored" beside it (CCPA regs §7025(c)(6)):
 * nothing here asks a GPC visitor to opt back in.
 */
const OptOuts = ({ draft, setDraft, ctx }: { draft: Draft; setDraft(d: Draft): void; ctx: Ctx }) => {
  const t = ctx.text
  const s = ctx.snapshot()
  const gpc = s.gpc && s.optOut.sale
  const toggleSale = (on: boolean) => {
    const categories = { ...draft.categories }
    const services = { ...draft.services }
    for (const c of ctx.config.categories)
      if (c.optOut) {
        categories[c.id] = !on
        for (const x of c.services) services[x.id] = !on
      }
    setDraft({ ...draft, categories, services, sale: on })
  }
  return (
    <ul class="optouts" part="opt-outs">
      <li class="category">
        <div class="entry">
          <h3 id="consentry-o-sale">{t.doNotSell}</h3>
          <Switch checked={draft.sale || gpc} disabled={gpc} labelledBy="consentry-o-sale" describedBy={gpc ? 'consentry-o-gpc' : undefined} onToggle={toggleSale} />
        </div>
        {gpc && (
          <p id="consentry-o-gpc" class="honored" part="gpc-honored">
            {t.gpcHonored}
          </p>
        )}
      </li>
      {ctx.config.limitSensitive && (
        <li class="category">
          <div class="entry">
            <h3 id="consentry-o-spi">{t.limitSensitive}</h3>
            <Switch checked={draft.sensitive} labelledBy="consentry-o-spi" onToggle={(v) => setDraft({ ...draft, sensitive: v })} />
          </div>
        </li>
      )}
    </ul>
  )
}

/** Save: the choices and the US opt-outs, one decision. */
const save = (ctx: Ctx, draft: Draft) =>
  ctx.savePreferences({ ...draft.categories, ...draft.services }, 'preferences', { sale: draft.sale, sensitive: draft.sensitive })

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
  useEffect(() => dialog.current?.focus(), [])
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
