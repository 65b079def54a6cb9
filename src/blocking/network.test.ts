import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, init, rejectAll, set, startBlocking, type ConsentryConfig } from '../headless.js'
import { freshPage } from '../testing/index.js'
import { resetMarkup } from './index.js'
import { quarantine } from './network.js'
import { enableStrictBlocking } from '../strict.js'
import { ConsentryError } from '../errors/index.js'
import { resetPlugins } from '../plugins/index.js'

const TRACKER = 'https://t.tracker.example/collect'
const config = (extra: object = {}): ConsentryConfig => ({
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'tracker', hosts: ['tracker.example'] }] },
    { id: 'marketing', services: [{ id: 'ads', hosts: ['ads.example'] }] },
  ],
  blocking: 'strict' as const,
  ...extra,
})

// What the page had before Consentry wrapped it: the requests that "left".
const sent: string[] = []
const realFetch = vi.fn(async (input: RequestInfo | URL) => {
  sent.push(input instanceof Request ? input.url : String(input))
  return new Response('ok')
})
const realBeacon = vi.fn((url: string | URL) => (sent.push(String(url)), true))
const realSend = vi.fn(function (this: XMLHttpRequest) {
  sent.push('xhr')
})
const realSocket = vi.fn()

let stop = () => {}
const start = async (extra?: object) => {
  stop()
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
  stop = startBlocking()
}
const tick = () => new Promise((r) => setTimeout(r, 0))
const xhr = (url: string) => {
  const x = new XMLHttpRequest()
  x.open('POST', url)
  return x
}

beforeEach(() => start())
afterEach(() => stop())

describe('strict mode refuses requests to hosts without consent', () => {
  it('fetch rejects with the TypeError of a network failure and nothing is sent; other hosts pass', async () => {
    const refused = fetch(TRACKER, { method: 'POST', body: 'x' })
    await expect(refused).rejects.toBeInstanceOf(TypeError)
    await expect(fetch(new Request('https://t.tracker.example/r'))).rejects.toBeInstanceOf(TypeError)
    expect(await (await fetch('/api/cart')).text()).toBe('ok')
    expect(sent).toEqual(['/api/cart'])
  })

  it('sendBeacon returns false and sends nothing', () => {
    expect(navigator.sendBeacon(TRACKER, 'x')).toBe(false)
    expect(navigator.sendBeacon('https://first.example/log', 'x')).toBe(true)
    expect(sent).toEqual(['https://first.example/log'])
  })

  it('XMLHttpRequest fires readystatechange (DONE, status 0), error and loadend, asynchronously, without sending', async () => {
    const x = xhr(TRACKER)
    const seen: string[] = []
    for (const t of ['readystatechange', 'error', 'loadend', 'load']) x.addEventListener(t, () => seen.push(`${t}:${x.readyState}`))
    x.send('payload')
    expect(seen).toEqual([])
    await tick()
    expect(seen).toEqual(['readystatechange:4', 'error:4', 'loadend:4'])
    expect(x.status).toBe(0)
    expect(sent).toEqual([])
  })

  it('a synchronous XMLHttpRequest fails as a synchronous network error does: a NetworkError it can catch', () => {
    const x = new XMLHttpRequest()
    x.open('GET', TRACKER, false)
    expect(() => x.send()).toThrow(expect.objectContaining({ name: 'NetworkError' }))
    expect(sent).toEqual([])
  })

  it('WebSocket gives an instanceof-WebSocket object that errors then closes with 1006, and never connects', async () => {
    const ws = new WebSocket('wss://live.tracker.example/socket')
    expect(ws).toBeInstanceOf(WebSocket)
    expect(ws.readyState).toBe(0)
    expect(() => ws.send('x')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }))
    const seen: string[] = []
    // (happy-dom also calls on* properties from dispatchEvent: Chromium covers `onerror`.)
    ws.addEventListener('error', () => seen.push('error'))
    ws.addEventListener('close', (e) => seen.push(`close:${(e as CloseEvent).code}:${(e as CloseEvent).wasClean}`))
    await tick()
    expect(seen).toEqual(['error', 'close:1006:false'])
    expect(ws.readyState).toBe(3)
    expect(realSocket).not.toHaveBeenCalled()
    new WebSocket('wss://chat.first.example/')
    expect(realSocket).toHaveBeenCalledWith('wss://chat.first.example/')
  })

  it('an image to a refused host fires error and does not fetch', async () => {
    const img = new Image()
    const error = new Promise((r) => img.addEventListener('error', r))
    img.src = TRACKER + '.gif'
    expect(img.getAttribute('src')).toBeNull()
    await error
  })

  it('once the service is granted, requests go through', async () => {
    set({ tracker: true })
    await fetch(TRACKER)
    expect(navigator.sendBeacon(TRACKER, 'x')).toBe(true)
    expect(sent).toEqual([TRACKER, TRACKER])
    // Still refused: the other category.
    await expect(fetch('https://ads.example/px')).rejects.toBeInstanceOf(TypeError)
  })

  it('without blocking: strict, the network is left alone', async () => {
    await start({ blocking: 'elements' })
    await fetch(TRACKER)
    expect(navigator.sendBeacon(TRACKER, 'x')).toBe(true)
    expect(sent).toEqual([TRACKER, TRACKER])
  })

  it('stopping puts the original functions back', () => {
    stop()
    resetPlugins()
    expect(window.fetch).toBe(realFetch)
    expect(navigator.sendBeacon).toBe(realBeacon)
    expect(XMLHttpRequest.prototype.send).toBe(realSend)
  })
})

