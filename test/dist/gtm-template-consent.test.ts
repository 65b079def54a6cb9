// The Google Tag Manager Community Template (gtm/template.tpl) sets Consent Mode's defaults, then updates them for a
// returning visitor from the consentry cookie, as Consentry's own cookie encoder and snapshot logic read it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeRecord, type ConsentRecord } from '../../src/record/index.js'
import { readConsent } from '../../src/server/index.js'
import { CONFIG, data, DAY, defaults, expected, NOW, page, record, run, TYPES, updates } from './gtm-template-fixtures.js'

describe('Consent Mode defaults', () => {
  it('go out before anything else: no update, cookie read or script before them', () => {
    const p = page()
    const r = run(data(), { ...p, cookies: { consentry: [encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } }))] } })
    const effects = r.calls.filter((c) => !['getType', 'makeInteger', 'getTimestampMillis', 'queryPermission'].includes(c.api)).map((c) => c.api)
    const rows = (defaults().defaults as unknown[]).length
    expect(effects.slice(0, rows)).toEqual(Array(rows).fill('setDefaultConsentState'))
    expect(effects.slice(rows)).not.toContain('setDefaultConsentState')
    expect(effects).toEqual(['setDefaultConsentState', 'gtagSet', 'gtagSet', 'getCookieValues', 'updateConsentState', 'setInWindow', 'injectScript', 'callInWindow', 'callInWindow', 'gtmOnSuccess'])
  })

  it('one per row, region-scoped rows with their regions, all with wait_for_update', () => {
    const eea = Object.fromEntries([['region', 'AT, BE ,DE,'], ...TYPES.map((t) => [t, 'denied'])])
    const us = { region: 'US-CA', ad_storage: 'granted', analytics_storage: 'granted', ad_user_data: '', security_storage: 'granted' }
    const r = run(data({ defaults: [eea, us], waitForUpdate: '2000', adsDataRedaction: true, urlPassthrough: true }), page())
    const defaultsSet = r.calls.filter((c) => c.api == 'setDefaultConsentState').map((c) => c.args[0])
    expect(defaultsSet).toEqual([
      { ...Object.fromEntries(TYPES.map((t) => [t, 'denied'])), region: ['AT', 'BE', 'DE'], wait_for_update: 2000 },
      { ad_storage: 'granted', analytics_storage: 'granted', security_storage: 'granted', region: ['US-CA'], wait_for_update: 2000 },
    ])
    expect(r.calls.filter((c) => c.api == 'gtagSet').map((c) => c.args)).toEqual([['ads_data_redaction', true], ['url_passthrough', true]])
  })

  it('wait_for_update 0 is left out', () => {
    const r = run(data({ waitForUpdate: '0' }), page())
    expect(r.calls.find((c) => c.api == 'setDefaultConsentState')!.args[0]).not.toHaveProperty('wait_for_update')
  })
})

