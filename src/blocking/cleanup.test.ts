/** The cookies and storage of services without consent: deleted at start-up, after the first paint, and on withdrawal. */
import { beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, get, init, rejectAll, set, startBlocking } from '../headless.js'
import { CONFIG, freshPage, painted } from '../testing/index.js'

let stop = () => {}
beforeEach(() => {
  stop()
  freshPage()
})
const begin = async (config = CONFIG) => {
  await init(config)
  stop = startBlocking()
}

describe('cleanup', () => {
  const config = {
    ...CONFIG,
    categories: [
      { id: 'necessary', necessary: true },
      { id: 'analytics', services: [{ id: 'ga4', cookies: [/^_ga(_|$)/], localStorage: ['ga_state'] }] },
    ],
  }

  it('deletes cookies and storage of services without consent at start-up, once the first frame has painted', async () => {
    document.cookie = '_ga=GA1.1; path=/'
    document.cookie = '_ga_X1=GS1; path=/'
    document.cookie = 'keep=1; path=/'
    localStorage.setItem('ga_state', '1')
    await begin(config)
    // The cleaner reads every cookie and storage key: not in the start-up task, which the first paint waits for.
    expect(document.cookie).toContain('_ga=')
    await painted()
    expect(document.cookie).toBe('keep=1')
    expect(localStorage.getItem('ga_state')).toBeNull()
    document.cookie = 'keep=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
  })

  it('where every service is allowed, start-up does not even read the cookies and storage keys', async () => {
    let reads = 0
    const count = () => {
      let proto: object | null = Object.getPrototypeOf(document)
      while (proto && !Object.getOwnPropertyDescriptor(proto, 'cookie')) proto = Object.getPrototypeOf(proto)
      const real = Object.getOwnPropertyDescriptor(proto!, 'cookie')!
      Object.defineProperty(document, 'cookie', { configurable: true, get: () => (reads++, real.get!.call(document)), set: (v) => real.set!.call(document, v) })
    }
    await init(config)
    acceptAll()
    count()
    stop = startBlocking()
    await painted()
    expect(reads).toBe(0)
    // Not so where a service lacks consent: the counter counts.
    stop()
    freshPage()
    await init(config)
    count()
    stop = startBlocking()
    await painted()
    expect(reads).toBeGreaterThan(0)
  })

  it('keeps them while granted, and deletes them on withdrawal', async () => {
    await begin(config)
    acceptAll()
    document.cookie = '_ga=GA1.1; path=/'
    localStorage.setItem('ga_state', '1')
    set({ analytics: true })
    expect(document.cookie).toContain('_ga=')
    rejectAll()
    expect(document.cookie).not.toContain('_ga')
    expect(localStorage.getItem('ga_state')).toBeNull()
    expect(get().decided).toBe(true)
  })
})
