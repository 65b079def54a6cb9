/**
 * The UK's exemptions from consent (PECR Schedule A1, from the Data (Use and Access) Act 2025, in force since
 * 5 February 2026): a category marked `ukExemption` runs for a visitor in the UK before any decision, the banner still
 * shows (the information and a simple way to object), and an objection holds. Everywhere else it waits for consent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { teardown } from './init.js'
import { useEnv } from '../env/index.js'
import { acceptAll, get, has, init, rejectAll, set, $ui, type ConsentryConfig } from '../headless.js'
import { readConsent } from '../server/index.js'
import { CONFIG, freshPage } from '../testing/index.js'

const T0 = Date.UTC(2026, 2, 2)
const MONTH = 2629800000
const SITE: ConsentryConfig = {
  ...CONFIG,
  mode: 'auto',
  region: 'GB',
  categories: CONFIG.categories.map((c) => (c.id == 'analytics' ? { ...c, ukExemption: 'statistics' as const } : c)),
}
const at = (config: ConsentryConfig, now = T0) => {
  teardown()
  useEnv({ now: () => now })
  return init(config)
}

beforeEach(() => {
  freshPage()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

describe('ukExemption', () => {
  it('a visitor in the UK: the exempt category and its services run before any decision, the others wait, and the banner shows', async () => {
    const s = await at(SITE)
    expect(s).toMatchObject({ decided: false, mode: 'opt-in', jurisdiction: 'GB' })
    expect(s.categories).toEqual({ necessary: true, analytics: true, marketing: false })
    expect(s.services).toEqual({ posthog: true, ga4: true, meta: false })
    expect($ui.get()).toBe('banner')
    for (const region of ['GB-SCT', 'UK']) {
      freshPage()
      expect((await at({ ...SITE, region })).categories.analytics, region).toBe(true)
    }
  })

  it('anywhere else, or where the region is unknown, it waits for consent like any category', async () => {
    for (const region of ['DE', 'IE', 'US-CA', 'BR', '']) {
      freshPage()
      const s = await at({ ...SITE, region })
      expect([region, s.categories.analytics, s.services.posthog]).toEqual([region, false, false])
    }
  })

  it('Reject all is the objection: it holds on later visits, and after a revision bump until the visitor chooses again', async () => {
    await at(SITE)
    rejectAll('banner')
    expect(has('analytics')).toBe(false)
    expect((await at(SITE, T0 + 1000)).categories.analytics).toBe(false)
    // The decision lapses (a higher revision; the same holds after `lifetime`): the banner asks again, and the
    // objection stays in force meanwhile.
    const bumped = { ...SITE, revision: 2 }
    const s = await at(bumped, T0 + 2000)
    expect(s.decided).toBe(false)
    expect($ui.get()).toBe('banner')
    expect(s.categories.analytics).toBe(false)
    expect((await at(SITE, T0 + 13 * MONTH)).categories.analytics).toBe(false)
    acceptAll('banner')
    expect(get()).toMatchObject({ decided: true, categories: { analytics: true } })
  })

  it('a lapsed decision that allowed it runs it again; one service refused in it stays refused', async () => {
    await at(SITE)
    set({ analytics: true, ga4: false })
    const s = await at({ ...SITE, revision: 2 }, T0 + 1000)
    expect(s.decided).toBe(false)
    expect(s.categories.analytics).toBe(true)
    expect(s.services).toEqual({ posthog: true, ga4: false, meta: false })
  })

  it('a server render reads the same: readConsent for a UK request with no cookie', () => {
    expect(readConsent(null, SITE, { now: T0 }).categories).toEqual({ necessary: true, analytics: true, marketing: false })
    expect(readConsent(null, { ...SITE, region: 'FR' }, { now: T0 }).categories.analytics).toBe(false)
  })

  it('is statistics or preferences: anything else is one typed error naming the field', async () => {
    const bad = { ...SITE, categories: [...SITE.categories, { id: 'ads', ukExemption: 'advertising' }] } as ConsentryConfig
    await expect(init(bad)).rejects.toMatchObject({
      name: 'ConsentryError',
      problems: [expect.objectContaining({ path: 'config.categories[3].ukExemption' })],
    })
  })
})
