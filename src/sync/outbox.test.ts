import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { teardown } from '../api/init.js'
import { acceptAll, init, rejectAll, set, type ConsentryConfig } from '../headless.js'
import { connectDestinations } from '../destinations/index.js'
import { readSyncRecord } from '../server/index.js'
import { ConsentryError } from '../errors/index.js'
import { freshPage } from '../testing/index.js'
import { recordId, serverSync } from './outbox.js'

const CONFIG: ConsentryConfig = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] }
const URL_ = '/api/consent'

/** The site's endpoint: answers with the statuses given, in turn (then 200), and keeps what it accepted. */
const endpoint = (statuses: (number | 'down')[] = []) => {
  const received: any[] = []
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const s = statuses.shift() ?? 200
    if (s == 'down') throw new TypeError('Failed to fetch')
    if (s < 300) received.push(JSON.parse(init.body as string))
    return new Response(null, { status: s })
  })
  window.fetch = fetch as unknown as typeof window.fetch
  return { received, fetch }
}
const outbox = () => JSON.parse(localStorage.getItem('consentry-outbox') || '[]') as any[]
const settle = () => vi.advanceTimersByTimeAsync(0)
let stop = () => {}
const start = async () => {
  stop = connectDestinations([serverSync({ url: URL_ })])
  await init(CONFIG)
}

