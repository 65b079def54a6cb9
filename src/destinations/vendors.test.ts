// One vendor, one name (issue #19): a vendor's preset is the service and, in connectDestinations, its destination.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, init, rejectAll, set, ConsentryError } from '../headless.js'
import { googleAnalytics, metaPixel, posthog } from '../presets/index.js'
import { resetWarnings } from '../errors/index.js'
import { freshPage } from '../testing/index.js'
import * as entry from './index.js'

type Win = Record<string, any>
const win = window as unknown as Win
let stop = () => {}
beforeEach(() => {
  freshPage()
  resetWarnings()
  for (const g of ['fbq', '__consentryFbq', 'posthog']) delete win[g]
})
afterEach(() => {
  stop()
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

/** PostHog's SDK as the page has it, recording its consent calls. */
const fakePosthog = (calls: string[]) => {
  let on = false
  win.posthog = {
    has_opted_in_capturing: () => on,
    has_opted_out_capturing: () => !on,
    opt_in_capturing: () => ((on = true), calls.push('in')),
    opt_out_capturing: () => ((on = false), calls.push('out')),
  }
}

describe('a vendor preset in connectDestinations', () => {
  it('is the service in the config and, in connectDestinations, tells its vendor: Meta hears revoke first, then grant', async () => {
    win.fbq = Object.assign((...a: unknown[]) => win.fbq.queue.push(a), { queue: [] as unknown[] })
    stop = entry.connectDestinations([metaPixel])
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'marketing', services: [metaPixel] }] })
    acceptAll()
    expect(win.fbq.queue.filter((c: unknown[]) => c[0] == 'consent').map((c: unknown[]) => c[1])).toEqual(['revoke', 'revoke', 'grant'])
  })

  it('follows the preset’s own service: PostHog refused inside a granted analytics is opted out', async () => {
    const calls: string[] = []
    fakePosthog(calls)
    stop = entry.connectDestinations([posthog])
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [posthog, googleAnalytics] }] })
    set({ analytics: true, posthog: false })
    set({ posthog: true })
    expect(calls).toEqual(['in'])
    rejectAll()
    expect(calls).toEqual(['in', 'out'])
  })

  it('keeps its destination when spread to add a host', async () => {
    const calls: string[] = []
    fakePosthog(calls)
    const proxied = { ...posthog, hosts: [...posthog.hosts!, 'example.com/ingest/'] }
    stop = entry.connectDestinations([proxied])
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [proxied] }] })
    acceptAll()
    expect(calls).toEqual(['in'])
  })

  it('refuses a preset whose vendor has no consent API of its own, naming the ones that have', () => {
    const wrong = () => entry.connectDestinations([googleAnalytics as never])
    expect(wrong).toThrow(ConsentryError)
    expect(wrong).toThrow(/"google-analytics" is neither a destination nor one of the presets meta-pixel, .*posthog/)
  })
})

describe('the old destination factories (one more release)', () => {
  it('still work, and say once in development what to write instead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const calls: string[] = []
    fakePosthog(calls)
    stop = entry.connectDestinations([entry.posthog(), entry.posthog({ category: 'analytics' })])
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
    acceptAll()
    expect(calls).toEqual(['in'])
    expect(warn.mock.calls).toEqual([
      ['[consentry] posthog() from consentry/destinations is now posthog from consentry/presets, as it is: connectDestinations([posthog]); the old spelling goes in the next release (see CHANGELOG.md)'],
    ])
  })

  it('say nothing in a production build', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const make of [entry.metaPixel, entry.tiktokPixel, entry.microsoftClarity, entry.segment, entry.posthog, entry.mixpanel, entry.amplitude]) make()
    expect(warn).not.toHaveBeenCalled()
  })
})
