import { el, icon, OPENERS } from '../dom.js'
import { en } from '../i18n/en.js'
import type { Translation } from '../i18n/types.js'

/** A cookie with a bite taken out. */
const COOKIE_ICON = [
  'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm-7 1a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z',
]

/** Added to the shadow root's styles with the floating button. */
export const FAB_CSS = `.fab{position:fixed;bottom:1em;left:1em;z-index:2147482998;width:3em;height:3em;min-height:0;padding:.6em;border-radius:50%;box-shadow:var(--_shadow)}
.fab svg{width:100%;height:100%;fill:currentColor}`

/** The floating button that reopens the preferences; the first layer's click handler knows its action. */
export const floatingButton = (t: Partial<Translation>): HTMLButtonElement =>
  el('button', { type: 'button', class: 'fab', part: 'floating-button', 'aria-label': t.openPreferences ?? en.openPreferences, 'data-consentry-action': 'open' }, icon(COOKIE_ICON))

const isOpener = (n: Node): boolean => n.nodeType == 1 && ((n as Element).matches(OPENERS) || !!(n as Element).querySelector(OPENERS))

/**
 * Follows whether the page has its own way back to the choices (an element
 * matching {@link OPENERS}): calls `change` now and whenever that answer flips,
 * as the page changes (a footer rendered by script after start-up, a route
 * that removes it). Cheap on busy pages: while one is known, only whether it
 * is still there is checked; while none is, only the nodes just added.
 * Returns a function that stops following.
 */
export const watchOpeners = (change: (present: boolean) => void): (() => void) => {
  let found = document.querySelector(OPENERS)
  const observer = new MutationObserver((records) => {
    const had = found
    // The attribute filter makes any attribute record one of ours.
    if (had ? !had.isConnected || !had.matches(OPENERS) : records.some((r) => r.type == 'attributes' || [...r.addedNodes].some(isOpener)))
      if (!(found = document.querySelector(OPENERS)) != !had) change(!had)
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-consentry-open', 'data-consentry-choices'] })
  change(!!found)
  return () => observer.disconnect()
}
