import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { teardown } from './init.js'
import { useEnv } from '../env/index.js'
import { acceptAll, get, init, limitSensitive, optOut, rejectAll, reset, set, show, $ui, type ConsentryConfig } from '../headless.js'
import { modeFor } from '../config/regions.js'
import { decodeRecord } from '../record/index.js'
import { CONFIG, cookie, freshPage } from '../testing/index.js'

const MONTH = 2629800000
const T0 = Date.UTC(2026, 0, 15)
const US: ConsentryConfig = {
  ...CONFIG,
  mode: 'auto',
  region: 'US-CA',
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', default: true, services: [{ id: 'posthog' }] },
    { id: 'marketing', default: true, optOut: true, services: [{ id: 'meta' }] },
  ],
}
const EU: ConsentryConfig = { ...US, region: 'DE' }

/** A later page view in the same browser: state is rebuilt from the cookie and storage. */
const nextVisit = (config: ConsentryConfig, env: { gpc?: boolean; at?: number } = {}) => {
  teardown()
  useEnv({ gpc: () => !!env.gpc, now: () => env.at ?? T0 })
  return init(config)
}

beforeEach(() => {
  freshPage()
  useEnv({ now: () => T0 })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

describe('mode auto picks opt-in or opt-out from the region', () => {
  it.each([
    ['DE', 'opt-in'],
    ['DE-BY', 'opt-in'],
    ['EU', 'opt-in'],
    ['GB', 'opt-in'],
    ['CH', 'opt-in'],
    ['NO', 'opt-in'],
    ['US-CA', 'opt-out'],
    ['US-VA', 'opt-out'],
    ['US-TX', 'opt-out'],
    ['US-FL', 'fallback'],
    ['US', 'fallback'],
    ['BR', 'fallback'],
    ['', 'fallback'],
  ])('%s → %s', (region, mode) => {
    expect(modeFor(region, {}, 'opt-in')).toBe(mode == 'fallback' ? 'opt-in' : mode)
    expect(modeFor(region, {}, 'opt-out')).toBe(mode == 'fallback' ? 'opt-out' : mode)
  })

  it("the site's own regions win, for a whole country or one subdivision", () => {
    expect(modeFor('US-FL', { US: 'opt-out' }, 'opt-in')).toBe('opt-out')
    expect(modeFor('US-CA', { 'US-CA': 'opt-in' }, 'opt-in')).toBe('opt-in')
    expect(modeFor('BR-SP', { BR: 'opt-in' }, 'opt-out')).toBe('opt-in')
  })

  it('reads the region from config, a resolver, or the old jurisdiction key; normalises it', async () => {
    expect((await init({ ...US, region: 'us_ca' })).jurisdiction).toBe('US-CA')
    expect(get().mode).toBe('opt-out')
    teardown()
    expect((await init({ ...US, region: () => 'fr' })).mode).toBe('opt-in')
    teardown()
    expect((await init({ ...US, region: undefined, jurisdiction: 'US-CO' })).mode).toBe('opt-out')
  })

  it('a region from the outside world that is not a region code, or a resolver that throws, is unknown: the safe fallback', async () => {
    expect(await init({ ...US, region: '"><script>' })).toMatchObject({ jurisdiction: '', mode: 'opt-in', decided: false })
    expect($ui.get()).toBe('banner')
    teardown()
    const boom = () => {
      throw new Error('geo lookup failed')
    }
    expect(await init({ ...US, region: boom })).toMatchObject({ jurisdiction: '', mode: 'opt-in' })
    teardown()
    expect(await init({ ...US, region: boom, fallbackMode: 'opt-out' })).toMatchObject({ mode: 'opt-out' })
  })
})

describe("regions where no law asks for a banner: 'none'", () => {
  const NONE: ConsentryConfig = { ...US, region: 'IN', regions: { IN: 'none' } }

  it('shows nothing: the default categories run as in opt-out mode, the others wait, and nothing is stored', async () => {
    const s = await init({ ...NONE, categories: [...US.categories, { id: 'personalization' }] })
    expect(s).toMatchObject({ decided: false, mode: 'opt-out', jurisdiction: 'IN' })
    expect(s.categories).toEqual({ necessary: true, analytics: true, marketing: true, personalization: false })
    expect($ui.get()).toBe('hidden')
    expect(cookie()).toBeUndefined()
  })

  it("as a region of the site's, the fallback for every other region, or the mode itself; the built-in tables still win over the fallback", async () => {
    expect(modeFor('IN', { IN: 'none' }, 'opt-in')).toBe('none')
    expect(modeFor('BR', {}, 'none')).toBe('none')
    expect(modeFor('DE', {}, 'none')).toBe('opt-in')
    expect(modeFor('US-CA', {}, 'none')).toBe('opt-out')
    for (const config of [NONE, { ...US, region: 'BR', fallbackMode: 'none' as const }, { ...US, mode: 'none' as const }]) {
      teardown()
      freshPage()
      expect(await init(config)).toMatchObject({ mode: 'opt-out', decided: false })
      expect($ui.get()).toBe('hidden')
    }
    // A Californian on the same site still gets the notice, a German the banner.
    for (const region of ['US-CA', 'DE']) {
      teardown()
      await init({ ...US, region, fallbackMode: 'none' })
      expect($ui.get()).toBe('banner')
    }
  })

  it('the visitor can still choose: show() opens the notice, and a refusal holds on later visits', async () => {
    await init(NONE)
    show()
    expect($ui.get()).toBe('banner')
    rejectAll('banner')
    expect($ui.get()).toBe('hidden')
    expect(await nextVisit(NONE)).toMatchObject({ decided: true, categories: { analytics: false, marketing: false } })
    expect($ui.get()).toBe('hidden')
  })

  it('a refusal that lapses (a higher revision) is not asked again: the defaults run again, the opt-out of sale stays', async () => {
    await init(NONE)
    rejectAll('preferences')
    expect(get().optOut.sale).toBe(true)
    const s = await nextVisit({ ...NONE, revision: (NONE.revision ?? 0) + 1 })
    expect(s).toMatchObject({ decided: false, categories: { analytics: true, marketing: false }, optOut: { sale: true, sharing: true } })
    expect($ui.get()).toBe('hidden')
  })

  it('GPC is honoured as an opt-out, without the notice that says so', async () => {
    useEnv({ gpc: () => true, now: () => T0 })
    const s = await init(NONE)
    expect(s).toMatchObject({ decided: true, method: 'gpc', categories: { analytics: true, marketing: false } })
    expect(s.optOut).toMatchObject({ sale: true, sharing: true, targetedAds: true })
    expect($ui.get()).toBe('hidden')
  })

  it('reset() forgets the decision and, as at start-up, shows nothing; in an opt-out region it shows the notice again', async () => {
    await init(NONE)
    acceptAll()
    reset()
    expect(get().decided).toBe(false)
    expect($ui.get()).toBe('hidden')
    await nextVisit(US)
    acceptAll()
    reset()
    expect($ui.get()).toBe('banner')
  })
})

describe('opt-out regions', () => {
  it('a California visitor without GPC is not asked first: default categories run, and the first layer is the opt-out notice', async () => {
    const s = await init(US)
    expect(s).toMatchObject({ decided: false, mode: 'opt-out', categories: { analytics: true, marketing: true } })
    expect(s.optOut).toEqual({ sale: false, sharing: false, targetedAds: false, sensitive: false })
    expect($ui.get()).toBe('banner')
  })

  it('after an opt-out, or once the notice is acknowledged, it is not shown again', async () => {
    await init(US)
    optOut('banner')
    expect($ui.get()).toBe('hidden')
    expect((await nextVisit(US, { at: T0 + 11 * MONTH })).decided).toBe(true)
    expect($ui.get()).toBe('hidden')
    // Even once the decision has expired, an opted-out visitor is not asked to opt back in.
    await nextVisit(US, { at: T0 + 14 * MONTH })
    expect($ui.get()).toBe('hidden')
  })

  it('"Do Not Sell or Share" refuses the optOut categories and sets every opt-out, and lasts 12 months without asking again', async () => {
    await init(US)
    optOut('banner')
    expect(get()).toMatchObject({ decided: true, method: 'banner', categories: { analytics: true, marketing: false } })
    expect(get().optOut).toMatchObject({ sale: true, sharing: true, targetedAds: true, sensitive: false })
    expect(await nextVisit(US, { at: T0 + 11 * MONTH })).toMatchObject({ decided: true, optOut: { sale: true } })
  })

  it('an opt-out never lapses: after the decision expires it still holds, and its categories stay refused', async () => {
    await init(US)
    optOut('banner')
    const s = await nextVisit(US, { at: T0 + 14 * MONTH })
    expect(s.decided).toBe(false)
    expect(s.optOut).toMatchObject({ sale: true, sharing: true, targetedAds: true })
    expect(s.categories).toMatchObject({ analytics: true, marketing: false })
  })

  it('"Limit the Use of My Sensitive Personal Information" is its own right: optOut() and GPC leave it alone', async () => {
    await init(US)
    optOut()
    expect(get().optOut.sensitive).toBe(false)
    limitSensitive()
    expect(get().optOut).toMatchObject({ sale: true, sensitive: true })
    limitSensitive(false)
    expect(get().optOut.sensitive).toBe(false)
    expect(decodeRecord(decodeURIComponent(cookie()!), T0)!.optOut.sensitive).toBe(false)
  })
})

describe('Global Privacy Control', () => {
  it('a GPC visitor in California is opted out at once, recorded with method gpc, and never prompted', async () => {
    useEnv({ gpc: () => true, now: () => T0 })
    const s = await init(US)
    expect(s).toMatchObject({ decided: true, method: 'gpc', gpc: true, categories: { analytics: true, marketing: false } })
    expect(s.optOut).toEqual({ sale: true, sharing: true, targetedAds: true, sensitive: false })
    // Shown once, to say the signal was honoured (CCPA regs §7025(c)(6)); it asks nothing.
    expect($ui.get()).toBe('banner')
    expect(await nextVisit(US, { gpc: true })).toMatchObject({ method: 'gpc' })
    expect($ui.get()).toBe('hidden')
    // Stored, so the server and other tabs see it too.
    expect(decodeRecord(decodeURIComponent(cookie()!), T0)).toMatchObject({ method: 'gpc', gpc: true, optOut: { sale: true } })
  })

  it('nothing a GPC visitor clicks grants sale or sharing while the browser sends GPC', async () => {
    useEnv({ gpc: () => true, now: () => T0 })
    await init(US)
    acceptAll('preferences')
    expect(get()).toMatchObject({ categories: { marketing: false }, optOut: { sale: true, sharing: true, targetedAds: true } })
    set({ marketing: true, meta: true })
    expect(get().categories.marketing).toBe(false)
  })

  it('a later visit without GPC does not undo the opt-out', async () => {
    useEnv({ gpc: () => true, now: () => T0 })
    await init(US)
    const s = await nextVisit(US, { gpc: false, at: T0 + MONTH })
    expect(s).toMatchObject({ gpc: false, method: 'gpc', optOut: { sale: true, sharing: true, targetedAds: true }, categories: { marketing: false } })
  })

  it('GPC overrides an earlier opt-in made without it', async () => {
    await init(US)
    acceptAll('banner')
    expect(await nextVisit(US, { gpc: true })).toMatchObject({ method: 'gpc', optOut: { sale: true }, categories: { marketing: false } })
  })

  it('in an opt-in region GPC changes nothing by default: the visitor is asked, and may accept all', async () => {
    useEnv({ gpc: () => true, now: () => T0 })
    expect(await init(EU)).toMatchObject({ decided: false, mode: 'opt-in', gpc: true })
    expect($ui.get()).toBe('banner')
    acceptAll('banner')
    expect(get().categories.marketing).toBe(true)
  })

  it('with gpcEverywhere, GPC in an opt-in region refuses the optOut categories whatever is accepted', async () => {
    useEnv({ gpc: () => true, now: () => T0 })
    await init({ ...EU, gpcEverywhere: true })
    expect($ui.get()).toBe('banner')
    acceptAll('banner')
    expect(get()).toMatchObject({ categories: { analytics: true, marketing: false }, optOut: { sale: true } })
  })

  it('only a strict true counts (GPC §3): "1", 1 and "true" do not', async () => {
    for (const v of ['1', 1, 'true', {}]) {
      teardown()
      Object.defineProperty(navigator, 'globalPrivacyControl', { value: v, configurable: true })
      useEnv()
      expect((await init(US)).gpc).toBe(false)
    }
    delete (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl
  })
})

describe('opting back in', () => {
  it('after "Do Not Sell or Share", accepting all (without GPC) clears the opt-outs', async () => {
    await init(US)
    optOut('banner')
    acceptAll('preferences')
    expect(get().optOut).toMatchObject({ sale: false, sharing: false, targetedAds: false })
    rejectAll('preferences')
    expect(get().optOut).toMatchObject({ sale: true, sharing: true, targetedAds: true, sensitive: true })
  })
})
