/** Strict blocking: requests to hosts without consent refused as the network would refuse them; an add-on. */
import { describe, expect, it } from 'vitest'
import { init, set } from '../headless.js'
import { freshPage } from '../testing/index.js'
import { ConsentryError } from '../errors/index.js'
import { resetPlugins } from '../plugins/index.js'
import { config, realBeacon, realFetch, realSend, realSocket, running, sent, start, tick, TRACKER, useNetworkPage, xhr } from './testing.js'

useNetworkPage()

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
    running.stop()
    resetPlugins()
    expect(window.fetch).toBe(realFetch)
    expect(navigator.sendBeacon).toBe(realBeacon)
    expect(XMLHttpRequest.prototype.send).toBe(realSend)
  })
})

describe('strict mode is an add-on', () => {
  it('without consentry/strict, blocking: strict is a typed error naming the field, and nothing is wrapped', async () => {
    running.stop()
    running.stop = () => {}
    freshPage()
    resetPlugins()
    await expect(init(config())).rejects.toThrow(ConsentryError)
    await expect(init(config())).rejects.toThrow(/config\.blocking: expected 'elements', or 'strict' with consentry\/strict or consentry\.strict\.min\.js, got "strict"/)
    expect(window.fetch).toBe(realFetch)
  })
})
