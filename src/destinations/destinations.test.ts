import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, init, optOut, rejectAll, set, type ConsentryConfig } from '../headless.js'
import { useEnv } from '../env/index.js'
import { freshPage } from '../testing/index.js'
import { connectDestinations, dataLayerEvents, googleConsentMode, microsoftUet, withPrivacyParams, type Destination } from './index.js'
// The vendors' factories behind their presets (vendors.ts), called with options as before.
import { amplitude, mixpanel, posthog, segment } from './analytics.js'
import { metaPixel, microsoftClarity, tiktokPixel } from './pixels.js'

type Win = Record<string, any>
const win = window as unknown as Win
const CONFIG: ConsentryConfig = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'ga' }] },
    { id: 'marketing', services: [{ id: 'meta' }] },
  ],
}
const GLOBALS = ['dataLayer', 'fbq', '_fbq', '__consentryFbq', 'ttq', 'uetq', 'clarity', 'analytics', 'posthog', 'mixpanel', 'amplitude']
let stop = () => {}
beforeEach(() => {
  freshPage()
  for (const g of GLOBALS) delete win[g]
})
afterEach(() => {
  stop()
  vi.restoreAllMocks()
})

/** What Google's own snippet does: `gtag` pushes its `arguments`. */
function gtag(..._: unknown[]) {
  ;(win.dataLayer ??= []).push(arguments)
}
const isArguments = (x: unknown) => Object.prototype.toString.call(x) === '[object Arguments]'
const commands = () => ((win.dataLayer ?? []) as unknown[]).filter(isArguments).map((a) => Array.from(a as ArrayLike<unknown>))
const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
}

describe('Google Consent Mode v2', () => {
  it('pushes consent default with all seven types before any config or event, as arguments objects', async () => {
    stop = connectDestinations([googleConsentMode({ adsDataRedaction: true, urlPassthrough: true })])
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
    stop = connectDestinations([googleConsentMode()])
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
    stop = connectDestinations([googleConsentMode({ urlPassthrough: true })])
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
    stop = connectDestinations([googleConsentMode()])
    gtag('config', 'G-TEST')
    await expect(init({ categories: 'analytics' } as unknown as ConsentryConfig)).rejects.toMatchObject({ code: 'invalid-config' })
    expect(commands()).toEqual([['consent', 'default', { ...DENIED, wait_for_update: 500 }], ['config', 'G-TEST']])
  })

  it('a US opt-out denies ad_user_data and ad_personalization even with marketing granted', async () => {
    stop = connectDestinations([googleConsentMode()])
    await init({ ...CONFIG, mode: 'opt-out', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true }] })
    // Denied by default like everywhere; what the opt-out region grants before a decision follows as an update.
    expect(commands().map((c) => c[1])).toEqual(['default', 'update'])
    expect(commands()[0]![2]).toMatchObject({ ad_storage: 'denied', ad_user_data: 'denied' })
    expect(commands()[1]![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'granted' })
    optOut()
    expect(commands().at(-1)![2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'denied', ad_personalization: 'denied' })
  })

  it('region-scoped defaults come first, then the general default, all when connected; at ready the visitor’s state follows', async () => {
    stop = connectDestinations([googleConsentMode({ regions: [{ region: ['US-CA'], granted: ['analytics_storage'] }], waitForUpdate: 1000 })])
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
    stop = connectDestinations([googleConsentMode()])
    await init(CONFIG)
    expect(commands().map((c) => c[1])).toEqual(['default', 'update'])
    expect(commands()[1]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' })
  })
})

describe('tag-manager events', () => {
  it('consentry_default at load, consentry_update on each change, with categories and US signals', async () => {
    stop = connectDestinations([dataLayerEvents()])
    useEnv({ gpc: () => true })
    await init({ ...CONFIG, mode: 'auto', region: 'US-CA', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] })
    const events = (win.dataLayer as { event: string; consentry: any }[]).map((e) => [e.event, e.consentry.categories.marketing, e.consentry.usp, e.consentry.gpp])
    expect(events).toEqual([
      ['consentry_default', false, '1YYN', 'DBABLA~CVQVAAAAAACA.YA'],
      ['consentry_update', false, '1YYN', 'DBABLA~CVQVAAAAAACA.YA'],
    ])
  })
})

