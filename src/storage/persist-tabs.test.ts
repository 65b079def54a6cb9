/** Decisions made in other tabs, and while the page sat in the back/forward cache or hidden. */
import { describe, expect, it, vi } from 'vitest'
import { useEnv } from '../env/index.js'
import { acceptAll, get, init, set } from '../headless.js'
import { encodeRecord } from '../record/index.js'
import { CONFIG, useQuietPage } from '../testing/index.js'
import { record, setCookie } from './testing.js'

useQuietPage()

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