describe('a returning visitor', () => {
  const cookie = (r: ConsentRecord) => ({ consentry: [encodeRecord(r)] })
  const decisions: [string, Partial<ConsentRecord>][] = [
    ['accepted', { categories: { necessary: true, analytics: true, marketing: true } }],
    ['rejected', { categories: { necessary: true, analytics: false, marketing: false } }],
    ['analytics only', { categories: { necessary: true, analytics: true, marketing: false } }],
    ['marketing only', { categories: { necessary: true, analytics: false, marketing: true } }],
    ['US opt-out, categories granted', { mode: 'opt-out', jurisdiction: 'US-CA', categories: { necessary: true, analytics: true, marketing: true }, optOut: { sale: true, sharing: true, targetedAds: true, sensitive: false } }],
    ['decided under a later revision', { revision: CONFIG.revision + 3, categories: { necessary: true, analytics: true, marketing: false } }],
  ]

  it.each(decisions)('%s: updated at once, as Consentry itself reads the cookie', (_name, over) => {
    const r = record(over)
    const snapshot = readConsent(`other=1; consentry=${encodeRecord(r)}`, CONFIG, { now: NOW })
    expect(snapshot.decided).toBe(true)
    const result = run(data(), { cookies: cookie(r) })
    expect(updates(result)).toEqual([expected(snapshot.categories, snapshot.optOut)])
  })

  it('the latest of several copies (path and domain variants) wins', () => {
    const older = encodeRecord(record({ updatedAt: NOW - 5 * DAY, categories: { necessary: true, analytics: true, marketing: true } }))
    const newer = encodeRecord(record({ updatedAt: NOW - DAY, categories: { necessary: true, analytics: false, marketing: false } }))
    const result = run(data(), { cookies: { consentry: [newer, older, 'garbage'] } })
    expect(updates(result)).toEqual([expected({ necessary: true }, record({}).optOut)])
  })

  it('categories the configuration no longer has grant nothing; necessary ones are on', () => {
    const r = record({ categories: { necessary: false, analytics: false, ads: true, marketing: false } })
    expect(updates(run(data(), { cookies: cookie(r) }))).toEqual([expected({ necessary: true }, r.optOut)])
  })

  it.each([
    ['absent', []],
    ['empty', ['']],
    ['garbage', ['necessary|analytics|marketing', '1', '%%%', 'x'.repeat(5000)]],
    ['another consent tool', ['{"analytics":true,"marketing":true}']],
    ['forged: a refusal turned into a grant', [encodeRecord(record({})).replace('|!marketing', '|marketing')]],
    ['checksum recomputed by hand, but wrong', [encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } })).replace(/\.[0-9a-z]+$/, '.0')]],
    ['from an older revision', [encodeRecord(record({ revision: CONFIG.revision - 1, categories: { necessary: true, analytics: true, marketing: true } }))]],
    ['past its lifetime', [encodeRecord(record({ updatedAt: NOW - 13 * 2629800000, createdAt: NOW - 13 * 2629800000, categories: { necessary: true, analytics: true, marketing: true } }))]],
    ['dated in the future', [encodeRecord(record({ updatedAt: NOW + 2 * DAY, createdAt: NOW, categories: { necessary: true, analytics: true, marketing: true } }))]],
    ['a foreign schema version', [encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } })).replace(/^2\./, '3.')]],
    ['URI-encoded separators', [encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } })).replace(/\|/g, '%7C')]],
    ['not ASCII', [encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } })).replace('EU', 'ÉU')]],
  ])('%s: no grant, defaults stay', (_name, values) => {
    for (const v of values) expect(readConsent(`consentry=${v}`, CONFIG, { now: NOW }).decided).toBe(false)
    const result = run(data(), { cookies: { consentry: values } })
    expect(updates(result)).toEqual([])
    expect(result.calls.filter((c) => c.api == 'setDefaultConsentState')).toHaveLength(1)
  })

  describe('a US opt-out never lapses (privacy-signals §9 item 32)', () => {
    const MONTH = 2629800000
    const optedOut = (over: Partial<ConsentRecord>, optOut: Partial<ConsentRecord['optOut']> = { sale: true, sharing: true, targetedAds: true }) =>
      record({ mode: 'opt-out', jurisdiction: 'US-CA', categories: { necessary: true, analytics: true, marketing: true }, optOut: { ...record({}).optOut, ...optOut }, ...over })
    /** Consentry's own reading of the same cookie, in an opt-in and an opt-out region. */
    const consentry = (r: ConsentRecord) => ['opt-in', 'opt-out'].map((mode) => readConsent(`consentry=${encodeRecord(r)}`, { ...CONFIG, mode }, { now: NOW }))

    it.each([
      ['14 months old', { createdAt: NOW - 14 * MONTH, updatedAt: NOW - 14 * MONTH }],
      ['decided under an older revision', { revision: CONFIG.revision - 1 }],
    ])('%s: the types the opt-out denies are denied at once, the others keep their defaults', (_name, over) => {
      const r = optedOut(over)
      const got = updates(run(data(), { cookies: { consentry: [encodeRecord(r)] } }))
      // marketing is the only category granting ad_storage, and it is marked optOut.
      expect(got).toEqual([{ ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }])
      for (const snapshot of consentry(r)) {
        expect(snapshot).toMatchObject({ decided: false, optOut: { sale: true, sharing: true, targetedAds: true } })
        expect(expected(snapshot.categories, snapshot.optOut)).toMatchObject(got[0]!)
      }
    })

    it('targeted advertising alone refuses no category: only ad_user_data and ad_personalization', () => {
      const r = optedOut({ createdAt: NOW - 14 * MONTH, updatedAt: NOW - 14 * MONTH }, { sale: false, sharing: false, targetedAds: true })
      expect(updates(run(data(), { cookies: { consentry: [encodeRecord(r)] } }))).toEqual([{ ad_user_data: 'denied', ad_personalization: 'denied' }])
    })

    it('a type some other category of the configuration grants is left to its default', () => {
      const config = { ...CONFIG, categories: [...CONFIG.categories, { id: 'ads' }] }
      const r = optedOut({ createdAt: NOW - 14 * MONTH, updatedAt: NOW - 14 * MONTH })
      expect(updates(run(data({ config: JSON.stringify(config) }), { cookies: { consentry: [encodeRecord(r)] } }))).toEqual([{ ad_user_data: 'denied', ad_personalization: 'denied' }])
    })

    it('the sensitive-data limit alone changes no Consent Mode type: defaults stay', () => {
      const r = optedOut({ createdAt: NOW - 14 * MONTH, updatedAt: NOW - 14 * MONTH }, { sale: false, sharing: false, targetedAds: false, sensitive: true })
      expect(updates(run(data(), { cookies: { consentry: [encodeRecord(r)] } }))).toEqual([])
    })
  })

  describe('what an opt-in decision asked about (fitRecord): what the configuration gained since puts it out of force', () => {
    type Cat = { id: string; necessary?: boolean; optOut?: boolean; services?: { id: string }[] }
    const base: Cat[] = CONFIG.categories
    const withServices = (ids: Record<string, string[]>, extra: Cat[] = []) => ({
      ...CONFIG,
      categories: [...base.map((c) => (ids[c.id] ? { ...c, services: ids[c.id]!.map((id) => ({ id })) } : c)), ...extra],
    })
    const accepted = { necessary: true, analytics: true, marketing: false }
    it.each([
      ['a category added since', withServices({}, [{ id: 'functional' }]), record({ categories: accepted }), false],
      ['a service added to the category the visitor allowed', withServices({ analytics: ['posthog', 'plausible'] }), record({ categories: accepted, services: { posthog: true } }), false],
      ['a service added to a category the visitor refused', withServices({ marketing: ['meta', 'tiktok'] }), record({ categories: accepted, services: { meta: false } }), true],
      ['a necessary category added', withServices({}, [{ id: 'security', necessary: true }]), record({ categories: accepted }), true],
      ['a category added since an opt-out-mode decision', withServices({}, [{ id: 'functional' }]), record({ mode: 'opt-out', jurisdiction: 'US-CA', categories: accepted }), true],
    ])('%s: the template reads it as Consentry does', (_name, config, r, inForce) => {
      const snapshot = readConsent(`consentry=${encodeRecord(r)}`, config, { now: NOW })
      expect(snapshot.decided).toBe(inForce)
      const got = updates(run(data({ config: JSON.stringify(config) }), { cookies: cookie(r) }))
      expect(got).toEqual(inForce ? [expected(snapshot.categories, snapshot.optOut)] : [])
    })
  })

  it('any cookie value: the template grants exactly what Consentry would (property, damaged and intact records)', () => {
    const base = fc.record({
      analytics: fc.boolean(), marketing: fc.boolean(), optedOut: fc.boolean(), age: fc.integer({ min: 0, max: 500 }),
      revision: fc.integer({ min: 0, max: 3 }), method: fc.constantFrom('banner', 'preferences', 'api', 'gpc', 'embed'),
    }).map((o) => encodeRecord(record({
      categories: { necessary: true, analytics: o.analytics, marketing: o.marketing }, revision: o.revision, method: o.method as ConsentRecord['method'],
      updatedAt: NOW - o.age * DAY, createdAt: NOW - o.age * DAY - DAY,
      optOut: { sale: o.optedOut, sharing: o.optedOut, targetedAds: o.optedOut, sensitive: false },
    })))
    const damaged = fc.tuple(base, fc.nat(), fc.constantFrom(...'.|!-0a9zA_'.split(''), 'é', ''))
      .map(([v, i, ch]) => v.slice(0, i % v.length) + ch + v.slice((i % v.length) + 1))
    // A Cookie header cannot carry ';' inside a value, so the comparison leaves it out.
    fc.assert(fc.property(fc.oneof(base, damaged, fc.string()).filter((v) => !v.includes(';')), (value) => {
      const snapshot = readConsent(`consentry=${value}`, CONFIG, { now: NOW })
      const got = updates(run(data(), { cookies: { consentry: [value] } }))
      const o = snapshot.optOut
      if (snapshot.decided) expect(got).toEqual([expected(snapshot.categories, o)])
      else if (o.sale || o.sharing || o.targetedAds) {
        // A stale decision with an opt-out: what the opt-out denies, as Consentry's snapshot, in either mode.
        expect(got).toHaveLength(1)
        expect(got[0]).toMatchObject({ ad_user_data: 'denied', ad_personalization: 'denied' })
        for (const mode of ['opt-in', 'opt-out']) {
          const s = readConsent(`consentry=${value}`, { ...CONFIG, mode }, { now: NOW })
          expect(expected(s.categories, s.optOut)).toMatchObject(got[0]!)
        }
      } else expect(got).toEqual([])
    }), { numRuns: 400 })
  })
})
