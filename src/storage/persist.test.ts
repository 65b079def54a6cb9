import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../config/index.js'
import { useEnv } from '../env/index.js'
import { acceptAll, get, init, reset, set } from '../headless.js'
import { teardown } from '../api/index.js'
import { encodeRecord, type ConsentRecord } from '../record/index.js'
import { CONFIG, clearCookies, cookie, freshPage, painted, stubCookies } from '../testing/index.js'
import { loadRecord, saveRecord } from './index.js'

const NOW = Date.now()
const record = (updatedAt: number, analytics: boolean): ConsentRecord => ({
  id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
  createdAt: NOW - 10_000,
  updatedAt,
  revision: 1,
  categories: { necessary: true, analytics, marketing: false },
  services: {},
  method: 'preferences',
  mode: 'opt-in',
  jurisdiction: '',
  gpc: false,
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
})
const config = () => resolveConfig(CONFIG)
const setCookie = (value: string) => (document.cookie = `consentry=${value}; path=/`)

let warn: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  vi.restoreAllMocks()
  freshPage()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('keeping the decision in two copies', () => {
  it('repairs a missing localStorage copy from the cookie', () => {
    const value = encodeRecord(record(NOW, true))
    setCookie(value)
    expect(loadRecord(config())?.categories.analytics).toBe(true)
    expect(localStorage.getItem('consentry')).toBe(value)
  })

  it('repairs a missing cookie from localStorage (Safari drops script cookies after 7 days)', () => {
    const value = encodeRecord(record(NOW, true))
    localStorage.setItem('consentry', value)
    expect(loadRecord(config())?.categories.analytics).toBe(true)
    expect(cookie()).toBe(value)
  })

  it('repairs a damaged copy from the good one', () => {
    const value = encodeRecord(record(NOW, true))
    setCookie(value.slice(0, 20))
    localStorage.setItem('consentry', value)
    expect(loadRecord(config())).not.toBeNull()
    expect(cookie()).toBe(value)
  })

  it('when both are valid and differ, the later decision wins and overwrites the other', () => {
    const older = encodeRecord(record(NOW - 5000, true))
    const newer = encodeRecord(record(NOW - 1000, false))
    setCookie(newer)
    localStorage.setItem('consentry', older)
    expect(loadRecord(config())?.categories.analytics).toBe(false)
    expect(localStorage.getItem('consentry')).toBe(newer)

    freshPage()
    setCookie(older)
    localStorage.setItem('consentry', newer)
    expect(loadRecord(config())?.categories.analytics).toBe(false)
    expect(cookie()).toBe(newer)
  })

  it('when both are invalid there is no decision, and neither is touched', () => {
    setCookie('from-another-sdk')
    localStorage.setItem('consentry', '{"analytics":true}')
    expect(loadRecord(config())).toBeNull()
    expect(cookie()).toBe('from-another-sdk')
  })

  it('writes the cookie with Path=/, SameSite=Lax, an expiry and no Secure on http', () => {
    const writes = stubCookies('keep')
    loadRecord(config())
    localStorage.setItem('consentry', encodeRecord(record(NOW, true)))
    loadRecord(config())
    expect(writes).toHaveLength(1)
    expect(writes[0]).toMatch(/^consentry=2\.[^;]+; path=\/; max-age=\d+; sameSite=Lax$/)
    expect(writes[0]).not.toMatch(/secure/i)
  })

  it('re-writes an intact cookie on every load (restarting Safari\'s 7-day cap), unless the server re-issues it', () => {
    const value = encodeRecord(record(NOW, true))
    setCookie(value)
    localStorage.setItem('consentry', value)
    const writes = stubCookies('keep')
    loadRecord(config())
    expect(writes).toHaveLength(1)
    // serverSet: the HTTP cookie keeps the expiry the server gave it.
    const serverSet = resolveConfig({ ...CONFIG, cookie: { serverSet: true } })
    expect(loadRecord(serverSet)?.categories.analytics).toBe(true)
    expect(writes).toHaveLength(1)
    // ... but a damaged or outdated one is still repaired from localStorage.
    setCookie('2.damaged')
    expect(loadRecord(serverSet)?.categories.analytics).toBe(true)
    expect(writes).toHaveLength(3)
    expect(cookie()).toBe(value)
    localStorage.setItem('consentry', encodeRecord(record(NOW + 1000, false)))
    expect(loadRecord(serverSet)?.categories.analytics).toBe(false)
    expect(writes).toHaveLength(4)
  })

  it('sets Domain and Secure when configured', () => {
    const writes = stubCookies('drop')
    localStorage.setItem('consentry', encodeRecord(record(NOW, true)))
    loadRecord(resolveConfig({ ...CONFIG, cookie: { domain: '.example.com', secure: true, sameSite: 'Strict', name: 'consentry' } }))
    expect(writes[0]).toMatch(/; domain=\.example\.com; sameSite=Strict; secure$/)
  })
})

