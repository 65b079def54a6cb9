/**
 * The opt-out notice for US visitors (`mode: 'opt-out'`), loaded on demand
 * with the other extras. US law works by opt-out: nothing waits for the
 * visitor, so this is a notice, not a blocking banner. It carries the
 * statutory link texts (Cal. Civ. Code §1798.135(a)), one click each:
 * "Do Not Sell or Share My Personal Information", "Limit the Use of My
 * Sensitive Personal Information" when the site uses such data, and "Your
 * Privacy Choices" for the preferences — opting out takes no more steps than
 * acknowledging (CCPA regs §7004(a)(2), symmetry), needs no account, and is
 * confirmed on screen (§7026(g)). A GPC visitor is told the signal was
 * honoured (§7025(c)(6)) and is never asked to opt back in.
 */
import type { Translation } from '../i18n/types.js'
import { button } from '../banner.js'
import { el } from '../dom.js'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * The "Your Privacy Choices" toggle icon: a blue-outlined pill, a check on its
 * white half and a cross on its blue half (the CPPA opt-out icon, drawn here).
 * Colours are SVG attributes, not style: a strict CSP allows them.
 */
export const choicesIcon = (): SVGSVGElement => {
  const svg = document.createElementNS(SVG, 'svg')
  const add = (d: string, attrs: Record<string, string>) => {
    const p = document.createElementNS(SVG, 'path')
    p.setAttribute('d', d)
    for (const k in attrs) p.setAttribute(k, attrs[k]!)
    svg.append(p)
  }
  for (const [k, v] of Object.entries({ viewBox: '0 0 30 14', width: '30', height: '14', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v)
  add('M7 .5h16a6.5 6.5 0 0 1 0 13H7a6.5 6.5 0 0 1 0-13Z', { fill: '#fff', stroke: '#0066ff' })
  add('M15 .5h8a6.5 6.5 0 0 1 0 13h-8.2Z', { fill: '#0066ff' })
  add('m5 7.2 2.2 2.2L11.4 5', { fill: 'none', stroke: '#0066ff', 'stroke-width': '1.6', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })
  add('m19.2 4.4 5.2 5.2m0-5.2-5.2 5.2', { fill: 'none', stroke: '#fff', 'stroke-width': '1.6', 'stroke-linecap': 'round' })
  return svg
}

/** Page elements marked `data-consentry-choices` (and empty) get the icon and "Your Privacy Choices". */
export const decorateChoiceLinks = (t: Translation): void => {
  for (const a of document.querySelectorAll('[data-consentry-choices]'))
    if (!a.childNodes.length) a.append(choicesIcon(), ' ', t.privacyChoices)
}

export const NOTICE_CSS = `.notice .buttons{grid-template-columns:repeat(auto-fit,minmax(min(14em,100%),1fr));flex-basis:40em}
.choices{display:inline-flex;align-items:center;justify-content:center;gap:.5em}.choices svg{flex:none}
.confirm{left:auto;right:0;bottom:0;margin:1em;max-width:min(26em,calc(100% - 2em));border-radius:var(--_radius);display:flex;gap:1em;align-items:center}
.confirm p{margin:0;color:var(--_fg)}`

export interface NoticeContext {
  text: Translation
  /** `limitSensitive` in the config: offer the "Limit" link too. */
  limitSensitive: boolean
  /** The visitor's browser sent GPC and it was honoured on this page view. */
  gpc: boolean
  optOut(): void
  limit(): void
  /** Closing the notice acknowledges it: it is not shown again until the policy revision changes. */
  dismiss(): void
  /** Announces a text to screen readers. */
  announce(text: string): void
}

/** A small box that confirms a request on screen, until closed. */
export const confirmation = (t: Translation, text: string): HTMLElement => {
  const box = el('div', { class: 'layer confirm', part: 'confirmation', role: 'status' }, el('p', {}, text), button('close', t.close, 'close', true))
  box.addEventListener('click', (e) => (e.target as Element).closest('[data-consentry-action=close]') && box.remove())
  return box
}

/**
 * The first layer in opt-out mode. Buttons carry the contract's
 * `data-consentry-action` names (`opt-out`, `preferences`); the shared click
 * handler opens the preferences, this element handles the rest.
 */
export const notice = (ctx: NoticeContext): HTMLElement => {
  const t = ctx.text
  const choices = button('preferences', '', 'choices', true)
  choices.classList.add('choices')
  choices.append(choicesIcon(), t.privacyChoices)
  const box = el(
    'div',
    { class: 'layer bar bottom notice', part: 'notice', role: 'region', 'aria-label': t.privacyChoices, lang: t.lang, dir: t.dir },
    el('div', { class: 'body' }, el('p', { id: 'consentry-text', part: 'text' }, ctx.gpc ? t.gpcHonored : t.optOutNotice)),
    el(
      'div',
      { class: 'buttons', part: 'buttons' },
      !ctx.gpc && button('opt-out', t.doNotSell, 'opt-out'),
      !ctx.gpc && ctx.limitSensitive && button('limit-sensitive', t.limitSensitive, 'limit-sensitive'),
      choices,
      button('close', t.close, 'close', true),
    ),
  )
  box.addEventListener('click', (e) => {
    const action = (e.target as Element).closest('[data-consentry-action]')?.getAttribute('data-consentry-action')
    if (action == 'opt-out') ctx.optOut(), box.after(confirmation(t, t.optOutConfirmed)), ctx.announce(t.optOutConfirmed)
    else if (action == 'limit-sensitive') ctx.limit(), box.after(confirmation(t, t.saved)), ctx.announce(t.saved)
    else if (action == 'close') ctx.dismiss()
  })
  return box
}
