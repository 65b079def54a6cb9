import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useEnv } from '../env/index.js'
import { acceptAll, ConsentryError, get, has, init, on, optOut, rejectAll, reset, set, whenGranted, $ui } from '../headless.js'
import { decodeRecord, encodeRecord } from '../record/index.js'
import { CONFIG, cookie, freshPage } from '../testing/index.js'

const MONTH = 2629800000
let warn: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  freshPage()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

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

describe('events', () => {
  it('fires change once per real change, never for a no-op', async () => {
    await init(CONFIG)
    const seen: boolean[] = []
    const onWindow = vi.fn()
    addEventListener('consentry:change', onWindow)
    const off = on('change', (s) => seen.push(s.categories.analytics!))
    acceptAll()
    acceptAll()
    set({ analytics: true })
    rejectAll()
    rejectAll()
    off()
    acceptAll()
    removeEventListener('consentry:change', onWindow)
    expect(seen).toEqual([true, false])
    expect(onWindow).toHaveBeenCalledTimes(3)
    expect((onWindow.mock.calls[2]![0] as CustomEvent).detail).toBe(get())
  })

  it('fires ready once, at once for late listeners, and on window', async () => {
    const early = vi.fn()
    const onWindow = vi.fn()
    addEventListener('consentry:ready', onWindow)
    on('ready', early)
    await init(CONFIG)
    const late = vi.fn()
    on('ready', late)
    removeEventListener('consentry:ready', onWindow)
    expect(early).toHaveBeenCalledTimes(1)
    expect(late).toHaveBeenCalledTimes(1)
    expect(onWindow).toHaveBeenCalledTimes(1)
    expect(late.mock.calls[0]![0]).toMatchObject({ decided: false })
  })

  it('a listener added after a decision hears that decision as ready (it would otherwise miss it)', async () => {
    await init(CONFIG)
    acceptAll()
    const late = vi.fn()
    on('ready', late)
    expect(late).toHaveBeenCalledTimes(1)
    expect(late.mock.calls[0]![0]).toMatchObject({ decided: true, categories: { analytics: true } })
    expect(late.mock.calls[0]![0]).toBe(get())
  })

  it('a listener that throws does not stop the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await init(CONFIG)
    const good = vi.fn()
    on('change', () => {
      throw new Error('boom')
    })
    on('change', good)
    acceptAll()
    expect(good).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledTimes(1)
  })
})

describe('whenGranted', () => {
  it('resolves at once when already granted, later when granted, and rejects unknown ids', async () => {
    const pending = whenGranted('posthog')
    let done = false
    void pending.then(() => (done = true))
    await init(CONFIG)
    await Promise.resolve()
    expect(done).toBe(false)
    set({ analytics: true })
    await pending
    await expect(whenGranted('analytics')).resolves.toBeUndefined()
    await expect(whenGranted('nope')).rejects.toMatchObject({ code: 'unknown-id' })
  })
})

describe('the query API', () => {
  it('has() is false for unknown ids and inherited names, and warns once', async () => {
    await init(CONFIG)
    acceptAll()
    expect(has('nope')).toBe(false)
    expect(has('nope')).toBe(false)
    expect(has('constructor')).toBe(false)
    expect(has('__proto__')).toBe(false)
    expect(warn.mock.calls.filter((c: unknown[]) => String(c[0]).includes('"nope"'))).toHaveLength(1)
  })

  it('before init, has() is false and decisions throw a typed error', () => {
    expect(has('analytics')).toBe(false)
    expect(get().decided).toBe(false)
    expect(() => acceptAll()).toThrow(expect.objectContaining({ code: 'not-initialised' }))
  })
})

describe('init', () => {
  it('rejects a bad config with a typed error and leaves nothing half-initialised', async () => {
    await expect(init({ categories: [{ id: 'ok' }, { id: 7 }] } as never)).rejects.toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('config.categories[1].id'),
    })
    expect(() => acceptAll()).toThrow(expect.objectContaining({ code: 'not-initialised' }))
    await expect(init(CONFIG)).resolves.toMatchObject({ decided: false })
  })

  it('is safe to call twice: same result, first config wins, a different one is warned about once', async () => {
    const a = init(CONFIG)
    expect(init(CONFIG)).toBe(a)
    expect(warn).not.toHaveBeenCalled()
    await init({ categories: [{ id: 'other' }] })
    await init({ categories: [{ id: 'other' }] })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('first stays in force')
    expect(get().categories).toHaveProperty('analytics')
  })
})