describe('a US opt-out never lapses (privacy-signals §9 item 32)', () => {
  const MONTH = 2629800000
  const DAY = 864e5
  const NO_OPT_OUT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
  /** A California visitor's decision made at `t`, opted out of sale, sharing and targeted advertising unless `optOut` says otherwise. */
  const californian = (t: number, optOut: Partial<ConsentRecord['optOut']> = { sale: true, sharing: true, targetedAds: true }): ConsentRecord => ({
    ...record(t, true),
    createdAt: t,
    method: 'banner',
    mode: 'opt-out',
    jurisdiction: 'US-CA',
    categories: { necessary: true, analytics: true, marketing: false },
    optOut: { ...NO_OPT_OUT, ...optOut },
  })
  const US = () => resolveConfig({ ...CONFIG, region: 'US-CA', mode: 'auto' })
  /** The expiry of the cookie write, ms: Max-Age counts from the write, at env.now. */
  const expiry = (write: string, writtenAt = NOW) => writtenAt + 1000 * Number(/; max-age=(\d+)/.exec(write)![1]!)
  /** 14 months after `DECIDED`: the decision's 12-month lifetime is over. */
  const DECIDED = NOW - 14 * MONTH

  it.each([
    ['sale, sharing and targeted advertising', { sale: true, sharing: true, targetedAds: true }],
    ['sale only', { sale: true }],
    ['sharing only', { sharing: true }],
    ['targeted advertising only', { targetedAds: true }],
    ['the sensitive-data limit only', { sensitive: true }],
  ])('%s, decided 14 months ago: each visit re-sets the cookie for the cookie lifetime from now, without a warning', (_name, optOut) => {
    const value = encodeRecord(californian(DECIDED, optOut))
    localStorage.setItem('consentry', value)
    const writes = stubCookies('keep')
    useEnv({ now: () => NOW })
    expect(loadRecord(US())?.optOut).toMatchObject(optOut)
    expect(writes).toHaveLength(1)
    expect(expiry(writes[0]!)).toBe(NOW + 366 * DAY)
    expect(cookie()).toBe(value)
    // A month later (env.now moved forward again): refreshed from that day.
    useEnv({ now: () => NOW + 30 * DAY })
    loadRecord(US())
    expect(expiry(writes[1]!, NOW + 30 * DAY)).toBe(NOW + 396 * DAY)
    expect(warn).not.toHaveBeenCalled()
  })

  it('a fresh opt-out is kept for the whole cookie lifetime too, within Chrome\'s 400-day cap', () => {
    const writes = stubCookies('keep')
    useEnv({ now: () => NOW })
    saveRecord(resolveConfig({ ...CONFIG, cookie: { lifetime: 400 } }), californian(NOW))
    expect(expiry(writes[0]!)).toBe(NOW + 400 * DAY)
  })

  it('a decision without an opt-out still expires with the decision, and the cookie is deleted without a warning', () => {
    const writes = stubCookies('keep')
    useEnv({ now: () => NOW })
    // Young: the cookie ends where the decision's 12 months end.
    saveRecord(US(), californian(NOW - 2 * MONTH, {}))
    expect(expiry(writes[0]!)).toBe(NOW + 10 * MONTH)
    // 14 months old: written already expired, so the browser drops it; that is on purpose, not a blocked cookie.
    localStorage.setItem('consentry', encodeRecord(californian(DECIDED, {})))
    clearCookies()
    expect(loadRecord(US())).not.toBeNull()
    expect(cookie()).toBeUndefined()
    expect(warn).not.toHaveBeenCalled()
  })

  it('cookies genuinely blocked are still reported for an opt-out past its lifetime', () => {
    stubCookies('drop')
    useEnv({ now: () => NOW })
    localStorage.setItem('consentry', encodeRecord(californian(DECIDED)))
    loadRecord(US())
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('cookie unavailable')
  })

  it('cookie.serverSet: a lost cookie is re-set from localStorage for the cookie lifetime; an intact one is left to the server', () => {
    const serverSet = resolveConfig({ ...CONFIG, region: 'US-CA', mode: 'auto', cookie: { serverSet: true } })
    const value = encodeRecord(californian(DECIDED))
    localStorage.setItem('consentry', value)
    const writes = stubCookies('keep')
    useEnv({ now: () => NOW })
    expect(loadRecord(serverSet)?.optOut.sale).toBe(true)
    expect(writes).toHaveLength(1)
    expect(expiry(writes[0]!)).toBe(NOW + 366 * DAY)
    expect(cookie()).toBe(value)
    loadRecord(serverSet)
    expect(writes).toHaveLength(1)
  })
})

