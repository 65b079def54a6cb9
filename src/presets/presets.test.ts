import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { init } from '../headless.js'
import { urlMatches } from '../blocking/match.js'
import { matches } from '../blocking/names.js'
import { freshPage } from '../testing/index.js'
import * as presets from './index.js'

const all = Object.values(presets)
const byId = (id: string) => all.find((p) => p.id == id)!
// The same test startBlocking applies to a script, iframe or image: the services whose hosts name the URL.
const blockedBy = (url: string) => all.filter((p) => (p.hosts ?? []).some((h) => urlMatches(url, h, 'https://www.example.com/'))).map((p) => p.id)

beforeEach(() => freshPage())
afterEach(() => vi.restoreAllMocks())

describe('service presets', () => {
  it('every preset is a valid service with no unknown field, ids unique across presets, each with hosts, a provider and a label', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const snapshot = await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'everything', services: all }] })
    expect(Object.keys(snapshot.services)).toHaveLength(15)
    expect(warn).not.toHaveBeenCalled()
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length)
    for (const p of all) expect([p.label, p.provider, p.description, p.hosts?.length]).not.toContain(undefined)
  })

  it.each([
    ['https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'google-analytics'],
    ['https://region1.google-analytics.com/g/collect?v=2', 'google-analytics'],
    ['https://www.google-analytics.com/g/collect?v=2', 'google-analytics'],
    ['https://analytics.google.com/g/collect?v=2', 'google-analytics'],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-XYZ', 'google-tag-manager'],
    ['https://www.googletagmanager.com/ns.html?id=GTM-XYZ', 'google-tag-manager'],
    ['https://www.googletagmanager.com/gtag/js?id=AW-123456', 'google-ads'],
    ['https://www.googleadservices.com/pagead/conversion.js', 'google-ads'],
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123/', 'google-ads'],
    ['https://www.google.com/maps/embed?pb=!1m18', 'google-maps'],
    ['https://www.google.com/maps/embed/v1/place?key=KEY&q=Space+Needle', 'google-maps'],
    ['https://maps.googleapis.com/maps/api/js?key=KEY&callback=initMap', 'google-maps'],
    ['https://connect.facebook.net/en_US/fbevents.js', 'meta-pixel'],
    ['https://www.facebook.com/tr?id=1&ev=PageView&noscript=1', 'meta-pixel'],
    ['https://www.facebook.com/tr/', 'meta-pixel'],
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
    ['https://api-eu.mixpanel.com/track/', 'mixpanel'],
    ['https://cdn.amplitude.com/libs/analytics-browser-2.0.0-min.js.gz', 'amplitude'],
    ['https://api2.amplitude.com/2/httpapi', 'amplitude'],
    ['https://api.eu.amplitude.com/2/httpapi', 'amplitude'],
    ['https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js', 'segment'],
    ['https://api.segment.io/v1/t', 'segment'],
    ['https://events.eu1.segmentapis.com/v1/t', 'segment'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube'],
    ['https://www.youtube.com/iframe_api', 'youtube'],
    ['https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg', 'youtube'],
    ['https://player.vimeo.com/video/76979871', 'vimeo'],
    ['https://player.vimeo.com/api/player.js', 'vimeo'],
  ])('%s belongs to %s, and only to it', (url, id) => {
    expect(blockedBy(url)).toEqual([id])
  })

  it('a combined Google tag (gtag/js?id=GT-…) waits for both Analytics and Ads, since it may carry either', () => {
    expect(blockedBy('https://www.googletagmanager.com/gtag/js?id=GT-ABC123').sort()).toEqual(['google-ads', 'google-analytics'])
  })

  it.each([
    'https://www.google.com/search?q=consent',
    'https://www.google.com/recaptcha/api.js',
    'https://fonts.googleapis.com/css2?family=Inter',
    'https://www.gstatic.com/recaptcha/releases/x/recaptcha__en.js',
    'https://example.com/gtag/js?id=G-1',
    'https://googletagmanager.com/gtag/js?id=G-1',
    'https://www.facebook.com/sharer/sharer.php?u=x',
    'https://www.facebook.com/travel',
    'https://vimeo.com/about',
    'https://www.linkedin.com/company/x',
    'https://notposthog.com/e/',
    'https://segment.com/pricing',
    'https://www.example.com/analytics.js',
  ])('%s belongs to no preset', (url) => {
    expect(blockedBy(url)).toEqual([])
  })

  it.each([
    ['google-analytics', ['_ga', '_ga_ABC123XYZ', '_gid', '_gat_UA-1']],
    ['google-ads', ['_gcl_au', '_gcl_aw', '_gcl_dc', '_gac_UA-1']],
    ['meta-pixel', ['_fbp', '_fbc']],
    ['tiktok-pixel', ['_ttp', '_tt_enable_cookie', 'ttcsid', 'ttcsid_C123']],
    ['linkedin-insight', ['li_fat_id']],
    ['microsoft-clarity', ['_clck', '_clsk']],
    ['hotjar', ['_hjSessionUser_123', '_hjSession_123', '_hjid']],
    ['posthog', ['ph_phc_abc123_posthog']],
    ['mixpanel', ['mp_0123abcd_mixpanel']],
    ['amplitude', ['AMP_a2dbce0e18', 'AMP_MKTG_a2dbce0e18', 'AMP_TEST_1700000000000', 'AMP_TLDTEST_1700000000000']],
    ['segment', ['ajs_anonymous_id', 'ajs_user_id', 'ajs_group_id']],
  ])('%s: its documented cookies are deleted, and unrelated ones are not', (id, names) => {
    const p = byId(id)
    for (const n of names) expect(matches(n, p.cookies ?? []), n).toBe(true)
    for (const n of ['session', 'consentry', 'cart', '_gaming', 'php_session', 'AMP_TOKEN', 'AMP_ECID_GOOGLE']) expect(matches(n, p.cookies ?? []), n).toBe(false)
  })

  it.each([
    ['posthog', ['ph_phc_abc_posthog', '__ph_opt_in_out_phc_abc'], ['posthog_settings']],
    ['mixpanel', ['mp_0123abcd_mixpanel', '__mpq_0123abcd_ev', '__mp_opt_in_out_0123abcd'], ['mp_settings']],
    ['amplitude', ['AMP_unsent_a2dbce0e18', 'AMP_remote_config_a2dbce0e18'], ['amplifier']],
    ['segment', ['ajs_anonymous_id', 'ajs_user_traits', 'ajs_group_properties'], ['cart']],
    ['hotjar', ['_hjUserAttributes', 'hjActiveViewportIds'], ['hjkl']],
  ])('%s: its documented localStorage keys are deleted, and the site’s own are not', (id, keys, others) => {
    const p = byId(id)
    for (const k of keys) expect(matches(k, p.localStorage ?? []), k).toBe(true)
    for (const k of [...others, 'consentry', 'theme']) expect(matches(k, p.localStorage ?? []), k).toBe(false)
  })

  it('each cookie a preset deletes is explained in its cookie table, each row with a purpose and a lifetime', () => {
    for (const p of all) {
      if (p.cookies?.length) expect(p.cookieTable?.length, p.id).toBeGreaterThan(0)
      for (const row of p.cookieTable ?? []) expect([row.name, row.purpose, row.lifetime].every(Boolean), p.id).toBe(true)
    }
  })

  it('embeds show their third-party cookies in the table but list none to delete (the page cannot)', () => {
    for (const p of [presets.youtube, presets.vimeo, presets.googleMaps]) {
      expect(p.cookies ?? [], p.id).toEqual([])
      expect(p.cookieTable?.length, p.id).toBeGreaterThan(0)
    }
  })
})