describe('quarantine', () => {
  beforeEach(() => start({ quarantine: true }))

  it('holds refused requests and sends them in the order they were made once consent comes', async () => {
    const first = fetch(TRACKER + '?n=1')
    expect(navigator.sendBeacon(TRACKER + '?n=2', 'x')).toBe(true)
    const x = xhr(TRACKER + '?n=3')
    x.send()
    const late = fetch(TRACKER + '?n=4')
    await tick()
    expect(sent).toEqual([])
    acceptAll()
    expect(await (await first).text()).toBe('ok')
    await late
    expect(sent).toEqual([TRACKER + '?n=1', TRACKER + '?n=2', 'xhr', TRACKER + '?n=4'])
  })

  it('fails what it holds, as the network would, when the visitor refuses', async () => {
    const held = fetch(TRACKER)
    const x = xhr(TRACKER)
    const error = new Promise((r) => x.addEventListener('error', r))
    x.send()
    rejectAll()
    await expect(held).rejects.toBeInstanceOf(TypeError)
    await error
    expect(sent).toEqual([])
  })

  it('sends what a decision grants and fails what it leaves refused', async () => {
    const ads = fetch('https://ads.example/px')
    const tracker = fetch(TRACKER)
    set({ tracker: true })
    await tracker
    await expect(ads).rejects.toBeInstanceOf(TypeError)
    expect(sent).toEqual([TRACKER])
  })

  it('is bounded: past its limits a request fails at once instead of waiting', async () => {
    await start({ quarantine: { requests: 2, bytes: 100 } })
    void fetch(TRACKER)
    void fetch(TRACKER)
    await expect(fetch(TRACKER)).rejects.toBeInstanceOf(TypeError)
    await start({ quarantine: { requests: 10, bytes: 100 } })
    await expect(fetch(TRACKER, { method: 'POST', body: 'x'.repeat(200) })).rejects.toBeInstanceOf(TypeError)
  })

  it('holds a tracking pixel and loads it when consent comes', async () => {
    const img = new Image()
    img.src = TRACKER + '.gif'
    expect(img.getAttribute('src')).toBeNull()
    acceptAll()
    expect(img.getAttribute('src')).toBe(TRACKER + '.gif')
  })
})

describe('strict mode is an add-on', () => {
  it('without consentry/strict, blocking: strict is a typed error naming the field, and nothing is wrapped', async () => {
    stop()
    stop = () => {}
    freshPage()
    resetPlugins()
    await expect(init(config())).rejects.toThrow(ConsentryError)
    await expect(init(config())).rejects.toThrow(/config\.blocking: expected 'elements', or 'strict' with consentry\/strict or consentry\.strict\.min\.js, got "strict"/)
    expect(window.fetch).toBe(realFetch)
  })
})

describe('quarantine config', () => {
  it('bad limits are a typed error naming the field', async () => {
    stop()
    stop = () => {}
    freshPage()
    enableStrictBlocking()
    await expect(init(config({ quarantine: { requests: 0 } }))).rejects.toThrow(/config\.quarantine\.requests: expected an integer from 1 to 1000, got 0/)
    freshPage()
    await expect(init(config({ quarantine: 'yes' }))).rejects.toThrow(/config\.quarantine: expected true, false or/)
  })
})

describe('quarantine limits', () => {
  const held = (service: string, size = 0, log: string[] = []) => ({ service, size, send: () => log.push('send ' + service), fail: () => log.push('fail ' + service) })

  it('counts requests and bytes, and frees room as it releases', () => {
    const q = quarantine({ requests: 2, bytes: 10 })
    expect(q.hold(held('a', 6))).toBe(true)
    expect(q.hold(held('b', 6))).toBe(false)
    expect(q.hold(held('b', 4))).toBe(true)
    expect(q.hold(held('c'))).toBe(false)
    q.release((id) => id == 'a', () => false)
    expect(q.size()).toBe(1)
    expect(q.hold(held('c', 6))).toBe(true)
  })
})

describe('HTML strings', () => {
  beforeEach(() => start({ blocking: 'elements' }))

  it('innerHTML parks iframes and images of services without consent, before anything fetches', () => {
    const div = document.createElement('div')
    div.innerHTML = `<p>hi</p><img alt="" src="${TRACKER}.gif"><iframe title="w" src="https://ads.example/w"></iframe><img alt="" src="/logo.png">`
    const [img, logo] = div.querySelectorAll('img')
    expect(img!.getAttribute('src')).toBeNull()
    expect(img!.getAttribute('data-src')).toBe(TRACKER + '.gif')
    expect(img!.getAttribute('data-service')).toBe('tracker')
    expect(div.querySelector('iframe')!.getAttribute('data-consent')).toBe('marketing')
    expect(logo!.getAttribute('src')).toBe('/logo.png')
    expect(div.querySelector('p')!.textContent).toBe('hi')
  })

  it('insertAdjacentHTML does the same at each position', () => {
    const div = document.createElement('div')
    document.body.append(div)
    div.insertAdjacentHTML('beforeend', `<img alt="" src="${TRACKER}.gif">`)
    div.insertAdjacentHTML('afterend', `<img alt="" src="${TRACKER}.gif">`)
    expect(div.querySelector('img')!.getAttribute('data-src')).toBe(TRACKER + '.gif')
    expect((div.nextElementSibling as HTMLImageElement).getAttribute('src')).toBeNull()
  })

  it('the parked elements load when consent comes', async () => {
    const div = document.createElement('div')
    document.body.append(div)
    div.innerHTML = `<img alt="" src="${TRACKER}.gif">`
    acceptAll()
    await tick()
    expect(div.querySelector('img')!.getAttribute('src')).toBe(TRACKER + '.gif')
  })

  it('strings without iframes or images are left to the browser', () => {
    const div = document.createElement('div')
    div.innerHTML = '<b>bold</b> text'
    expect(div.innerHTML).toBe('<b>bold</b> text')
  })
})
