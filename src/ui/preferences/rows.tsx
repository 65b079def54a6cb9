/** The rows of the preferences centre: a category with its switch, its services and their cookie tables. */
import { useState } from 'preact/hooks'
import type { Category, CookieInfo, Service } from '../../config/types.js'
import type { Ctx, Draft } from './draft.js'

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
export const Switch = ({ checked, partial, disabled, labelledBy, describedBy, onToggle }: SwitchProps) => (
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

export const CookieTable = ({ rows, provider, ctx }: { rows: CookieInfo[]; provider?: string; ctx: Ctx }) => {
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

export const ServiceRow = (props: { service: Service; on: boolean; locked: boolean; onToggle(on: boolean): void; ctx: Ctx }) => {
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

export const CategoryRow = (props: { category: Category; draft: Draft; setDraft(d: Draft): void; ctx: Ctx }) => {
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
