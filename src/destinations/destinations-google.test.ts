/** Google Consent Mode v2, stored decisions and tag-manager events. */
import { describe, expect, it } from 'vitest'
import { acceptAll, init, optOut, set, type ConsentryConfig } from '../headless.js'
import { useEnv } from '../env/index.js'
import { connectDestinations, dataLayerEvents, googleConsentMode } from './index.js'
import { CONFIG, DENIED, commands, gtag, isArguments, running, useDestinationsPage, win } from './testing.js'
import { freshPage } from '../testing/index.js'

useDestinationsPage()

describe('Google Consent Mode v2', () => {
  it('pushes consent default with all seven types before any config or event, as arguments objects', async () => {
    running.stop = connectDestinations([googleConsentMode({ adsDataRedaction: true, urlPassthrough: true })])
    await init(CONFIG)
    // The page's Google tag comes after Consentry.
    gtag('js', new Date(0))
    gtag('config', 'G-TEST')
    expect((win.dataLayer as unknown[]).every(isArguments)).toBe(true)
    const c = commands()
    expect(c.slice(0, 3)).toEqual([
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
      [
        'consent',
        'default',
        {
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          analytics_storage: 'denied',
          functionality_storage: 'denied',
          personalization_storage: 'denied',
          security_storage: 'granted',
          wait_for_update: 500,
        },
      ],
    ])
    expect(c.findIndex((x) => x[0] == 'consent')).toBeLessThan(c.findIndex((x) => x[0] == 'config'))
  })

  it('updates every type on each change, once per change', async () => {
    running.stop = connectDestinations([googleConsentMode()])
    await init(CONFIG)
    set({ analytics: true })
    set({ analytics: true })
    acceptAll()
    const updates = commands().filter((x) => x[1] == 'update')
    expect(updates).toHaveLength(2)
    expect(updates[0]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', security_storage: 'granted' })
    expect(Object.keys(updates[1]![2] as object)).toHaveLength(7)
    expect(updates[1]![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' })
  })

  it('the default is in dataLayer the moment it is connected: before the page’s gtag js and config when Consentry starts later', async () => {
    running.stop = connectDestinations([googleConsentMode({ urlPassthrough: true })])
    // consentry.min.js loaded async or defer: Google's snippet runs first.
    gtag('js', new Date(0))
    gtag('config', 'G-TEST')
    const before = commands()
    expect(before.map((c) => c.slice(0, 2))).toEqual([['set', 'url_passthrough'], ['consent', 'default'], ['js', new Date(0)], ['config', 'G-TEST']])
    expect(before[1]![2]).toEqual({ ...DENIED, wait_for_update: 500 })
    expect((win.dataLayer as unknown[]).every(isArguments)).toBe(true)
    await init(CONFIG)
    // Ready for an undecided opt-in visitor: the default already says it all, and there is only one default.
    expect(commands()).toEqual(before)
    acceptAll()
    expect(commands().slice(4).map((c) => c.slice(0, 2))).toEqual([['consent', 'update']])
  })

  it('a config that fails validation leaves the denied default in force', async () => {
    running.stop = connectDestinations([googleConsentMode()])
    gtag('config', 'G-TEST')
    await expect(init({ categories: 'analytics' } as unknown as ConsentryConfig)).rejects.toMatchObject({ code: 'invalid-config' })
    expect(commands()).toEqual([['consent', 'default', { ...DENIED, wait_for_update: 500 }], ['config', 'G-TEST']])
  })

  it('a US opt-out denies ad_user_data and ad_personalization even with marketing granted', async () => {
    running.stop = connectDestinations([googleConsentMode()])
    await init({ ...CONFIG, mode: 'opt-out', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true }] })
    // Denied by default like everywhere; what the opt-out region grants before a decision follows as an update.
    expect(commands().map((c) => c[1])).toEqual(['default', 'update'])
    expect(commands()[0]![2]).toMatchObject({ ad_storage: 'denied', ad_user_data: 'denied' })
    expect(commands()[1]![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted' })
    optOut()
    expect(commands().at(-1)![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'denied', ad_personalization: 'denied' })
  })

  it('region-scoped defaults come first, then the general default, all when connected; at ready the visitor’s state follows', async () => {
    running.stop = connectDestinations([googleConsentMode({ regions: [{ region: ['US-CA'], granted: ['analytics_storage'] }], waitForUpdate: 1000 })])
    const [regional, general] = commands()
    expect(regional).toEqual(['consent', 'default', expect.objectContaining({ region: ['US-CA'], analytics_storage: 'granted', ad_storage: 'denied', wait_for_update: 1000 })])
    expect(general).toEqual(['consent', 'default', { ...DENIED, wait_for_update: 1000 }])
    // The region's default may grant what Consentry's opt-in state for this visitor does not: the state wins.
    await init(CONFIG)
    expect(commands().slice(2)).toEqual([['consent', 'update', DENIED]])
  })
})

describe('stored decisions', () => {
  it('reach destinations at load, and Consent Mode gets the update right after the default', async () => {
    await init(CONFIG)
    acceptAll()
    const cookie = document.cookie
    freshPage()
    document.cookie = cookie.split('; ').find((c) => c.startsWith('consentry='))! + '; path=/'
    running.stop = connectDestinations([googleConsentMode()])
    await init(CONFIG)
    expect(commands().map((c) => c[1])).toEqual(['default', 'update'])
    expect(commands()[1]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' })
  })
})

describe('tag-manager events', () => {
  it('consentry_default at load, consentry_update on each change, with categories and US signals', async () => {
    running.stop = connectDestinations([dataLayerEvents()])
    useEnv({ gpc: () => true })
    await init({ ...CONFIG, mode: 'auto', region: 'US-CA', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] })
    const events = (win.dataLayer as { event: string; consentry: any }[]).map((e) => [e.event, e.consentry.categories.marketing, e.consentry.usp, e.consentry.gpp])
    expect(events).toEqual([
      ['consentry_default', false, '1YYN', 'DBABLA~CVQVAAAAAACA.YA'],
      ['consentry_update', false, '1YYN', 'DBABLA~CVQVAAAAAACA.YA'],
    ])
  })
})
