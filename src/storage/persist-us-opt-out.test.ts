/** A US opt-out never lapses: its cookie is re-set for the cookie lifetime while a decision without one expires. */
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../config/index.js'
import { useEnv } from '../env/index.js'
import { encodeRecord, type ConsentRecord } from '../record/index.js'
import { clearCookies, CONFIG, cookie, stubCookies, useQuietPage, warn } from '../testing/index.js'
import { loadRecord, saveRecord } from './index.js'
import { NOW, record } from './testing.js'

useQuietPage()

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
