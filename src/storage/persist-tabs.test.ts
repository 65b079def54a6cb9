/** Decisions made in other tabs, and while the page sat in the back/forward cache or hidden. */
import { describe, expect, it, vi } from 'vitest'
import { useEnv } from '../env/index.js'
import { acceptAll, get, init, reset, set } from '../headless.js'
import { encodeRecord } from '../record/index.js'
import { CONFIG, fromOtherTab, useQuietPage } from '../testing/index.js'
import { record, setCookie } from './testing.js'

useQuietPage()

describe('other tabs', () => {
  it('a decision another tab stored is adopted from the channel, firing change once', async () => {
    await init(CONFIG)
    const changes = vi.fn()
    addEventListener('consentry:change', changes)
    const value = encodeRecord(record(Date.now(), true))
    // The other tab stores it, then tells.
    localStorage.setItem('consentry', value)
    setCookie(value)
    await fromOtherTab(value)
    await fromOtherTab(value)
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
    await fromOtherTab(null)
    expect(get().decided).toBe(false)
  })

  it('a forged value, or a message of another shape, grants nothing and is not taken for a reset', async () => {
    await init(CONFIG)
    const forged = encodeRecord(record(Date.now(), true)).replace('!marketing', 'marketing')
    acceptAll()
    set({ marketing: false })
    // (Not `undefined`: Node's BroadcastChannel delivers it as null, a reset; browsers keep it as posted.)
    for (const message of [forged, 0, true, {}, { categories: { marketing: true } }, ['marketing']]) await fromOtherTab(message)
    expect(get()).toMatchObject({ decided: true, categories: { marketing: false } })
  })

  it('a tab that follows never writes storage back (a lagging cookie must not undo a reset)', async () => {
    const value = encodeRecord(record(Date.now(), true))
    localStorage.setItem('consentry', value)
    await init(CONFIG)
    // Tab A reset: localStorage is gone, but this tab still sees the old cookie for a moment.
    localStorage.removeItem('consentry')
    setCookie(value)
    await fromOtherTab(null)
    expect(get().decided).toBe(false)
    expect(localStorage.getItem('consentry')).toBeNull()
  })

  it('an older decision from another tab never replaces a newer one here', async () => {
    await init(CONFIG)
    acceptAll()
    await fromOtherTab(encodeRecord({ ...record(Date.now() - 60_000, false), createdAt: Date.now() - 70_000 }))
    expect(get().categories.analytics).toBe(true)
  })

  it("tells the other tabs each decision it stores, as stored, and a reset as null; never echoes theirs", async () => {
    const other = new BroadcastChannel('consentry:consentry')
    const told: unknown[] = []
    other.addEventListener('message', (e) => told.push(e.data))
    try {
      await init(CONFIG)
      acceptAll()
      const accepted = localStorage.getItem('consentry')
      reset()
      await fromOtherTab(encodeRecord(record(Date.now(), false)))
      await new Promise((ok) => setTimeout(ok, 10))
      // What this tab heard from the (test's) other tab is on the channel once, from that tab, not echoed by this one.
      expect(told.slice(0, 2)).toEqual([accepted, null])
      expect(told).toHaveLength(3)
      expect(accepted).toMatch(/analytics/)
    } finally {
      other.close()
    }
  })

  it('with a channel, registers no storage listener (its first one opens the storage area on every page view)', async () => {
    const added = vi.spyOn(window, 'addEventListener')
    localStorage.setItem('consentry', encodeRecord(record(Date.now(), true)))
    await init(CONFIG)
    expect(added.mock.calls.map(([type]) => type)).not.toContain('storage')
  })

  it('without BroadcastChannel (Safari before 15.4), follows the storage event instead', async () => {
    useEnv({ channel: () => null })
    await init(CONFIG)
    const value = encodeRecord(record(Date.now(), true))
    localStorage.setItem('consentry', value)
    dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: null }))
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: value }))
    expect(get()).toMatchObject({ decided: true, categories: { analytics: true } })
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: 'forged' }))
    expect(get().decided).toBe(true)
    dispatchEvent(new StorageEvent('storage', { key: 'consentry', newValue: null }))
    expect(get().decided).toBe(false)
  })

  it('closes the channel on pagehide (a page in the back/forward cache must not hold one), and its restore opens it and re-reads', async () => {
    await init(CONFIG)
    dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }))
    // Sent while the page sat in the cache: not heard then…
    const value = encodeRecord(record(Date.now(), true))
    setCookie(value)
    localStorage.setItem('consentry', value)
    await fromOtherTab(value)
    expect(get().decided).toBe(false)
    // …but read on the restore, and the channel is back for what follows.
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    expect(get().categories.analytics).toBe(true)
    await fromOtherTab(null)
    expect(get().decided).toBe(false)
  })

  it('a page restored from the back/forward cache (pageshow) re-reads the decision made meanwhile', async () => {
    useEnv({ localStorage: () => null })
    await init(CONFIG)
    expect(get().decided).toBe(false)
    setCookie(encodeRecord(record(Date.now(), false)))
    // The pageshow of the page's own load (not persisted) reads nothing: init has just read storage.
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }))
    expect(get().decided).toBe(false)
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
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
