/**
 * Placeholders for blocked embeds: inside each iframe that waits for consent,
 * who the content is from and a button that allows that service.
 */
import type { ResolvedConfig } from '../../config/types.js'
import { el } from '../dom.js'
import { en } from '../i18n/en.js'
import type { Translation } from '../i18n/types.js'

/**
 * The placeholder's look. It lives in the iframe's own blank document, so it
 * fills exactly the box the page gave the embed, and the page's CSS neither
 * reaches it nor has to make room for it. Contrast ≥ 4.5:1 (WCAG 2.2 SC 1.4.3).
 */
const CSS = `html{height:100%}body{margin:0;height:100%;display:flex;align-items:center;justify-content:center;box-sizing:border-box;padding:1em;
font:400 15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef0f4;color:#16181d;text-align:center}
p{margin:0 0 .8em;max-width:32em}button{font:inherit;font-weight:600;padding:.55em 1.1em;border-radius:.5em;border:2px solid #1f4fd1;
background:#1f4fd1;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1f4fd1;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#1b1e24;color:#f2f4f7}button{background:#8ab4ff;border-color:#8ab4ff;color:#0b1020}}`

export interface PlaceholderContext {
  config: ResolvedConfig
  text: Partial<Translation>
  nonce?: string
  /** Grants what the embed waits for (its service, else its category), as a decision made from the placeholder. */
  allow(id: string): void
}

const done = new WeakSet<Document>()
const watched = new WeakSet<HTMLIFrameElement>()

/**
 * Shows, inside each blocked iframe, who the content is from and a button
 * that allows that service: "This content is from YouTube. … [Load content]".
 * Text nodes only, never markup. Rendered again if the browser replaces the
 * iframe's blank document (moved in the DOM; Firefox's late about:blank).
 */
export const placeholders = (frames: readonly HTMLIFrameElement[], ctx: PlaceholderContext): void => {
  const t = { ...en, ...ctx.text }
  for (const frame of frames) {
    const render = () => {
      const doc = frame.contentDocument
      const id = frame.getAttribute('data-service') || (frame.getAttribute('data-consent') ?? frame.getAttribute('data-category') ?? '').trim()
      // Loaded meanwhile (it has its src now), or negated (`!analytics`: shown on refusal), or already drawn; or
      // waiting for an id the config does not declare: nothing can allow it, so no button offers to (a development
      // build names the element in a warning).
      if (!doc || !doc.body || frame.hasAttribute('src') || id[0] == '!' || done.has(doc) || !ctx.config.ids.has(id)) return
      done.add(doc)
      const service = ctx.config.services.get(id)
      const category = ctx.config.categories.find((c) => c.id == id)
      const name = service?.label ?? t.categories[category?.label ?? '']?.name ?? category?.label ?? id
      const win = frame.contentWindow as (Window & typeof globalThis) | null
      if (!ctx.nonce && win?.CSSStyleSheet && 'adoptedStyleSheets' in doc) {
        const sheet = new win.CSSStyleSheet()
        sheet.replaceSync(CSS)
        doc.adoptedStyleSheets = [sheet]
      } else {
        const style = doc.createElement('style')
        if (ctx.nonce) style.nonce = ctx.nonce
        style.textContent = CSS
        doc.head.append(style)
      }
      doc.documentElement.lang = t.lang
      doc.documentElement.dir = t.dir
      const button = el('button', { type: 'button' }, t.embedLoad)
      // A visitor's click only, never a script's (see the UI's capture guard).
      button.addEventListener('click', (e) => e.isTrusted !== false && ctx.allow(id))
      doc.body.append(el('div', { 'data-consentry-placeholder': '' }, el('p', {}, t.embedText.replaceAll('{service}', name)), button))
    }
    render()
    if (!watched.has(frame)) watched.add(frame), frame.addEventListener('load', render)
  }
}