describe('at start-up', () => {
  it('init reads the decision at once and repairs the other copy once the first frame has painted', async () => {
    const value = encodeRecord(record(NOW, true))
    setCookie(value)
    await init(CONFIG)
    expect(get().categories.analytics).toBe(true)
    // Not in the start-up task: three storage round trips the first paint does not need.
    expect(localStorage.getItem('consentry')).toBeNull()
    await painted()
    expect(localStorage.getItem('consentry')).toBe(value)
  })

  it('a decision made before the repair is not overwritten by the copy read at start-up', async () => {
    setCookie(encodeRecord(record(NOW - 1000, true)))
    await init(CONFIG)
    set({ analytics: false })
    await painted()
    expect(get().categories.analytics).toBe(false)
    expect(loadRecord(config())?.categories.analytics).toBe(false)
    expect(localStorage.getItem('consentry')).toBe(cookie())
  })

  it('sessionStorage is not read where cookies and localStorage work (its first read is a round trip)', async () => {
    const session = vi.fn(() => sessionStorage)
    useEnv({ sessionStorage: session })
    await init(CONFIG)
    teardown()
    localStorage.setItem('consentry', encodeRecord(record(NOW, true)))
    await init(CONFIG)
    expect(get().decided).toBe(true)
    expect(session).not.toHaveBeenCalled()
  })
})

