import type { BannerText } from './i18n/en-banner.js'
import type { ResolvedUi } from './config.js'
import { el } from './dom.js'
import { fit } from './fit.js'

/** A button of the UI; accept and reject are built by the same call, so they look alike (EDPB 03/2022). */
export const button = (action: string, label: string, part: string, secondary?: boolean): HTMLButtonElement =>
  el('button', { type: 'button', 'data-consentry-action': action, part: 'button ' + part, class: secondary ? 'secondary' : undefined }, label)

/**
 * The first layer: title, text with the policy link, and three buttons —
 * accept all and reject all with equal weight, side by side, and the way to
 * the preferences. Nothing is decided by closing, scrolling or waiting: there
 * is no close button and no timer. Its buttons are laid out again when the
 * window or the fonts change, until `gone` is aborted (the UI removed).
 */
export const buildBanner = (t: BannerText, ui: ResolvedUi, gone: AbortSignal): HTMLElement => {
  const modal = ui.layout == 'modal'
  // The privacy-policy link goes where `{policy}` stands, the text around it as written, and a space before
  // it; without a policy URL the placeholder is dropped. Text and link are separate nodes.
  const [before, after] = t.bannerText.split('{policy}')
  const buttons = el('div', { class: 'buttons', part: 'buttons' },
    button('reject-all', t.rejectAll, 'reject'),
    button('accept-all', t.acceptAll, 'accept'),
    button('preferences', t.manage, 'manage', true))
  const measure = fit(buttons)
  addEventListener('resize', measure, { signal: gone })
  document.fonts?.addEventListener('loadingdone', measure, { signal: gone })
  return el(
    'div',
    {
      class: `layer ${ui.layout} ${ui.position}`,
      part: 'banner',
      role: 'dialog',
      'aria-modal': String(modal),
      'aria-labelledby': 'consentry-title',
      'aria-describedby': 'consentry-text',
      tabindex: '-1',
      lang: t.lang,
      dir: t.dir,
    },
    el('div', { class: 'body' },
      el('h2', { id: 'consentry-title', part: 'title' }, t.bannerTitle),
      el('p', { id: 'consentry-text', part: 'text' }, before, ' ', ui.policyUrl && el('a', { href: ui.policyUrl, part: 'link' }, t.policyLink), after)),
    buttons,
  )
}

/**
 * Starts the banner's text with `text`, in bold (the visitor is asked again after a `revision` change), or takes it
 * away (`false`). Inside the text, so the banner's description (aria-describedby) reads it first, and only while shown.
 */
export const markRevised = (banner: HTMLElement, text: string | false | undefined): void => {
  const p = banner.querySelector('[part=text]')!
  p.querySelector('[part=revised]')?.remove()
  if (text) p.prepend(el('strong', { part: 'revised' }, text + ' '))
}
