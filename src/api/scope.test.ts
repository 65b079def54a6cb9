/**
 * Consent is exactly as wide as what the visitor agreed to: a grant of one
 * service (a YouTube embed's "Load content") grants that service, never its
 * category (advertising), everywhere the answer travels.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { teardown } from './init.js'
import { useEnv } from '../env/index.js'
import { acceptAll, get, has, init, optOut, rejectAll, set, whenGranted, type ConsentryConfig } from '../headless.js'
import { connectDestinations, dataLayerEvents, googleConsentMode, type PrivacySignals } from '../destinations/index.js'
import { syncRecord } from '../sync/outbox.js'
import { decodeRecord, encodeRecord, fitRecord } from '../record/index.js'
import { resolveConfig } from '../config/index.js'
import { readConsent } from '../server/index.js'
import { cookie, freshPage } from '../testing/index.js'

/** The page: a YouTube embed and, elsewhere, a retargeting tag, both in `marketing`. */
const SITE: ConsentryConfig = {
  categories: [
    { id: 'necessary', necessary: true, services: [{ id: 'session' }] },
    { id: 'analytics', services: [{ id: 'posthog' }, { id: 'ga4' }] },
    { id: 'marketing', optOut: true, services: [{ id: 'youtube' }, { id: 'meta' }] },
  ],
  revision: 1,
}
const US: ConsentryConfig = {
  ...SITE,
  mode: 'opt-out',
  region: 'US-CA',
  categories: SITE.categories.map((c) => (c.id == 'necessary' ? c : { ...c, default: true })),
}

/** Whether a promise has settled after the queued reactions ran. */
const settled = async (p: Promise<unknown>) => {
  let done = false
  void p.then(() => (done = true))
  for (let i = 0; i < 5; i++) await Promise.resolve()
  return done
}