beforeEach(() => {
  freshPage()
  vi.useFakeTimers()
  history.replaceState(null, '', '/pricing?email=a@b.example#top')
})
afterEach(() => {
  stop()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('server sync', () => {
  it('posts a record for each decision, with everything the proof needs and nothing from the URL query', async () => {
    const { received } = endpoint()
    await start()
    acceptAll('banner')
    await settle()
    expect(received).toHaveLength(1)
    const r = received[0]
    expect(readSyncRecord(r)).toEqual({ ok: true, record: r })
    expect(r).toMatchObject({ v: 1, method: 'banner', categories: { necessary: true, analytics: true }, revision: 0, gpc: false, url: location.origin + '/pricing' })
    expect(r.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-8[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    set({ analytics: false })
    await settle()
    expect(received.map((x) => x.categories.analytics)).toEqual([true, false])
    expect(outbox()).toEqual([])
  })

  it('a record queued while another is on its way leaves in the same flush', async () => {
    const { received } = endpoint()
    await start()
    acceptAll()
    set({ analytics: false })
    await settle()
    expect(received.map((r) => r.categories.analytics)).toEqual([true, false])
    expect(outbox()).toEqual([])
  })

  it('keeps records through 5xx answers and outages, retrying with backoff, in order', async () => {
    const { received, fetch } = endpoint([500, 'down', 503])
    await start()
    acceptAll()
    await settle()
    expect(outbox()).toHaveLength(1)
    vi.setSystemTime(Date.now() + 5)
    rejectAll()
    await settle()
    expect(outbox()).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(60000)
    expect(received.map((r) => r.categories.analytics)).toEqual([true, false])
    expect(outbox()).toEqual([])
    expect(fetch.mock.calls.length).toBeGreaterThanOrEqual(5)
  })

  it('a record the server refuses (4xx) is dropped with a warning, and the queue moves on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { received } = endpoint([400])
    await start()
    acceptAll()
    await settle()
    vi.setSystemTime(Date.now() + 5)
    rejectAll()
    await settle()
    expect(received).toHaveLength(1)
    expect(outbox()).toEqual([])
    expect(warn.mock.calls[0]![0]).toContain('refused record')
  })

  it('survives a reload: what the last page could not send goes out on the next', async () => {
    endpoint(['down', 'down', 'down'])
    await start()
    acceptAll()
    await settle()
    expect(outbox()).toHaveLength(1)
    // The page goes away; the next one loads with the same storage.
    stop()
    teardown()
    const { received } = endpoint()
    await start()
    await settle()
    expect(received).toHaveLength(1)
    expect(outbox()).toEqual([])
  })

  it('a decision that never reached an outbox is recorded by the next page that has one, and only once', async () => {
    const { received } = endpoint()
    // A page without a sync (or left before its outbox file arrived): the decision is only in the consent cookie.
    await init(CONFIG)
    acceptAll('banner')
    teardown()
    await start()
    await settle()
    expect(received.map((r) => [r.method, r.categories.analytics])).toEqual([['banner', true]])
    // The next page finds it queued before, and sends nothing; a new decision still goes out.
    stop()
    teardown()
    await start()
    await settle()
    expect(received).toHaveLength(1)
    rejectAll()
    await settle()
    expect(received.map((r) => r.categories.analytics)).toEqual([true, false])
  })

  it('is bounded: past maxRecords the oldest is dropped, and it says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    endpoint(Array(100).fill('down'))
    stop = connectDestinations([serverSync({ url: URL_, maxRecords: 2 })])
    await init(CONFIG)
    for (let i = 0; i < 3; i++) {
      vi.setSystemTime(Date.now() + 1000)
      set({ analytics: i % 2 == 0 })
      await settle()
    }
    expect(outbox()).toHaveLength(2)
    expect(warn.mock.calls.some((c) => String(c[0]).includes('outbox full (2): dropped 1 oldest'))).toBe(true)
  })

  it('ignores a tampered or garbled outbox without throwing', async () => {
    localStorage.setItem('consentry-outbox', '{not json')
    const { received } = endpoint()
    await start()
    await settle()
    localStorage.setItem('consentry-outbox', JSON.stringify([{ v: 1, id: 'x' }, 42, null]))
    acceptAll()
    await settle()
    expect(received).toHaveLength(1)
  })

  it('when the page is hidden, what is pending leaves with sendBeacon, and stays until a fetch confirms it', async () => {
    endpoint(['down'])
    const beacon = vi.fn(() => true)
    navigator.sendBeacon = beacon
    await start()
    acceptAll()
    await settle()
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    delete (document as { visibilityState?: string }).visibilityState
    expect(beacon).toHaveBeenCalledWith(URL_, expect.stringContaining('"v":1'))
    expect(outbox()).toHaveLength(1)
  })

  it('the same decision gets the same id in every tab, so the server keeps one', () => {
    const a = recordId('0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', '2026-11-25T10:00:00.000Z', 'x')
    expect(a).toBe(recordId('0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', '2026-11-25T10:00:00.000Z', 'x'))
    expect(a).not.toBe(recordId('0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', '2026-11-25T10:00:00.001Z', 'x'))
    expect(a).not.toBe(recordId('0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', '2026-11-25T10:00:00.000Z', 'y'))
    expect(a).toMatch(/^[\da-f]{8}-[\da-f]{4}-8[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
  })

  it('refuses a missing or unsafe url with an invalid-config error naming the field, and sends nothing', async () => {
    const { fetch } = endpoint()
    const beacon = vi.fn(() => true)
    navigator.sendBeacon = beacon
    // The URL parser drops tabs and newlines anywhere, and controls and spaces at either end: each of these would be javascript:.
    const unsafe = [undefined, '', '   ', 42, 'javascript:alert(1)', 'java\nscript:alert(1)', 'java\tscript:alert(1)', '\tjavascript:alert(1)', ' javascript:alert(1)', '\u0001javascript:alert(1)', 'data:text/plain,x', 'ftp://records.example/', '/api/consent\u0000', 'https://records.example/\u007f', 'http://[::1']
    for (const url of unsafe) {
      let error: unknown
      try {
        stop = connectDestinations([serverSync({ url } as { url: string })])
      } catch (e) {
        error = e
      }
      expect(error, JSON.stringify(url)).toBeInstanceOf(ConsentryError)
      expect(error).toMatchObject({ code: 'invalid-config', message: expect.stringContaining(`serverSync.url: expected an http(s) or relative URL, got ${JSON.stringify(url)}`) })
    }
    await init(CONFIG)
    acceptAll()
    await vi.advanceTimersByTimeAsync(60000)
    expect(fetch).not.toHaveBeenCalled()
    expect(beacon).not.toHaveBeenCalled()
  })

  it('takes http(s) URLs and relative ones, resolved against the page', async () => {
    for (const url of ['/api/consent', 'api/consent', '//records.example/v1/consent', 'https://records.example/v1/consent', 'HTTP://localhost:8787/v1/consent'])
      expect(() => serverSync({ url }), url).not.toThrow()
    const { fetch } = endpoint()
    stop = connectDestinations([serverSync({ url: 'https://records.example/v1/consent' })])
    await init(CONFIG)
    acceptAll()
    await settle()
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['https://records.example/v1/consent'])
  })
})
