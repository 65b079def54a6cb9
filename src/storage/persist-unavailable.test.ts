/** When cookies, localStorage or both are unavailable: the decision kept where it can be, one warning each. */
import { describe, expect, it } from 'vitest'
import { useEnv } from '../env/index.js'
import { acceptAll, get, init, reset } from '../headless.js'
import { teardown } from '../api/index.js'
import { CONFIG, cookie, stubCookies, useQuietPage, warn } from '../testing/index.js'

useQuietPage()

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