describe('restoring a stored decision', () => {
  const stored = (overrides: object = {}) =>
    encodeRecord({
      id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
      createdAt: Date.now() - 1000,
      updatedAt: Date.now() - 1000,
      revision: 1,
      categories: { necessary: true, analytics: true, marketing: false },
      services: { posthog: true, ga4: false, meta: false },
      method: 'banner',
      mode: 'opt-in',
      jurisdiction: '',
      gpc: false,
      optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
      ...overrides,
    })

  it('restores it and does not ask again', async () => {
    localStorage.setItem('consentry', stored())
    const s = await init(CONFIG)
    expect(s).toMatchObject({ decided: true, method: 'banner', id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13' })
    expect(has('posthog') && !has('ga4')).toBe(true)
    expect($ui.get()).toBe('hidden')
  })

  it('writes the snapshot\'s times only when they are read: start-up never calls Date#toISOString or toUTCString', async () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 6)
    localStorage.setItem('consentry', stored({ createdAt: at - 1000, updatedAt: at }))
    vi.useFakeTimers({ now: at + 1000, toFake: ['Date'] })
    const iso = vi.spyOn(Date.prototype, 'toISOString')
    const utc = vi.spyOn(Date.prototype, 'toUTCString')
    const s = await init(CONFIG)
    expect(iso).not.toHaveBeenCalled()
    expect(utc).not.toHaveBeenCalled()
    expect(s.updatedAt).toBe('2026-01-02T03:04:05.006Z')
    expect(get()).toMatchObject({ createdAt: '2026-01-02T03:04:04.006Z', updatedAt: '2026-01-02T03:04:05.006Z' })
    expect(JSON.parse(JSON.stringify(s)).updatedAt).toBe('2026-01-02T03:04:05.006Z')
    vi.useRealTimers()
  })

  it('treats a decision under an older revision as stale, and keeps its choices for the next prompt', async () => {
    localStorage.setItem('consentry', stored({ revision: 0 }))
    const s = await init(CONFIG)
    expect(s.decided).toBe(false)
    expect(has('analytics')).toBe(false)
    expect($ui.get()).toBe('banner')
    const { $consent } = await import('../store/index.js')
    expect($consent.get().record?.categories.analytics).toBe(true)
    // Deciding again keeps the consent id.
    acceptAll()
    expect(get().id).toBe('0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13')
  })

  it('treats a decision older than the consent lifetime as stale', async () => {
    localStorage.setItem('consentry', stored({ createdAt: Date.now() - 13 * MONTH, updatedAt: Date.now() - 13 * MONTH }))
    expect((await init(CONFIG)).decided).toBe(false)
  })

  it('honours a longer configured lifetime', async () => {
    localStorage.setItem('consentry', stored({ createdAt: Date.now() - 12.5 * MONTH, updatedAt: Date.now() - 12.5 * MONTH }))
    expect((await init({ ...CONFIG, lifetime: 13 })).decided).toBe(true)
  })

  it('does not grant what the config no longer has, nor services added since', async () => {
    localStorage.setItem('consentry', stored({ categories: { necessary: true, analytics: true, retired: true }, services: { posthog: true } }))
    await init({ ...CONFIG, categories: [...CONFIG.categories, { id: 'retired2' }] })
    expect(get().categories).toEqual({ necessary: true, analytics: true, marketing: false, retired2: false })
    expect(get().services).toEqual({ posthog: true, ga4: false, meta: false })
  })

  it('ignores a tampered value', async () => {
    localStorage.setItem('consentry', stored().replace('!marketing', 'marketing'))
    expect((await init(CONFIG)).decided).toBe(false)
    expect(has('marketing')).toBe(false)
  })
})
