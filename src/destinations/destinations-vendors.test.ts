/** What the ad pixels and analytics SDKs are told. */
import { describe, expect, it } from 'vitest'
import { acceptAll, init, optOut, rejectAll, set, type ConsentryConfig } from '../headless.js'
import { useEnv } from '../env/index.js'
import { connectDestinations, microsoftUet } from './index.js'
// The vendors' factories behind their presets (vendors.ts), called with options as before.
import { amplitude, mixpanel, posthog, segment } from './analytics.js'
import { metaPixel, microsoftClarity, tiktokPixel } from './pixels.js'
import { CONFIG, running, useDestinationsPage, win } from './testing.js'

useDestinationsPage()

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
    running.stop = connectDestinations([metaPixel()])
    await init(CONFIG)
    metaBaseCode()
    expect(win.fbq.queue).toEqual([['consent', 'revoke'], ['dataProcessingOptions', []], ['consent', 'revoke'], ['init', '123'], ['track', 'PageView']])
    acceptAll()
    expect(win.fbq.queue.slice(-1)).toEqual([['consent', 'grant']])
  })

  it('Meta: Limited Data Use for a US opt-out', async () => {
    metaBaseCode()
    running.stop = connectDestinations([metaPixel()])
    useEnv({ gpc: () => true })
    await init({ ...CONFIG, mode: 'opt-out', categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', default: true, optOut: true }] })
    expect(win.fbq.queue.slice(2)).toEqual([['consent', 'revoke'], ['dataProcessingOptions', ['LDU'], 0, 0], ['consent', 'revoke']])
  })

  it('TikTok: holdConsent queued in the snippet’s own ttq before it runs, then grant or revoke', async () => {
    running.stop = connectDestinations([tiktokPixel()])
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
    running.stop = connectDestinations([microsoftUet()])
    await init(CONFIG)
    acceptAll()
    expect(win.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'denied' }, 'consent', 'update', { ad_storage: 'granted' }])
  })

  it('Microsoft Clarity: consentv2 with case-sensitive keys, through the snippet’s queue', async () => {
    running.stop = connectDestinations([microsoftClarity()])
    await init(CONFIG)
    set({ analytics: true })
    expect(win.clarity.q.map((a: IArguments) => Array.from(a))).toEqual([
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
      ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' }],
    ])
  })
  it('every pixel says "denied" the moment it is connected, even when Consentry never becomes ready (an invalid config)', async () => {
    running.stop = connectDestinations([metaPixel(), tiktokPixel(), microsoftUet(), microsoftClarity()])
    await expect(init({ categories: 'oops' } as unknown as ConsentryConfig)).rejects.toThrow(/categories/)
    metaBaseCode()
    expect(win.fbq.queue).toEqual([['consent', 'revoke'], ['init', '123'], ['track', 'PageView']])
    expect(win.ttq).toEqual([['holdConsent']])
    expect(win.uetq).toEqual(['consent', 'default', { ad_storage: 'denied' }])
    expect(win.clarity.q.map((a: IArguments) => Array.from(a))).toEqual([['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }]])
  })

  it('a pixel follows its own service where the config declares one: Load content on a video grants no ad pixel', async () => {
    running.stop = connectDestinations([metaPixel(), tiktokPixel()])
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
    running.stop = connectDestinations([segment()])
    await init(CONFIG)
    expect(send({ type: 'track', event: 'Signed Up' }).context.consent.categoryPreferences).toEqual({ necessary: true, analytics: false, marketing: false })
    set({ analytics: true })
    expect(send({ type: 'page', context: { page: {} } }).context).toEqual({ page: {}, consent: { categoryPreferences: { necessary: true, analytics: true, marketing: false } } })
    expect(tracked).toEqual([['Segment Consent Preference Updated', { context: { consent: { categoryPreferences: { necessary: true, analytics: true, marketing: false } } } }]])
  })

  it('Segment: with its snippet after Consentry (which holds the loader), the middleware waits first in the snippet’s own queue', async () => {
    running.stop = connectDestinations([segment()])
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
    running.stop = connectDestinations([posthog(), mixpanel(), amplitude()])
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
    running.stop = connectDestinations([posthog(), mixpanel(), amplitude()])
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