describe('when storage is unavailable', () => {
  it('a localStorage that throws on every call: the cookie keeps the decision, one warning', async () => {
    const broken = {
      getItem: () => { throw new DOMException('denied', 'SecurityError') },
      setItem: () => { throw new DOMException('denied', 'SecurityError') },
      removeItem: () => { throw new DOMException('denied', 'SecurityError') },
    } as unknown as Storage
    useEnv({ localStorage: () => broken })
    await init(CONFIG)
    acceptAll()
    acceptAll()
    expect(get().decided).toBe(true)
    expect(cookie()).toBeTruthy()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('localStorage unavailable')
  })

  it('a full localStorage (QuotaExceededError) is reported once and the cookie still works', async () => {
    const full = {
      getItem: () => null,
      removeItem: () => {},
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
    } as unknown as Storage
    useEnv({ localStorage: () => full })
    await init(CONFIG)
    acceptAll()
    expect(cookie()).toBeTruthy()
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('cookies disabled: localStorage keeps the decision, one warning', async () => {
    stubCookies('drop')
    await init(CONFIG)
    acceptAll()
    expect(localStorage.getItem('consentry')).toBeTruthy()
    expect(String(warn.mock.calls[0]![0])).toContain('cookie unavailable')
  })

  it('sessionStorage only: it carries the decision across a reload in this tab, and is cleared by a reset', async () => {
    stubCookies('throw')
    useEnv({ localStorage: () => null })
    await init(CONFIG)
    acceptAll()
    expect(sessionStorage.getItem('consentry')).toMatch(/^2\./)
    // A reload: the engine starts again, with only sessionStorage to read.
    teardown()
    await init(CONFIG)
    expect(get()).toMatchObject({ decided: true, categories: { analytics: true } })
    reset()
    expect(sessionStorage.getItem('consentry')).toBeNull()
  })

  it('with cookies or localStorage working, nothing goes to sessionStorage', async () => {
    await init(CONFIG)
    acceptAll()
    expect(sessionStorage.getItem('consentry')).toBeNull()
  })

  it('neither: the page keeps working with the decision in memory', async () => {
    stubCookies('throw')
    useEnv({ localStorage: () => null, sessionStorage: () => null })
    await init(CONFIG)
    acceptAll()
    expect(get().decided).toBe(true)
    expect(warn).toHaveBeenCalledTimes(2)
  })
})

describe('other tabs', () => {
  it('a decision written by another tab is adopted on the storage event, firing change once', async () => {
    await init(CONFIG)
    const changes = vi.fn()
    addEventListener('consentry:change', changes)
    const value = encodeRecord(record(Date.now(), true))
    // What another tab's write looks like from here: the storage changed, then the event.
    localStorage.setItem('consentry', value)
    setCookie(value)
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: value }))
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: value }))
    removeEventListener('consentry:change', changes)
    expect(get()).toMatchObject({ decided: true, categories: { analytics: true } })
    expect(changes).toHaveBeenCalledTimes(1)
  })

  it('a reset in another tab makes this one undecided', async () => {
    localStorage.setItem('consentry', encodeRecord(record(Date.now(), true)))
    await init(CONFIG)
    expect(get().decided).toBe(true)
    localStorage.removeItem('consentry')
    document.cookie = 'consentry=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: null }))
    expect(get().decided).toBe(false)
  })

  it('a forged value from another tab grants nothing', async () => {
    await init(CONFIG)
    const forged = encodeRecord(record(Date.now(), true)).replace('!marketing', 'marketing')
    acceptAll()
    set({ marketing: false })
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: forged }))
    expect(get().categories.marketing).toBe(false)
    // …and is not taken for a reset either.
    expect(get().decided).toBe(true)
  })

  it('a tab that follows another never writes storage back (a lagging cookie must not undo a reset)', async () => {
    const value = encodeRecord(record(Date.now(), true))
    localStorage.setItem('consentry', value)
    await init(CONFIG)
    // Tab A reset: localStorage is gone, but this tab still sees the old cookie for a moment.
    localStorage.removeItem('consentry')
    setCookie(value)
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: null }))
    expect(get().decided).toBe(false)
    expect(localStorage.getItem('consentry')).toBeNull()
  })

  it('an older decision from another tab never replaces a newer one here', async () => {
    await init(CONFIG)
    acceptAll()
    const older = encodeRecord({ ...record(Date.now() - 60_000, false), createdAt: Date.now() - 70_000 })
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: older }))
    expect(get().categories.analytics).toBe(true)
  })

  it('a page restored from the back/forward cache (pageshow) re-reads the decision made meanwhile', async () => {
    useEnv({ localStorage: () => null })
    await init(CONFIG)
    expect(get().decided).toBe(false)
    setCookie(encodeRecord(record(Date.now(), false)))
    dispatchEvent(new Event('pageshow'))
    expect(get()).toMatchObject({ decided: true, categories: { analytics: false } })
  })

  it('a cookie-only change is picked up when the tab becomes visible again', async () => {
    useEnv({ localStorage: () => null })
    await init(CONFIG)
    setCookie(encodeRecord(record(Date.now(), true)))
    document.dispatchEvent(new Event('visibilitychange'))
    expect(get().categories.analytics).toBe(true)
  })
})