beforeEach(() => {
  freshPage()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

describe('a grant of one service', () => {
  beforeEach(() => init(SITE))

  it('grants that service only: has() and whenGranted() for the category stay refused', async () => {
    const marketing = whenGranted('marketing')
    set({ youtube: true })
    expect(has('youtube')).toBe(true)
    expect(has('marketing')).toBe(false)
    expect(has('meta')).toBe(false)
    expect(get()).toMatchObject({ decided: true, categories: { marketing: false }, services: { youtube: true, meta: false } })
    expect(await settled(whenGranted('youtube'))).toBe(true)
    expect(await settled(marketing)).toBe(false)
    // Granting the category itself is what resolves it.
    set({ marketing: true })
    expect(await settled(marketing)).toBe(true)
  })

  it('a category whose services were all granted one by one counts as granted, until one is withdrawn', () => {
    set({ youtube: true })
    set({ meta: true })
    expect(has('marketing')).toBe(true)
    set({ meta: false })
    expect([has('marketing'), has('youtube'), has('meta')]).toEqual([false, true, false])
  })

  it('withdrawing a service withdraws a grant of its category as a whole; its other services keep theirs', () => {
    set({ analytics: true })
    set({ ga4: false })
    expect(get().categories.analytics).toBe(false)
    expect(get().services).toMatchObject({ posthog: true, ga4: false })
    // Refusing what is already refused withdraws nothing.
    set({ analytics: true, ga4: false })
    set({ ga4: false })
    expect(has('analytics')).toBe(true)
  })

  it('a call that names the category decides its services it does not name; a service it names keeps its own choice', () => {
    set({ marketing: true, youtube: false })
    expect(get()).toMatchObject({ categories: { marketing: true }, services: { youtube: false, meta: true } })
    set({ marketing: false, youtube: true })
    expect(get()).toMatchObject({ categories: { marketing: false }, services: { youtube: true, meta: false } })
    // Refusing the category refuses every service the call does not name.
    set({ marketing: false })
    expect(has('youtube')).toBe(false)
  })

  it('necessary stays on, and rejectAll / acceptAll still decide everything', () => {
    set({ youtube: true, necessary: false, session: false })
    expect([has('necessary'), has('session')]).toEqual([true, true])
    acceptAll()
    expect(Object.values(get().categories).every(Boolean) && Object.values(get().services).every(Boolean)).toBe(true)
    rejectAll()
    expect(get().services).toEqual({ session: true, posthog: false, ga4: false, youtube: false, meta: false })
  })
})

describe('the answer travels as it is', () => {
  it('the cookie and localStorage carry the service without its category, and the next page view reads it back so', async () => {
    await init(SITE)
    set({ youtube: true })
    const stored = decodeRecord(cookie())!
    expect(stored.categories).toEqual({ necessary: true, analytics: false, marketing: false })
    expect(stored.services).toMatchObject({ youtube: true, meta: false })
    expect(decodeRecord(encodeRecord(stored))).toEqual(stored)
    teardown()
    expect((await init(SITE)).services.youtube).toBe(true)
    expect([has('youtube'), has('marketing')]).toEqual([true, false])
  })

  it('fitRecord keeps a service granted inside a refused category, drops unknown ids, refuses what the record does not mention', () => {
    const config = resolveConfig(SITE)
    const r = decodeRecord(
      encodeRecord({
        id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
        createdAt: 1,
        updatedAt: 1,
        revision: 1,
        categories: { necessary: false, marketing: false, retired: true },
        services: { youtube: true, gone: true, session: false },
        method: 'embed',
        mode: 'opt-in',
        jurisdiction: '',
        gpc: false,
        optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
      }),
      2,
    )!
    const fitted = fitRecord(r, config)
    expect(fitted.categories).toEqual({ necessary: true, analytics: false, marketing: false })
    expect(fitted.services).toEqual({ session: true, posthog: false, ga4: false, youtube: true, meta: false })
  })

  it('the server reads the same answer from the Cookie header', async () => {
    await init(SITE)
    set({ youtube: true })
    const s = readConsent(`consentry=${cookie()}`, SITE)
    expect(s).toMatchObject({ decided: true, categories: { marketing: false }, services: { youtube: true } })
  })

  it('Consent Mode, tag-manager events and the sync record: a service grant grants no ad_storage', async () => {
    const w = window as unknown as { dataLayer?: unknown[] }
    delete w.dataLayer
    const stop = connectDestinations([googleConsentMode(), dataLayerEvents()])
    await init(SITE)
    set({ youtube: true })
    stop()
    const layer = w.dataLayer!
    const update = Array.from(layer.at(-2) as ArrayLike<unknown>)
    expect(update.slice(0, 2)).toEqual(['consent', 'update'])
    expect(update[2]).toMatchObject({ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' })
    expect(layer.at(-1)).toMatchObject({ event: 'consentry_update', consentry: { categories: { marketing: false }, services: { youtube: true } } })
    const record = syncRecord(get(), { gpp: '', gppSid: [], usp: '1---', gpc: false, optOut: get().optOut })
    expect(record).toMatchObject({ method: 'api', categories: { marketing: false }, services: { youtube: true, meta: false } })
  })
})

describe('US opt-outs', () => {
  beforeEach(() => useEnv({ now: () => Date.UTC(2026, 0, 15) }))
  afterEach(() => useEnv())

  it('a grant of services inside an opted-out category keeps the opt-out (GPP, USP); only granting the category opts back in', async () => {
    const heard: PrivacySignals[] = []
    const stop = connectDestinations([{ id: 'spy', update: (_, sig) => heard.push(sig) }], { sells: true, shares: true })
    await init(US)
    optOut()
    set({ youtube: true })
    expect(get()).toMatchObject({ categories: { marketing: false }, services: { youtube: true }, optOut: { sale: true, sharing: true, targetedAds: true } })
    // Every one of them, one by one: the category counts as granted, the opt-out still stands.
    set({ meta: true })
    expect(has('marketing')).toBe(true)
    expect(get().optOut).toMatchObject({ sale: true, sharing: true, targetedAds: true })
    expect(heard.at(-1)).toMatchObject({ usp: '1YYN', optOut: { sale: true } })
    set({ marketing: true })
    expect(get().optOut).toMatchObject({ sale: false, sharing: false, targetedAds: false })
    expect(heard.at(-1)!.usp).toBe('1YNN')
    stop()
  })

  it('while GPC is on, no service of an opt-out category can be granted', async () => {
    useEnv({ now: () => Date.UTC(2026, 0, 15), gpc: () => true })
    await init(US)
    set({ youtube: true })
    expect([has('youtube'), has('marketing'), get().optOut.sale]).toEqual([false, false, true])
  })
})
