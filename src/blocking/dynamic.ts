/**
 * Blocking what other code inserts later: a tag manager's loader, a CMS
 * widget, `document.createElement('script')`, `new Image()`. A script fetches
 * when it is inserted and an image as soon as its `src` is set, so waiting for
 * a MutationObserver is too late: the `src` setters and `setAttribute` of
 * script, iframe and img elements are wrapped instead, and a URL that belongs
 * to a service without consent is parked in `data-src`, with the script's type
 * set to `text/plain`, exactly as if the page had marked it up that way. When
 * consent comes, markup activation runs it (and fires `load` on the element the
 * loader holds).
 */
type Blocked = (url: string) => { category: string; service: string } | null

export const guardElements = (blocked: Blocked): (() => void) => {
  // Looked up here, not at import: the module must load on a server, where there is no DOM.
  const TAGS: [typeof HTMLElement, string][] = [
    [HTMLScriptElement, 'SCRIPT'],
    [HTMLIFrameElement, 'IFRAME'],
    [HTMLImageElement, 'IMG'],
  ]
  const setAttribute = Element.prototype.setAttribute
  const park = (el: Element, url: string): boolean => {
    const hit = blocked(url)
    if (!hit) return false
    setAttribute.call(el, 'data-src', url)
    setAttribute.call(el, 'data-consent', hit.category)
    setAttribute.call(el, 'data-service', hit.service)
    if (el.tagName == 'SCRIPT') {
      const type = el.getAttribute('type')
      if (type && type != 'text/plain') setAttribute.call(el, 'data-type', type)
      setAttribute.call(el, 'type', 'text/plain')
    }
    return true
  }
  const restore: (() => void)[] = []
  for (const [Ctor] of TAGS) {
    const desc = Object.getOwnPropertyDescriptor(Ctor.prototype, 'src')!
    Object.defineProperty(Ctor.prototype, 'src', {
      ...desc,
      set(this: Element, v: unknown) {
        if (!park(this, String(v))) desc.set!.call(this, v)
      },
    })
    restore.push(() => Object.defineProperty(Ctor.prototype, 'src', desc))
  }
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() == 'src' && TAGS.some(([, tag]) => tag == this.tagName) && park(this, String(value))) return
    setAttribute.call(this, name, value)
  }
  restore.push(() => (Element.prototype.setAttribute = setAttribute))
  return () => restore.forEach((f) => f())
}
