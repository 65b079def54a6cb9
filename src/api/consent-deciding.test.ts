/** A first visit, and deciding through the API: what is granted, kept and asked. */
import { beforeEach, describe, expect, it } from 'vitest'
import { useEnv } from '../env/index.js'
import { acceptAll, ConsentryError, get, has, init, optOut, rejectAll, reset, set, $ui } from '../headless.js'
import { decodeRecord } from '../record/index.js'
import { CONFIG, cookie, useQuietPage } from '../testing/index.js'

useQuietPage()

describe('a first visit', () => {
  it('is undecided, grants only what is necessary, and asks', async () => {
    const snapshot = await init(CONFIG)
    expect(snapshot).toMatchObject({
      decided: false,
      id: null,
      updatedAt: null,
      method: null,
      revision: 1,
      mode: 'opt-in',
      categories: { necessary: true, analytics: false, marketing: false },
      services: { posthog: false, ga4: false, meta: false },
    })
    expect(has('necessary')).toBe(true)
    expect(has('analytics')).toBe(false)
    expect($ui.get()).toBe('banner')
    expect(cookie()).toBeUndefined()
    expect(localStorage.getItem('consentry')).toBeNull()
  })

  it('in opt-out mode grants categories whose default is on; the first layer is the opt-out notice', async () => {
    await init({ ...CONFIG, mode: 'opt-out', categories: [{ id: 'analytics', default: true }, { id: 'marketing' }] })
    expect(get().categories).toEqual({ analytics: true, marketing: false })
    expect($ui.get()).toBe('banner')
  })

  it('never honours `default` in opt-in mode (no pre-ticked boxes)', async () => {
    await init({ categories: [{ id: 'analytics', default: true }] })
    expect(has('analytics')).toBe(false)
  })
})

describe('deciding', () => {
  beforeEach(() => init(CONFIG))

  it('acceptAll grants everything and keeps the decision in the cookie and localStorage', () => {
    acceptAll()
    const s = get()
    expect(s.decided).toBe(true)
    expect(s.id).toMatch(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    expect(s.method).toBe('api')
    expect(Object.values(s.categories).every(Boolean) && Object.values(s.services).every(Boolean)).toBe(true)
    expect(cookie()).toBe(localStorage.getItem('consentry'))
    expect(decodeRecord(cookie())).toMatchObject({ id: s.id, revision: 1, categories: s.categories })
    expect(s.createdAt).toBe(s.updatedAt)
  })

  it('rejectAll refuses everything but the necessary and opts out of sale and sharing', () => {
    rejectAll()
    expect(get()).toMatchObject({
      decided: true,
      categories: { necessary: true, analytics: false, marketing: false },
      services: { posthog: false, ga4: false, meta: false },
      optOut: { sale: true, sharing: true, targetedAds: true },
    })
  })

  it('set decides some ids and leaves the rest', () => {
    set({ analytics: true })
    expect(get().categories).toEqual({ necessary: true, analytics: true, marketing: false })
    expect(get().services).toEqual({ posthog: true, ga4: true, meta: false })
    set({ ga4: false })
    expect(get().services).toEqual({ posthog: true, ga4: false, meta: false })
    // The category is no longer granted as a whole; posthog keeps its own grant.
    expect([has('analytics'), has('posthog')]).toEqual([false, true])
  })

  it('granting a service grants that service only, refusing a category refuses its services', () => {
    set({ posthog: true })
    expect(get().categories.analytics).toBe(false)
    expect(get().services).toEqual({ posthog: true, ga4: false, meta: false })
    // Its only service granted, the category counts as granted.
    set({ meta: true })
    expect(get().categories.marketing).toBe(true)
    set({ marketing: false })
    expect(get().services.meta).toBe(false)
    // A grant of one of its services in the same call as a refusal of the category wins for that service.
    set({ analytics: false, posthog: true })
    expect([has('analytics'), has('posthog'), has('ga4')]).toEqual([false, true, false])
  })

  it('necessary categories cannot be refused', () => {
    set({ necessary: false })
    expect(has('necessary')).toBe(true)
  })

  it('set throws a typed error for an unknown id or a non-boolean, and changes nothing', () => {
    expect(() => set({ analytcs: true })).toThrow(ConsentryError)
    expect(() => set({ analytics: 'yes' as unknown as boolean })).toThrow(/"analytics" must be true or false/)
    expect(() => set(null as unknown as Record<string, boolean>)).toThrow(ConsentryError)
    expect(get().decided).toBe(false)
  })

  it('optOut refuses the categories covered by "Do Not Sell or Share" and records the opt-outs', () => {
    acceptAll()
    optOut()
    expect(get()).toMatchObject({
      categories: { necessary: true, analytics: true, marketing: false },
      optOut: { sale: true, sharing: true, targetedAds: true },
    })
    set({ marketing: true })
    expect(get().optOut).toEqual({ sale: false, sharing: false, targetedAds: false, sensitive: false })
  })

  it('a new decision keeps the consent id and first decision time', () => {
    useEnv({ now: () => Date.UTC(2026, 0, 1) })
    acceptAll()
    const first = get()
    useEnv({ now: () => Date.UTC(2026, 0, 2) })
    rejectAll()
    expect(get().id).toBe(first.id)
    expect(get().createdAt).toBe(first.createdAt)
    expect(get().updatedAt).toBe('2026-01-02T00:00:00.000Z')
  })

  it('reset forgets the decision everywhere and asks again', () => {
    acceptAll()
    reset()
    expect(get().decided).toBe(false)
    expect(cookie()).toBeUndefined()
    expect(localStorage.getItem('consentry')).toBeNull()
    expect($ui.get()).toBe('banner')
    acceptAll()
    expect(get().id).not.toBeNull()
  })

  it('returns a frozen snapshot', () => {
    const s = get()
    expect(Object.isFrozen(s) && Object.isFrozen(s.categories) && Object.isFrozen(s.services)).toBe(true)
  })
})
