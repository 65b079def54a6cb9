// The Google Tag Manager Community Template (gtm/template.tpl) installs Consentry on the page and follows it, within
// the permissions it declares (an undeclared use throws, as GTM refuses it).
import { describe, expect, it } from 'vitest'
import { encodeRecord } from '../../src/record/index.js'
import { readConsent } from '../../src/server/index.js'
import { declaredPermissions, PermissionError, type Run, type Template } from './gtm-sandbox/index.js'
import { CONFIG, data, defaults, expected, NOW, page, record, run, template, updates } from './gtm-template-fixtures.js'

describe('Consentry on the page', () => {
  it('gets its configuration in window.consentryConfig and is injected from the configured URL', () => {
    const p = page()
    const result = run(data(), p)
    expect(p.window.consentryConfig).toEqual(CONFIG)
    expect(result.calls.find((c) => c.api == 'injectScript')!.args[0]).toBe(defaults().scriptUrl)
    expect(result.calls.at(-1)!.api).toBe('gtmOnSuccess')
  })

  it("leaves a configuration the page set itself", () => {
    const p = page()
    p.window.consentryConfig = { categories: [{ id: 'mine' }] }
    run(data(), p)
    expect(p.window.consentryConfig).toEqual({ categories: [{ id: 'mine' }] })
  })

  it("'ready' and every 'change' become updateConsentState with the mapped types", () => {
    const p = page()
    const result = run(data(), p)
    expect(Object.keys(p.listeners).sort()).toEqual(['change', 'ready'])
    const undecided = readConsent(undefined, CONFIG, { now: NOW })
    p.listeners.ready!.forEach((cb) => cb(undecided))
    const accepted = readConsent(`consentry=${encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } }))}`, CONFIG, { now: NOW })
    p.listeners.change!.forEach((cb) => cb(accepted))
    const optedOut = readConsent(`consentry=${encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true }, optOut: { sale: true, sharing: true, targetedAds: false, sensitive: false } }))}`, CONFIG, { now: NOW })
    p.listeners.change!.forEach((cb) => cb(optedOut))
    expect(updates(result)).toEqual([
      expected(undecided.categories, undecided.optOut),
      expected(accepted.categories, accepted.optOut),
      expected(optedOut.categories, optedOut.optOut),
    ])
    expect(updates(result)[1]).toMatchObject({ ad_storage: 'granted', analytics_storage: 'granted' })
    expect(updates(result)[2]).toMatchObject({ ad_storage: 'granted', ad_user_data: 'denied', ad_personalization: 'denied' })
  })

  it('something that is not a snapshot changes nothing', () => {
    const p = page()
    const result = run(data(), p)
    for (const bad of [undefined, null, 'granted', { categories: 'all' }, []]) p.listeners.change!.forEach((cb) => cb(bad))
    expect(updates(result)).toEqual([])
  })

  it('a script that does not load fails the tag, and the defaults stay', () => {
    const result = run(data(), { onInject: () => false })
    expect(result.calls.map((c) => c.api)).toContain('gtmOnFailure')
    expect(result.calls.map((c) => c.api)).not.toContain('gtmOnSuccess')
    expect(result.logs.join(' ')).toMatch(/could not load/)
  })

  it('a configuration that is not JSON: defaults set, nothing installed, the tag fails', () => {
    const result = run(data({ config: '{ "categories": ' }), page())
    expect(result.calls.map((c) => c.api)).toEqual(expect.arrayContaining(['setDefaultConsentState', 'logToConsole', 'gtmOnFailure']))
    expect(result.calls.map((c) => c.api)).not.toContain('injectScript')
  })
})

describe('permissions', () => {
  /** Everything the template can do in one page's life. */
  const everything = (t: Template = template) => {
    const usage = new Set<string>()
    const all = (r: Run) => r.usage.forEach((u) => usage.add(u))
    const p = page()
    const stored = encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } }))
    const r = run(data(), { ...p, cookies: { consentry: [stored] } }, t)
    p.listeners.change?.forEach((cb) => cb(readConsent(`consentry=${stored}`, CONFIG, { now: NOW })))
    all(r)
    all(run(data({ scriptUrl: 'https://unpkg.com/consentry@0.1.0/dist/consentry.min.js' }), page(), t))
    all(run(data({ config: 'not json' }), page(), t))
    return usage
  }

  it('each declared permission is exercised: none is broader than the code needs', () => {
    expect([...everything()].sort()).toEqual([...new Set(declaredPermissions(template))].sort())
  })

  it('a call outside the declared permissions throws, as GTM refuses it', () => {
    const without = (publicId: string): Template => ({ ...template, permissions: template.permissions.filter((p) => p.publicId != publicId) })
    for (const id of ['access_consent', 'write_data_layer', 'inject_script', 'access_globals']) {
      expect(() => everything(without(id)), id).toThrow(PermissionError)
    }
    expect(() => run(data({ config: 'not json' }), page(), without('logging'))).toThrow(PermissionError)
  })

  it('one consent type, one window key or one URL fewer is enough to fail', () => {
    const narrowed = (publicId: string, key: string, keep: (item: unknown) => boolean): Template => ({
      ...template,
      permissions: template.permissions.map((p) => (p.publicId == publicId ? { ...p, params: { ...p.params, [key]: (p.params[key] as unknown[]).filter(keep) } } : p)),
    })
    expect(() => everything(narrowed('access_consent', 'consentTypes', (r) => (r as { consentType: string }).consentType != 'ad_user_data'))).toThrow(/ad_user_data/)
    expect(() => everything(narrowed('access_consent', 'consentTypes', (r) => (r as { consentType: string }).consentType != 'wait_for_update'))).toThrow(/wait_for_update/)
    expect(() => everything(narrowed('access_globals', 'keys', (r) => (r as { key: string }).key != 'Consentry.on'))).toThrow(/Consentry\.on/)
    expect(() => run(data({ scriptUrl: 'https://evil.example/consentry.min.js' }), page())).toThrow(/inject script/)
    expect(() => run(data({ scriptUrl: 'http://cdn.jsdelivr.net/npm/consentry@0/dist/consentry.min.js' }), page())).toThrow(PermissionError)
  })

  it('without the cookie permission (or with another cookie name) the stored decision is not read, and the template says why', () => {
    const stored = { consentry: [encodeRecord(record({ categories: { necessary: true, analytics: true, marketing: true } }))], other: ['x'] }
    const noCookies: Template = { ...template, permissions: template.permissions.filter((p) => p.publicId != 'get_cookies') }
    for (const [t, name] of [[noCookies, 'consentry'], [template, 'other']] as const) {
      const result = run(data({ cookieName: name }), { ...page(), cookies: stored }, t)
      expect(updates(result)).toEqual([])
      expect(result.calls.map((c) => c.api)).not.toContain('getCookieValues')
      expect(result.logs.join(' ')).toMatch(/no permission to read the cookie/)
    }
  })
})
