/**
 * A decision covers what it asked about (GDPR Art. 4(11), 7(1): specific and informed). A category added to the
 * config since an opt-in decision, or a service added to a category the visitor allowed, puts the decision out of
 * force, as a raised `revision` does, without the site having to raise it; a service added to a refused category
 * stays refused; nothing changes in opt-out mode or for what is necessary.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { teardown } from './init.js'
import { acceptAll, get, has, init, rejectAll, set, $ui, type ConsentryConfig } from '../headless.js'
import { $consent } from '../store/index.js'
import { readConsent } from '../server/index.js'
import { CONFIG, cookie, freshPage } from '../testing/index.js'

/** A next page view with `config`, over what the earlier ones stored. */
const next = (config: ConsentryConfig) => {
  teardown()
  return init(config)
}
const withCategory = (extra: ConsentryConfig['categories'][number]): ConsentryConfig => ({ ...CONFIG, categories: [...CONFIG.categories, extra] })
const withService = (category: string, id: string): ConsentryConfig => ({
  ...CONFIG,
  categories: CONFIG.categories.map((c) => (c.id == category ? { ...c, services: [...(c.services ?? []), { id }] } : c)),
})

beforeEach(() => {
  freshPage()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

describe('what a decision asked about', () => {
  it('a category added since an opt-in decision: the decision is out of force, the banner asks again, its choices pre-fill', async () => {
    await next(CONFIG)
    set({ analytics: true, marketing: false })
    const s = await next(withCategory({ id: 'functional' }))
    expect(s).toMatchObject({ decided: false, categories: { necessary: true, analytics: false, marketing: false, functional: false } })
    expect(has('posthog')).toBe(false)
    expect($ui.get()).toBe('banner')
    // The earlier choice is kept to pre-fill the preferences, read through the new config (the new id refused).
    expect($consent.get().record).toMatchObject({ unasked: true, categories: { analytics: true, marketing: false, functional: false } })
    // The server reads the same cookie the same way.
    expect(readConsent(`consentry=${cookie()}`, withCategory({ id: 'functional' })).decided).toBe(false)
    expect(readConsent(`consentry=${cookie()}`, CONFIG).decided).toBe(true)
    // Decided again, the decision covers it: in force on the next page, and nothing is marked.
    acceptAll()
    const again = await next(withCategory({ id: 'functional' }))
    expect(again).toMatchObject({ decided: true, categories: { functional: true } })
    expect($consent.get().record!.unasked).toBeUndefined()
  })

  it('a service added to a category the visitor allowed, whole or in part, asks again; to a refused one, it stays refused', async () => {
    await next(CONFIG)
    set({ analytics: true, marketing: false })
    expect((await next(withService('analytics', 'plausible'))).decided).toBe(false)
    expect((await next(withService('marketing', 'tiktok'))).decided).toBe(true)
    expect(get()).toMatchObject({ categories: { analytics: true, marketing: false }, services: { tiktok: false, meta: false } })
    expect($ui.get()).toBe('hidden')
    // In part: one service of marketing allowed, the category not.
    await next(CONFIG)
    set({ marketing: false, meta: true })
    expect(get().categories.marketing).toBe(false)
    expect((await next(withService('marketing', 'tiktok'))).decided).toBe(false)
  })

  it('a refusal of everything stays in force whatever services are added to what it refused; a new category asks', async () => {
    await next(CONFIG)
    rejectAll()
    expect((await next(withService('analytics', 'plausible'))).decided).toBe(true)
    expect(has('plausible')).toBe(false)
    expect((await next(withCategory({ id: 'functional' }))).decided).toBe(false)
  })

  it('what is necessary, and anything removed, changes nothing', async () => {
    await next(CONFIG)
    acceptAll()
    const necessary = { ...CONFIG, categories: [...CONFIG.categories.map((c) => (c.id == 'necessary' ? { ...c, services: [{ id: 'csrf' }] } : c)), { id: 'security', necessary: true }] }
    expect((await next(necessary)).decided).toBe(true)
    expect((await next({ ...CONFIG, categories: CONFIG.categories.filter((c) => c.id != 'marketing') })).decided).toBe(true)
  })

  it('opt-out mode (a US visitor) asked for nothing: an added category takes its default and the opt-outs hold', async () => {
    const US: ConsentryConfig = { ...CONFIG, mode: 'opt-out', region: 'US-CA', signals: false }
    await next(US)
    rejectAll()
    const s = await next({ ...US, categories: [...US.categories, { id: 'functional', default: true }] })
    expect(s).toMatchObject({ decided: true, optOut: { sale: true } })
    expect($ui.get()).toBe('hidden')
  })
})
