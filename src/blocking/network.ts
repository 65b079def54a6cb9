/**
 * Strict mode's network guard (`blocking: 'strict'`). Element blocking stops
 * tags; a tag that is already running (or inline code such as a pixel's
 * `fbq('track')`) sends through `fetch`, `XMLHttpRequest`, `sendBeacon`,
 * `WebSocket` or an image. Those entry points are wrapped: a request to the
 * hosts of a service without consent never leaves the page, and the caller
 * sees the failure it would see offline — a rejected `fetch` (TypeError, Fetch
 * §4.1 "network error"), an XHR `error` event (XHR §3.6.2 "request error
 * steps"), `false` from `sendBeacon` (Beacon §3.2), a WebSocket that fires
 * `error` then `close` with code 1006 (WebSockets §"fail the WebSocket
 * connection"), an image `error` event — never an exception it did not ask for.
 *
 * With a quarantine, refused requests are held instead and sent in order when
 * consent comes, or failed as above when the visitor refuses.
 */
import type { Service } from '../config/types.js'
import { BLOCKING, check, int, QUARANTINE, shape, type Rule } from '../config/rules.js'
import type { Plugin } from '../plugins/index.js'
import { blockedByOf } from './match.js'

/** A request held in quarantine until its service is decided. */
export interface Held {
  service: string
  /** Body size in bytes, as counted against the quarantine's limit. */
  size: number
  send(): void
  fail(): void
}

/** Where refused requests go: returns false when it cannot take one (strict mode without quarantine, or full). */
export type Hold = (request: Held) => boolean

/** The service whose hosts `url` belongs to and that may not load now, if any. */
export type BlockedBy = (url: string) => Service | undefined

const later = (f: () => void) => setTimeout(f)

/** A rough byte count of a request body, for the quarantine's memory bound. */
export const bodySize = (b: unknown): number =>
  b == null ? 0 : typeof b == 'string' ? b.length * 3 : ((b as Blob).size ?? (b as ArrayBuffer).byteLength ?? String(b).length * 3)

/**
 * Wraps the page's network entry points; returns a function that puts them
 * back. `hold` takes what may wait for consent (see {@link quarantine}).
 */
export const guardNetwork = (blockedBy: BlockedBy, hold: Hold): (() => void) => {
  const w = window
  const fetch0 = w.fetch
  const XHR = XMLHttpRequest.prototype
  const open0 = XHR.open
  const send0 = XHR.send
  const nav = navigator
  const beacon0 = nav.sendBeacon
  const WS = w.WebSocket as typeof WebSocket | undefined
  const urls = new WeakMap<XMLHttpRequest, [string, boolean]>()
  const refuse = (url: string, r: Omit<Held, 'service'>): boolean => {
    const s = blockedBy(url)
    if (s && !hold({ ...r, service: s.id })) r.fail()
    return !!s
  }

  w.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : String(input)
    return new Promise<Response>((resolve, reject) => {
      const send = () => fetch0.call(this, input, init).then(resolve, reject)
      if (!refuse(url, { size: bodySize(init?.body), send, fail: () => reject(new TypeError(`Failed to fetch: no consent for ${url}`)) })) send()
    })
  } as typeof fetch

  XHR.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    urls.set(this, [String(args[1]), args[2] !== false])
    return (open0 as (...a: unknown[]) => void).apply(this, args)
  } as typeof XHR.open

  XHR.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const [url, async] = urls.get(this) ?? ['', true]
    const send = () => {
      // Aborted or reopened while held: the caller has moved on.
      try {
        send0.call(this, body)
      } catch {}
    }
    const fail = () => {
      // A network error ends in DONE with status 0, then `error` and `loadend` (XHR §3.6.2).
      Object.defineProperty(this, 'readyState', { value: 4, configurable: true })
      for (const type of ['readystatechange', 'error', 'loadend']) this.dispatchEvent(new ProgressEvent(type))
    }
    // A synchronous request reports a network error by throwing (XHR §3.6.1 step 12): that is its ordinary failure.
    if (!async && blockedBy(url)) throw new DOMException(`no consent for ${url}`, 'NetworkError')
    if (!refuse(url, { size: bodySize(body), send, fail: () => later(fail) })) send()
  }

  nav.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
    let queued = true
    return refuse(String(url), { size: bodySize(data), send: () => beacon0.call(nav, url, data), fail: () => (queued = false) })
      ? queued
      : beacon0.call(this, url, data)
  }

  // A connection cannot wait: it fails at once, quarantine or not.
  if (WS)
    w.WebSocket = new Proxy(WS, {
    construct(target, args: [string | URL, (string | string[])?], newTarget) {
      let url = ''
      try {
        url = new URL(args[0], location.href).href
      } catch {}
      // An invalid URL goes on to the real constructor, which throws its usual SyntaxError.
      return url && blockedBy(url) ? refusedSocket(url) : Reflect.construct(target, args, newTarget)
    },
  })

  return () => {
    w.fetch = fetch0
    XHR.open = open0
    XHR.send = send0
    nav.sendBeacon = beacon0
    if (WS) w.WebSocket = WS
  }
}

