/**
 * The UI's home: `<div data-consentry>` at the end of `<body>` (or `<div
 * data-consentry-embed>` in the page's element, for the preferences shown
 * inline), with an open shadow root so the page's CSS cannot reach in (and ours
 * cannot leak out).
 */
import { el } from './dom.js'

export interface Mount {
  host: HTMLElement
  root: ShadowRoot
  /** Adds a stylesheet to the shadow root (the preferences layer brings its own). */
  addStyles(css: string): void
}

/**
 * Styles go in as constructed stylesheets (`adoptedStyleSheets`), which a CSP
 * without `'unsafe-inline'` allows; with a `nonce`, or where constructed
 * stylesheets are missing, as a `<style nonce>` element instead. Browsers
 * shipped `adoptedStyleSheets` and `replaceSync` together (Chromium 73,
 * Firefox 101, Safari 16.4), so one is looked for.
 */
export const mount = (theme: string, nonce?: string, into?: Element): Mount => {
  // Inside the page's own element for the preferences shown inline (embed.ts): another name, so that
  // `[data-consentry]` (contract: DOM) stays the one host of the banner and the dialogs.
  const host = el('div', { [into ? 'data-consentry-embed' : 'data-consentry']: '', 'data-theme': theme })
  const root = host.attachShadow({ mode: 'open' })
  const addStyles = (css: string) => {
    if (!nonce && 'adoptedStyleSheets' in root) {
      const sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    } else {
      const style = el('style')
      if (nonce) style.nonce = nonce
      style.textContent = css
      root.prepend(style)
    }
  }
  ;(into ?? document.body).append(host)
  return { host, root, addStyles }
}