describe('ad pixels', () => {
  /** Meta's base code, faithfully: fbq first, then its fields, the queue last; then the page's init. */
  const metaBaseCode = () => {
    const n: any = function (...args: unknown[]) {
      n.callMethod ? n.callMethod(...args) : n.queue.push(args)
    }
    win.fbq = n
    if (!win._fbq) win._fbq = n
    n.push = n
    n.loaded = true
    n.version = '2.0'
    n.queue = []
    win.fbq('init', '123')
    win.fbq('track', 'PageView')
  }

  it('Meta: consent revoke is queued before the page’s fbq("init"), even when the pixel code runs after Consentry', async () => {
    stop = connectDestinations([metaPixel()])
    await init(CONFIG)
    metaBaseCode()
    expect(win.fbq.queue).toEqual([['consent', 'revoke'], ['dataProcessingOptions', []], ['consent', 'revoke'], ['init', '123'], ['track', 'PageView']])
    acceptAll()
    expect(win.fbq.queue.slice(-1)).toEqual([['consent', 'grant']])
  })

  it('Meta: Limited Data Use for a US opt-out', async () => {
    metaBaseCode()
    stop = connectDestinations([metaPixel()])
    useEnv({ gpc: () => true })
    await init({ ...CONFIG, mode: 'opt-out', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] })
    expect(win.fbq.queue.slice(2)).toEqual([['consent', 'revoke'], ['dataProcessingOptions', ['LDU'], 0, 0], ['consent', 'revoke']])
  })

  it('TikTok: holdConsent queued in the snippet’s own ttq before it runs, then grant or revoke', async () => {
    stop = connectDestinations([tiktokPixel()])
    await init(CONFIG)
    expect(win.ttq).toEqual([['holdConsent']])
    // The snippet reuses the array and adds its methods.
    win.ttq.grantConsent = () => win.ttq.push(['grantConsent'])
    win.ttq.revokeConsent = () => win.ttq.push(['revokeConsent'])
    acceptAll()
    rejectAll()
    expect([...win.ttq]).toEqual([['holdConsent'], ['grantConsent'], ['revokeConsent']])
  })

  it('Microsoft UET: consent default before the tag, then updates', async () => {
    stop = connectDestinations([microsoftUet()])
    await init(CONFIG)
    acceptAll()
    expect(win.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }])
  })

  it('Microsoft Clarity: consentv2 with case-sensitive keys, through the snippet’s queue', async () => {
    stop = connectDestinations([microsoftClarity()])
    await init(CONFIG)
    set({ analytics: true })
    expect(win.clarity.q.map((a: IArguments) => Array.from(a))).toEqual([
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
    ])
  })
  it('every pixel says "denied" the moment it is connected, even when Consentry never becomes ready (an invalid config)', async () => {
    stop = connectDestinations([metaPixel(), tiktokPixel(), microsoftUet(), microsoftClarity()])
    await expect(init({ categories: 'oops' } as unknown as ConsentryConfig)).rejects.toThrow(/categories/)
    metaBaseCode()
    expect(win.fbq.queue).toEqual([['consent', 'revoke'], ['init', '123'], ['track', 'PageView']])
    expect(win.ttq).toEqual([['holdConsent']])
    expect(win.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }])
    expect(win.clarity.q.map((a: IArguments) => Array.from(a))).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]])
  })

  it('a pixel follows its own service where the config declares one: Load content on a video grants no ad pixel', async () => {
    stop = connectDestinations([metaPixel(), tiktokPixel()])
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', services: [{ id: 'meta-pixel' }, { id: 'tiktok-pixel' }, { id: 'youtube' }] }] })
    metaBaseCode()
    set({ youtube: true })
    set({ 'tiktok-pixel': true })
    expect(win.fbq.queue.filter((c: unknown[]) => c[0] == 'consent').map((c: unknown[]) => c[1])).toEqual(['revoke', 'revoke', 'revoke', 'revoke'])
    expect([...win.ttq]).toEqual([['holdConsent'], ['revokeConsent'], ['grantConsent']])
  })
})

