import { beforeEach, describe, expect, it } from 'vitest'
import { init } from '../headless.js'
import { urlMatches } from '../blocking/match.js'
import { matches } from '../blocking/names.js'
import { freshPage } from '../testing/index.js'
import * as presets from './index.js'

const all = Object.values(presets)
const blockedBy = (url: string) => all.filter((p) => (p.hosts ?? []).some((h) => urlMatches(url, h, 'https://www.example.com/'))).map((p) => p.id)

beforeEach(() => freshPage())

describe('service presets', () => {
  it('every preset is a valid service, ids unique across presets, each with hosts, a provider and a label', async () => {
    const snapshot = await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'everything', services: all }] })
    expect(Object.keys(snapshot.services)).toHaveLength(15)
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length)
    for (const p of all) expect([p.label, p.provider, p.hosts?.length]).not.toContain(undefined)
  })

  it.each([
    ['https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'google-analytics'],
    ['https://region1.google-analytics.com/g/collect?v=2', 'google-analytics'],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-XYZ', 'google-tag-manager'],
    ['https://www.googletagmanager.com/ns.html?id=GTM-XYZ', 'google-tag-manager'],
    ['https://www.googletagmanager.com/gtag/js?id=AW-123456', 'google-ads'],
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/', 'google-ads'],
    ['https://www.google.com/maps/embed?pb=!1m18', 'google-maps'],
    ['https://connect.facebook.net/en_US/fbevents.js', 'meta-pixel'],
    ['https://www.facebook.com/tr?id=1&ev=PageView', 'meta-pixel'],
    ['https://analytics.tiktok.com/i18n/pixel/events.js', 'tiktok-pixel'],
    ['https://snap.licdn.com/li.lms-analytics/insight.min.js', 'linkedin-insight'],
    ['https://px.ads.linkedin.com/collect?pid=1', 'linkedin-insight'],
    ['https://www.clarity.ms/tag/abcdef', 'microsoft-clarity'],
    ['https://k.clarity.ms/collect', 'microsoft-clarity'],
    ['https://static.hotjar.com/c/hotjar-1.js?sv=6', 'hotjar'],
    ['https://ws.hotjar.io/api/v2/client/ws', 'hotjar'],
    ['https://us-assets.i.posthog.com/static/array.js', 'posthog'],
    ['https://eu.i.posthog.com/e/', 'posthog'],
    ['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js', 'mixpanel'],
    ['https://api-js.mixpanel.com/track/', 'mixpanel'],
    ['https://cdn.amplitude.com/libs/analytics-browser-2.0.0-min.js.gz', 'amplitude'],
    ['https://api2.amplitude.com/2/httpapi', 'amplitude'],
    ['https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js', 'segment'],
    ['https://api.segment.io/v1/t', 'segment'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube'],
    ['https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', 'youtube'],
    ['https://player.vimeo.com/video/76979871', 'vimeo'],
  ])('%s belongs to %s, and only to it', (url, id) => {
    expect(blockedBy(url)).toEqual([id])
  })

  it.each([
    'https://www.google.com/search?q=consent',
    'https://www.google.com/recaptcha/api.js',
    'https://fonts.googleapis.com/css2?family=Inter',
    'https://example.com/gtag/js?id=G-1',
    'https://www.facebook.com/sharer/sharer.php?u=x',
    'https://vimeo.com/about',
    'https://www.linkedin.com/company/x',
    'https://notposthog.com/e/',
    'https://www.example.com/analytics.js',
  ])('%s belongs to no preset', (url) => {
    expect(blockedBy(url)).toEqual([])
  })

  it.each([
    ['google-analytics', ['_ga', '_ga_ABC123XYZ', '_gid', '_gat_UA-1']],
    ['google-ads', ['_gcl_au', '_gcl_aw', '_gac_UA-1']],
    ['meta-pixel', ['_fbp', '_fbc']],
    ['tiktok-pixel', ['_ttp', '_tt_enable_cookie', 'ttcsid_C123']],
    ['linkedin-insight', ['li_fat_id']],
    ['microsoft-clarity', ['_clck', '_clsk']],
    ['hotjar', ['_hjSessionUser_123', '_hjSession_123', '_hjid']],
    ['posthog', ['ph_phc_abc123_posthog']],
    ['mixpanel', ['mp_0123abcd_mixpanel']],
    ['amplitude', ['AMP_0123456789', 'AMP_MKTG_0123456789']],
    ['segment', ['ajs_anonymous_id', 'ajs_user_id']],
  ])('%s: its documented cookies are deleted, and unrelated ones are not', (id, names) => {
    const p = all.find((x) => x.id == id)!
    for (const n of names) expect(matches(n, p.cookies ?? [])).toBe(true)
    for (const n of ['session', 'consentry', 'cart', '_gaming', 'php_session']) expect(matches(n, p.cookies ?? [])).toBe(false)
  })

  it('localStorage keys of the analytics SDKs are listed for cleanup', () => {
    expect(matches('ph_phc_abc_posthog', presets.posthog.localStorage!)).toBe(true)
    expect(matches('ajs_user_traits', presets.segment.localStorage!)).toBe(true)
    expect(matches('AMP_unsent_0123456789', presets.amplitude.localStorage!)).toBe(true)
    expect(matches('hjViewportId', presets.hotjar.localStorage!)).toBe(true)
    expect(matches('cart', presets.segment.localStorage!)).toBe(false)
  })
})
