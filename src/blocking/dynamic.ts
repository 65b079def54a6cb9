/**
 * Blocking what other code inserts later: a tag manager's loader, a CMS
 * widget, `document.createElement('script')`, `new Image()`, `innerHTML`. A
 * script fetches when it is inserted and an image as soon as its `src` is set,
 * so waiting for a MutationObserver is too late: the `src` setters and
 * `setAttribute` of script, iframe and img elements are wrapped instead, and a
 * URL that belongs to a service without consent is parked in `data-src`, with
 * the script's type set to `text/plain`, exactly as if the page had marked it
 * up that way. When consent comes, markup activation runs it (and fires `load`
 * on the element the loader holds).
 *
 * HTML strings (`innerHTML`, `insertAdjacentHTML`) create their elements
 * inside the parser, past those setters, and an image starts fetching from
 * there. Strings that contain an iframe or img are parsed into an inert
 * `<template>` first (HTML §4.12.3: its contents fetch nothing), blocked URLs
 * are parked there, and the result is inserted. Scripts in such strings never
 * run anyway (HTML §8.4, fragment parsing marks them "already started").
 */
import type { Service } from '../config/types.js'

/** The service that may not load `url` now, if any. */
type Blocked = (url: string) => Service | undefined
/** Told about each element parked, e.g. to fail a tracking pixel in strict mode. */
type Parked = (el: Element, url: string, service: Service) => void

const WHERE: Record<string, 'before' | 'prepend' | 'append' | 'after'> = {
  beforebegin: 'before',
  afterbegin: 'prepend',
  beforeend: 'append',
  afterend: 'after',
}
const TAGS = /^(SCRIPT|IFRAME|IMG)$/

export const guardElements = (blocked: Blocked, parked?: Parked): (() => void) => {
  const E = Element.prototype
  const setAttribute = E.setAttribute
  const park = (el: Element, url: string): boolean => {
    const hit = blocked(url)
    if (!hit) return false
    const set = (name: string, value: string) => setAttribute.call(el, name, value)
    set('data-src', url)
    set('data-consent', hit.category)
    set('data-service', hit.id)
    if (el.tagName == 'SCRIPT') {
      const type = el.getAttribute('type')
      if (type && type != 'text/plain') set('data-type', type)
      set('type', 'text/plain')
    }
    parked?.(el, url, hit)
    return true
  }
  const restore: (() => void)[] = []
  const wrap = (proto: object, key: string, make: (d: PropertyDescriptor) => PropertyDescriptor) => {
    const d = Object.getOwnPropertyDescriptor(proto, key)!
    Object.defineProperty(proto, key, { ...d, ...make(d) })
    restore.push(() => Object.defineProperty(proto, key, d))
  }
  // Looked up here, not at import: the module must load on a server, where there is no DOM.
  for (const Ctor of [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement])
    wrap(Ctor.prototype, 'src', (d) => ({
      set(this: Element, v: unknown) {
        if (!park(this, String(v))) d.set!.call(this, v)
      },
    }))
  wrap(E, 'setAttribute', () => ({
    value(this: Element, name: string, value: string) {
      if (!(name.toLowerCase() == 'src' && TAGS.test(this.tagName) && park(this, String(value)))) setAttribute.call(this, name, value)
    },
  }))

  const innerHTML = Object.getOwnPropertyDescriptor(E, 'innerHTML')!.set!
  /**
   * `html` parsed inertly with blocked iframes and images parked; null when it holds none, or `to` parses
   * differently (template, SVG). The value goes to the template as given, so a TrustedHTML stays trusted
   * under `require-trusted-types-for 'script'`.
   */
  const inert = (to: Element, html: unknown): DocumentFragment | null => {
    if (!(to instanceof HTMLElement) || to instanceof HTMLTemplateElement || !/<(iframe|img)\b/i.test(html as string)) return null
    const t = document.createElement('template')
    innerHTML.call(t, html)
    for (const el of t.content.querySelectorAll('iframe[src],img[src]')) if (park(el, el.getAttribute('src')!)) el.removeAttribute('src')
    return t.content
  }
  wrap(E, 'innerHTML', (d) => ({
    set(this: Element, html: unknown) {
      const f = inert(this, html)
      f ? this.replaceChildren(f) : d.set!.call(this, html)
    },
  }))
  wrap(E, 'insertAdjacentHTML', (d) => ({
    value(this: Element, where: string, html: string) {
      const how = WHERE[String(where).toLowerCase()]
      const f = how && inert(this, html)
      f ? this[how](f) : d.value.call(this, where, html)
    },
  }))
  return () => restore.forEach((f) => f())
}
