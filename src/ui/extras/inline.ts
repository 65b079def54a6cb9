/**
 * The preferences centre shown inline, in each of the page's elements that ask
 * for it (`data-consentry-preferences`, or `embedPreferences()`; see ui/embed.ts):
 * a shadow root of its own inside the element, with the first layer's
 * stylesheet and the preferences centre's, and the centre drawn as a section of
 * the page, after what the page put in the element (leave it empty; what only a
 * visitor without JavaScript should read goes in a `<noscript>`). If the
 * preferences cannot be loaded, nothing is added (the loader has said why).
 * An element that leaves the document (a single-page app's route that drops it
 * without calling the remover) takes its section with it.
 */
import { mount } from '../mount.js'
import type { UiLink } from '../link.js'

/** Draws the preferences in each element of `link.$embedded`, and removes them from one taken off the list. */
export const inlinePreferences = (link: UiLink): (() => void) => {
  const shown = new Map<Element, () => void>()
  // Elements seen in the document since they were drawn: one asked for before the page attaches it (created, then
  // appended) is not taken for one that left.
  const attached = new WeakSet<Element>()
  // A route that drops the element without calling the remover would keep the section's Preact tree and its
  // listener on the decision until the UI stops: each batch of DOM changes takes off the list those that left.
  // Observed only while something is drawn, so a page without a section pays nothing.
  const watch = new MutationObserver(() => {
    const left = [...shown.keys()].filter((e) => (e.isConnected ? (attached.add(e), false) : attached.has(e)))
    if (left.length) link.$embedded.set(link.$embedded.get().filter((e) => !left.includes(e)))
  })
  const update = (wanted: readonly Element[]) => {
    for (const [element, remove] of shown) if (!wanted.includes(element)) remove(), shown.delete(element)
    if (!shown.size) watch.disconnect()
    for (const element of wanted) {
      if (shown.has(element)) continue
      if (!shown.size) watch.observe(document, { childList: true, subtree: true })
      if (element.isConnected) attached.add(element)
      const m = mount(link.ui.theme, link.ui.nonce, element)
      // As in the first layer: only a visitor's own click decides (DOM §2.2 `isTrusted`); a script's `.click()`
      // or dispatched event on these buttons is stopped before they see it.
      m.root.addEventListener('click', (e) => e.isTrusted === false && e.stopImmediatePropagation(), true)
      let stop = () => {}
      const remove = () => (stop(), m.host.remove())
      shown.set(element, remove)
      link.preferences().then(
        (mod) => {
          // Taken off the list while the module loaded.
          if (shown.get(element) != remove) return
          m.addStyles(link.css)
          m.addStyles(mod.PREFERENCES_CSS)
          const container = document.createElement('div')
          m.root.append(container)
          stop = mod.renderPreferences(container, { ...link, root: m.root, addStyles: m.addStyles }, true)
        },
        () => m.host.remove(),
      )
    }
  }
  const unsubscribe = link.$embedded.subscribe(update)
  return () => (unsubscribe(), update([]))
}
