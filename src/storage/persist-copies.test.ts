/** The decision kept in two copies, cookie and localStorage, each repairing the other; and read at start-up. */
import { describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../config/index.js'
import { useEnv } from '../env/index.js'
import { get, init, on, set } from '../headless.js'
import { teardown } from '../api/index.js'
import { encodeRecord } from '../record/index.js'
import { CONFIG, cookie, freshPage, leave, painted, stubCookies, useQuietPage } from '../testing/index.js'
import { loadRecord } from './index.js'
import { config, NOW, record, setCookie } from './testing.js'

useQuietPage()

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

describe('at start-up', () => {
  it('init reads the cookie alone when it holds a decision; localStorage is checked and repaired when the visitor leaves', async () => {
    const value = encodeRecord(record(NOW, true))
    setCookie(value)
    const local = vi.fn(() => localStorage)
    useEnv({ localStorage: local })
    await init(CONFIG)
    expect(get().categories.analytics).toBe(true)
    // Not on the way to the first paint, nor after it: opening the storage area costs a returning visit ~10 ms at 4×.
    await painted()
    expect(local).not.toHaveBeenCalled()
    expect(localStorage.getItem('consentry')).toBeNull()
    leave()
    expect(localStorage.getItem('consentry')).toBe(value)
    // Once per page view.
    const calls = local.mock.calls.length
    leave()
    expect(local.mock.calls.length).toBe(calls)
  })

  it('hiding the page counts as leaving it (a tab switch, a backgrounded app)', async () => {
    const value = encodeRecord(record(NOW, true))
    setCookie(value)
    await init(CONFIG)
    expect(document.visibilityState).toBe('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    expect(localStorage.getItem('consentry')).toBeNull()
    leave()
    expect(localStorage.getItem('consentry')).toBe(value)
  })

  it('a missing or damaged cookie is put back from localStorage right after the first paint', async () => {
    const value = encodeRecord(record(NOW, true))
    localStorage.setItem('consentry', value)
    setCookie(value.slice(0, 20))
    await init(CONFIG)
    expect(get().categories.analytics).toBe(true)
    expect(cookie()).toBe(value.slice(0, 20))
    await painted()
    expect(cookie()).toBe(value)
  })

  it('a cookie whose decision is over is deleted right after the first paint, not when the page is left', async () => {
    const over = { ...record(NOW - 400 * 864e5, true), createdAt: NOW - 400 * 864e5 }
    setCookie(encodeRecord(over))
    await init(CONFIG)
    expect(get().decided).toBe(false)
    await painted()
    expect(cookie()).toBeUndefined()
  })

  it('a newer localStorage copy beside a valid older cookie (written from outside) wins in both when the page is left, and in the page when it is shown again', async () => {
    const older = encodeRecord(record(NOW - 5000, true))
    const newer = encodeRecord(record(NOW - 1000, false))
    setCookie(older)
    localStorage.setItem('consentry', newer)
    await init(CONFIG)
    expect(get().categories.analytics).toBe(true)
    const changes: boolean[] = []
    on('change', (s) => changes.push(s.categories.analytics!))
    leave()
    expect([cookie(), localStorage.getItem('consentry')]).toEqual([newer, newer])
    expect(document.visibilityState).toBe('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    expect(get().categories.analytics).toBe(false)
    expect(changes).toEqual([false])
  })

  it('a cookie the server re-issues is read beside localStorage at once (a response in flight can put an older one back)', async () => {
    setCookie(encodeRecord(record(NOW - 5000, true)))
    localStorage.setItem('consentry', encodeRecord(record(NOW - 1000, false)))
    await init({ ...CONFIG, cookie: { serverSet: true } })
    expect(get().categories.analytics).toBe(false)
  })

  it('a decision made before the copies are looked after is not overwritten by the copy read at start-up', async () => {
    setCookie(encodeRecord(record(NOW - 1000, true)))
    await init(CONFIG)
    set({ analytics: false })
    leave()
    expect(get().categories.analytics).toBe(false)
    expect(loadRecord(config())?.categories.analytics).toBe(false)
    expect(localStorage.getItem('consentry')).toBe(cookie())
  })

  it('after teardown, leaving the page touches nothing', async () => {
    setCookie(encodeRecord(record(NOW, true)))
    await init(CONFIG)
    teardown()
    leave()
    expect(localStorage.getItem('consentry')).toBeNull()
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
