/** What keyboard users can reach, in order (WCAG 2.2 SC 2.1.1, 2.4.3). */
const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select,textarea,[tabindex]:not([tabindex="-1"])'

export const focusables = (container: ParentNode): HTMLElement[] =>
  [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.closest('[hidden]'))

/**
 * Keeps Tab and Shift+Tab inside a modal dialog (WAI-ARIA APG dialog pattern):
 * from the last element to the first and back, and into the dialog if focus
 * has somehow left it.
 */
export const trapTab = (e: KeyboardEvent, container: HTMLElement, root: ShadowRoot): void => {
  const items = focusables(container)
  const first = items[0]
  const last = items[items.length - 1]
  if (e.key != 'Tab' || !first || !last) return
  const active = root.activeElement
  const inside = !!active && container.contains(active)
  if (e.shiftKey ? !inside || active == first : !inside || active == last) {
    e.preventDefault()
    ;(e.shiftKey ? last : first).focus()
  }
}