/**
 * What `new WebSocket(url)` returns for a refused host: a real EventTarget
 * that passes `instanceof WebSocket`, starts CONNECTING and then fails like an
 * unreachable server (readyState CLOSED, `error`, then `close` with 1006).
 */
const refusedSocket = (url: string): WebSocket => {
  const ws = new EventTarget() as WebSocket
  let state = 0
  Object.setPrototypeOf(ws, WebSocket.prototype)
  Object.defineProperties(ws, {
    url: { value: url },
    readyState: { get: () => state },
    protocol: { value: '' },
    extensions: { value: '' },
    bufferedAmount: { value: 0 },
    binaryType: { value: 'blob', writable: true },
    send: {
      value() {
        if (!state) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError')
      },
    },
    close: { value() {} },
  })
  // Event handler attributes (HTML §8.1.8.1): a listener added when first set, in that place in the order.
  for (const type of ['open', 'message', 'error', 'close']) {
    let handler: ((e: Event) => void) | null = null
    const call = (e: Event) => handler?.call(ws, e)
    Object.defineProperty(ws, 'on' + type, {
      get: () => handler,
      set(f: unknown) {
        if (!handler) ws.addEventListener(type, call)
        handler = typeof f == 'function' ? (f as (e: Event) => void) : null
      },
    })
  }
  later(() => {
    state = 3
    ws.dispatchEvent(new Event('error'))
    ws.dispatchEvent(new CloseEvent('close', { code: 1006, wasClean: false }))
  })
  return ws
}

/** Quarantine limits: how many requests and how many body bytes may wait. */
export interface QuarantineLimits {
  requests: number
  bytes: number
}

/**
 * A bounded, ordered holding area for refused requests. `release` sends,
 * in the order they were made, those whose service `allowed` now grants,
 * and fails those `refused` denies; the rest keep waiting. When full, a new
 * request is not held (it fails at once), so memory stays bounded.
 */
export const quarantine = (limits: QuarantineLimits) => {
  let held: Held[] = []
  let bytes = 0
  return {
    hold: (r: Held): boolean => {
      if (held.length >= limits.requests || bytes + r.size > limits.bytes) return false
      held.push(r)
      bytes += r.size
      return true
    },
    release(allowed: (id: string) => boolean, refused: (id: string) => boolean): void {
      const now = held
      held = []
      bytes = 0
      for (const r of now) {
        if (allowed(r.service)) r.send()
        else if (refused(r.service)) r.fail()
        else (held.push(r), (bytes += r.size))
      }
    },
    /** How many requests wait now. */
    size: () => held.length,
  }
}

const LIMITS = shape({ requests: int(1, 1000, 50), bytes: int(0, 2 ** 24, 262144) })

/** The quarantine's limits from `config.quarantine` (`true`: 50 requests, 256 KB), or undefined without one. */
const limitsOf = (q: unknown): QuarantineLimits | undefined => (q ? check(LIMITS, q === true ? {} : q, 'config.quarantine') : undefined)

/** `config.quarantine` in init's pass: `true`, `false` or limits, each checked; kept as given. */
const quarantineRule: Rule = (v, path, problems) => (v && typeof v == 'object' && !Array.isArray(v) ? (LIMITS(v, path, problems), v) : QUARANTINE(v, path, problems))

/**
 * Strict mode as a plugin: with `blocking: 'strict'` the network guard, a
 * quarantine when configured, and images parked by the element guard failing
 * (or waiting) like any other refused request. It owns `blocking: 'strict'`
 * and `quarantine` in init's pass.
 */
export const strictBlocking: Plugin = {
  name: 'strict',
  config: { blocking: BLOCKING, quarantine: quarantineRule },
  start({ config, $snapshot }) {
    const blockedBy = config.blocking == 'strict' && blockedByOf(config)
    if (!blockedBy) return
    const limits = limitsOf(config.quarantine)
    const q = limits && quarantine(limits)
    hold = q ? q.hold : () => false
    const stops = [
      guardNetwork(blockedBy, hold),
      // Consent changed: send or fail what waits.
      $snapshot.listen((s) => q?.release((id) => s.services[id] === true, (id) => s.decided && !s.services[id])),
    ]
    return () => ((hold = undefined), stops.forEach((f) => f()))
  },
  // A tracking pixel (`new Image().src = …`) fails as an unreachable image would.
  parked(el, url, service) {
    if (!hold || el.tagName != 'IMG') return
    const send = () => el.hasAttribute('data-consentry-done') || (el.setAttribute('data-consentry-done', ''), el.setAttribute('src', url))
    const fail = () => later(() => el.dispatchEvent(new Event('error')))
    if (!hold({ service: service.id, size: 0, send, fail })) fail()
  },
}

/** Strict mode's hold while it runs. */
let hold: Hold | undefined