describe('analytics SDKs', () => {
  it('Segment: every event carries context.consent.categoryPreferences, and a change sends "Segment Consent Preference Updated"', async () => {
    const middlewares: any[] = []
    const tracked: any[] = []
    win.analytics = {
      addSourceMiddleware: (m: any) => middlewares.push(m),
      track: (event: string, props: object, options: any) => tracked.push([event, options]),
    }
    const send = (obj: any) => {
      let out: any
      middlewares.forEach((m) => m({ payload: { obj }, next: (p: any) => (out = p.obj) }))
      return out
    }
    stop = connectDestinations([segment()])
    await init(CONFIG)
    expect(send({ type: 'track', event: 'Signed Up' }).context.consent.categoryPreferences).toEqual({ necessary: true, analytics: false, marketing: false })
    set({ analytics: true })
    expect(send({ type: 'page', context: { page: {} } }).context).toEqual({ page: {}, consent: { categoryPreferences: { necessary: true, analytics: true, marketing: false } } })
    expect(tracked).toEqual([['Segment Consent Preference Updated', { context: { consent: { categoryPreferences: { necessary: true, analytics: true, marketing: false } } } }]])
  })

  it('Segment: with its snippet after Consentry (which holds the loader), the middleware waits first in the snippet’s own queue', async () => {
    stop = connectDestinations([segment()])
    await init(CONFIG)
    // Segment's snippet, faithfully in what matters: it reuses window.analytics, and its methods queue [method, ...args].
    const analytics: any = (win.analytics = win.analytics || [])
    if (!analytics.initialize && !analytics.invoked) {
      analytics.invoked = true
      for (const m of ['addSourceMiddleware', 'page', 'track'])
        analytics[m] = (...args: unknown[]) => (analytics.push([m, ...args]), analytics)
      analytics.page()
    }
    set({ analytics: true })
    expect(analytics.map((c: unknown[]) => c[0])).toEqual(['addSourceMiddleware', 'page', 'track'])
    // What analytics.js does with the queued middleware when it loads: every event passes through it.
    let sent: any
    analytics[0][1]({ payload: { obj: { type: 'page' } }, next: (p: any) => (sent = p.obj) })
    expect(sent.context.consent.categoryPreferences).toEqual({ necessary: true, analytics: true, marketing: false })
  })

  it('PostHog, Mixpanel and Amplitude opt in and out with the analytics category', async () => {
    const calls: string[] = []
    let phIn = false
    win.posthog = {
      has_opted_in_capturing: () => phIn,
      has_opted_out_capturing: () => !phIn,
      opt_in_capturing: () => ((phIn = true), calls.push('posthog in')),
      opt_out_capturing: () => ((phIn = false), calls.push('posthog out')),
    }
    win.mixpanel = { opt_in_tracking: () => calls.push('mixpanel in'), opt_out_tracking: () => calls.push('mixpanel out') }
    win.amplitude = { setOptOut: (v: boolean) => calls.push(`amplitude optOut ${v}`) }
    stop = connectDestinations([posthog(), mixpanel(), amplitude()])
    await init(CONFIG)
    set({ analytics: true })
    rejectAll()
    expect(calls).toEqual(['mixpanel out', 'amplitude optOut true', 'posthog in', 'mixpanel in', 'amplitude optOut false', 'posthog out', 'mixpanel out', 'amplitude optOut true'])
  })

  it('each follows its own service where the config declares one: PostHog refused inside a granted analytics stays off', async () => {
    const calls: string[] = []
    let phIn = false
    win.posthog = {
      has_opted_in_capturing: () => phIn,
      has_opted_out_capturing: () => !phIn,
      opt_in_capturing: () => ((phIn = true), calls.push('posthog in')),
      opt_out_capturing: () => ((phIn = false), calls.push('posthog out')),
    }
    win.mixpanel = { opt_in_tracking: () => calls.push('mixpanel in'), opt_out_tracking: () => calls.push('mixpanel out') }
    win.amplitude = { setOptOut: (v: boolean) => calls.push(`amplitude optOut ${v}`) }
    stop = connectDestinations([posthog(), mixpanel(), amplitude()])
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }, { id: 'amplitude' }] }] })
    calls.length = 0
    set({ analytics: true, posthog: false })
    // PostHog stays opted out (no call: it already is); Mixpanel is no service of this config: it follows the category.
    expect(calls).toEqual(['mixpanel in', 'amplitude optOut false'])
    calls.length = 0
    set({ posthog: true, amplitude: false })
    expect(calls).toEqual(['posthog in', 'mixpanel out', 'amplitude optOut true'])
  })
})

describe('the destination interface', () => {
  it('a destination that throws is logged once; the others still hear every change', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const heard: string[] = []
    const bad: Destination = { id: 'bad', update: () => { throw new Error('boom') } }
    const good: Destination = { id: 'good', init: (s) => heard.push('init ' + s.decided), update: (s) => heard.push('update ' + s.categories.analytics) }
    stop = connectDestinations([bad, good])
    await init(CONFIG)
    set({ analytics: true })
    set({ analytics: false })
    expect(heard).toEqual(['init false', 'update true', 'update false'])
    expect(error).toHaveBeenCalledTimes(1)
    expect(String(error.mock.calls[0]![0])).toContain('destination "bad" failed')
  })

  it('connect runs the moment a destination is connected, before Consentry is ready; one that throws is logged and the others still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const heard: string[] = []
    const bad: Destination = { id: 'bad', connect: () => { throw new Error('boom') }, update: () => heard.push('bad update') }
    const good: Destination = { id: 'good', connect: () => heard.push('connect'), init: () => heard.push('init'), update: () => heard.push('update') }
    stop = connectDestinations([bad, good])
    expect(heard).toEqual(['connect'])
    expect(String(error.mock.calls[0]![0])).toContain('destination "bad" failed')
    await init(CONFIG)
    expect(heard).toEqual(['connect', 'bad update', 'init'])
  })

  it('connected after init, a destination hears the current state at once', async () => {
    await init(CONFIG)
    acceptAll()
    const heard: boolean[] = []
    stop = connectDestinations([{ id: 'late', init: (s) => heard.push(s.decided), update: () => {} }])
    expect(heard).toEqual([true])
  })
})

describe('withPrivacyParams', () => {
  it('appends gpp, gpp_sid and us_privacy once, unmodified, replacing any already there', () => {
    const sig = { gpp: 'DBABLA~CVQVAAAAAACA.YA', gppSid: [7], usp: '1YYN' }
    expect(withPrivacyParams('https://sync.example/px?uid=1&gpp=old', sig)).toBe('https://sync.example/px?uid=1&gpp=DBABLA~CVQVAAAAAACA.YA&gpp_sid=7&us_privacy=1YYN')
    expect(withPrivacyParams('https://sync.example/px', { gpp: 'DBAA', gppSid: [], usp: '1---' })).toBe('https://sync.example/px?gpp=DBAA&gpp_sid=-1&us_privacy=1---')
  })
})
