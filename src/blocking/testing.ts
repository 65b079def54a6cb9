/** A page for the network-blocking tests: the page's own fetch, sendBeacon, XHR and WebSocket, recorded, under Consentry's. */
import { afterEach, beforeEach, vi } from 'vitest'
import { init, startBlocking, type ConsentryConfig } from '../headless.js'
import { freshPage } from '../testing/index.js'
import { resetMarkup } from './index.js'
import { enableStrictBlocking } from '../strict.js'

export const TRACKER = 'https://t.tracker.example/collect'
export const config = (extra: object = {}): ConsentryConfig => ({
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'tracker', hosts: ['tracker.example'] }] },
    { id: 'marketing', services: [{ id: 'ads', hosts: ['ads.example'] }] },
  ],
  blocking: 'strict' as const,
  ...extra,
})

// What the page had before Consentry wrapped it: the requests that "left".
export const sent: string[] = []
export const realFetch = vi.fn(async (input: RequestInfo | URL) => {
  sent.push(input instanceof Request ? input.url : String(input))
  return new Response('ok')
})
export const realBeacon = vi.fn((url: string | URL) => (sent.push(String(url)), true))
export const realSend = vi.fn(function (this: XMLHttpRequest) {
  sent.push('xhr')
})
export const realSocket = vi.fn()

/** Stops the blocking the last start began. */
export const running = { stop: () => {} }
export const start = async (extra?: object) => {
  running.stop()
  freshPage()
  resetMarkup()
  document.body.replaceChildren()
  sent.length = 0
  window.fetch = realFetch as typeof fetch
  navigator.sendBeacon = realBeacon
  XMLHttpRequest.prototype.send = realSend
  window.WebSocket = class extends EventTarget {
    constructor(url: string) {
      super()
      realSocket(url)
    }
  } as unknown as typeof WebSocket
  enableStrictBlocking()
  await init(config(extra))
  running.stop = startBlocking()
}
export const tick = () => new Promise((r) => setTimeout(r, 0))
export const xhr = (url: string) => {
  const x = new XMLHttpRequest()
  x.open('POST', url)
  return x
}

/** Before each test, a page with strict blocking on `config()`; after it, blocking stopped. */
export const useNetworkPage = () => {
  beforeEach(() => start())
  afterEach(() => running.stop())
}
