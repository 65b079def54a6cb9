/**
 * The preferences when `consentry-preferences.mjs` cannot be loaded (not
 * uploaded, blocked, offline): Manage preferences still leads to choices that
 * decide. Plain DOM in the first layer's look and language: a checkbox per
 * category that is not necessary, as the decision in force has it (so
 * unticked before any choice: no pre-ticked boxes), and Save — unticking all
 * refuses, ticking all accepts. Native checkboxes in labels and a button, with
 * no stylesheet of their own: Tab, Space and Enter work as everywhere, and Esc
 * goes back.
 */
import { button } from '../banner.js'
import { el } from '../dom.js'
import type { UiLink } from '../link.js'

/** Renders the fallback into `container`, as the preferences centre would be; returns a function that removes it. */
export const renderFallback = (container: HTMLElement, link: UiLink): (() => void) => {
  const { text: t, ui, config, $snapshot } = link
  const s = $snapshot.get()
  // As in the preferences centre: the decision in force, else the stale one after a policy change.
  const from = s.decided ? s : (link.$consent.get().record ?? s)
  const boxes = config.categories
    .filter((c) => !c.necessary)
    // Untranslated (English is all the script tag carries), a category's label is often its id: "analytics" → "Analytics".
    .map((c) => [c.id, el('input', { type: 'checkbox', checked: from.categories[c.id] && '' }), t.categories?.[c.label]?.name ?? c.label.replace(/^./, (x) => x.toUpperCase())] as const)
  const save = button('save', t.save ?? 'Save choices', 'save')
  const layer = el(
    'div',
    { class: `layer ${ui.layout} ${ui.position}`, part: 'preferences', role: 'dialog', 'aria-labelledby': 'consentry-f-title', tabindex: '-1', lang: t.lang, dir: t.dir },
    el('div', { class: 'body' },
      el('h2', { id: 'consentry-f-title', part: 'title' }, t.preferencesTitle ?? t.manage),
      ...boxes.map(([, box, name]) => el('p', {}, el('label', {}, box, ' ', name)))),
    el('div', { class: 'buttons', part: 'buttons' }, save),
  )
  save.addEventListener('click', () => {
    const now = $snapshot.get()
    // Only what the visitor changed: a category left as it is keeps the services granted in it one by one.
    const choices: Record<string, boolean> = {}
    for (const [id, box] of boxes) if (box.checked != now.categories[id]) choices[id] = box.checked
    link.savePreferences(choices, 'preferences', now.optOut)
    link.saved()
  })
  layer.addEventListener('keydown', (e) => e.key == 'Escape' && link.$ui.set($snapshot.get().decided || config.mode == 'opt-out' ? 'hidden' : 'banner'))
  container.append(layer)
  layer.focus()
  return () => layer.remove()
}
