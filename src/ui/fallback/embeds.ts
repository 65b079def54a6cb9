/**
 * Placeholders for blocked embeds when `consentry-extras.mjs` cannot be loaded:
 * inside each iframe that waits for consent, who the content is from and a
 * button that loads it (grants its service, with method `embed`). Text nodes
 * and a native button in the browser's default look: no stylesheet to carry,
 * nothing a strict CSP could refuse.
 */
import { el } from '../dom.js'
import type { UiLink } from '../link.js'

const watched = new WeakSet<HTMLIFrameElement>()

/** Draws a placeholder into each waiting iframe from now on; returns a function that stops. */
export const fallbackEmbeds = (link: UiLink): (() => void) =>
  link.$waitingFrames.subscribe((frames) => {
    const t = link.text
    for (const frame of frames) {
      const draw = () => {
        const doc = frame.contentDocument
        const id = frame.getAttribute('data-service') || (frame.getAttribute('data-consent') ?? frame.getAttribute('data-category') ?? '').trim()
        // Loaded meanwhile, or negated (`!analytics`: shown on refusal), or already drawn (a blank document's body is
        // empty); or waiting for an id the config does not declare, which nothing can allow (a development build names it).
        if (!doc?.body || doc.body.firstChild || frame.hasAttribute('src') || id[0] == '!' || !link.config.ids.has(id)) return
        const name = link.config.services.get(id)?.label ?? t.categories?.[id]?.name ?? id
        const load = el('button', { type: 'button' }, t.embedLoad ?? 'Load content')
        // A visitor's click only, never a script's (as everywhere in the UI).
        load.addEventListener('click', (e) => e.isTrusted !== false && link.set({ [id]: true }, 'embed'))
        doc.documentElement.lang = t.lang
        doc.body.append(el('p', {}, t.embedText?.replaceAll('{service}', name) ?? name), load)
      }
      draw()
      // The browser may replace the blank document (moved in the DOM; Firefox's late about:blank).
      if (!watched.has(frame)) watched.add(frame), frame.addEventListener('load', draw)
    }
  })
