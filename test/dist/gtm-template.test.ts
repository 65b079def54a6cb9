// The Google Tag Manager Community Template (gtm/template.tpl), run in a local
// stand-in for GTM's sandbox (./gtm-sandbox.ts) against Consentry's own cookie
// encoder and snapshot logic.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'
import { encodeRecord, type ConsentRecord } from '../../src/record/index.js'
import { readConsent } from '../../src/server/index.js'
import { resolveConfig } from '../../src/config/index.js'
import { CONSENT_TYPES } from '../../src/destinations/google.js'
import {
  checkSyntax, declaredPermissions, parseTemplate, PermissionError, runScenarios, runTemplate,
  type Run, type RunOptions, type Template,
} from './gtm-sandbox.js'

const TEXT = readFileSync(new URL('../../gtm/template.tpl', import.meta.url), 'utf8')
const template = parseTemplate(TEXT)
const TYPES = Object.keys(CONSENT_TYPES)
const NOW = Date.UTC(2026, 10, 25, 10)
const DAY = 864e5

type Param = { type: string; name: string; defaultValue?: unknown; subParams?: Param[]; simpleTableColumns?: { name: string }[] }
const flat = (ps: Param[]): Param[] => ps.flatMap((p) => (p.type == 'GROUP' ? flat(p.subParams ?? []) : p.type == 'LABEL' ? [] : [p]))
const PARAMS = flat(template.parameters as Param[])

/** What a tag of this template holds when nobody changes a field. */
const defaults = (): Record<string, unknown> => Object.fromEntries(PARAMS.map((p) => [p.name, structuredClone(p.defaultValue)]))
const data = (over: Record<string, unknown> = {}) => ({ ...defaults(), ...over })
const CONFIG = JSON.parse(defaults().config as string)

const record = (over: Partial<ConsentRecord>): ConsentRecord => ({
  id: '0b8e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b', createdAt: NOW - 3 * DAY, updatedAt: NOW - DAY, revision: CONFIG.revision,
  categories: { necessary: true, analytics: false, marketing: false }, services: {}, method: 'banner', mode: 'opt-in',
  jurisdiction: 'EU', gpc: false, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, ...over,
})

/** A page whose Consentry script, once injected, lets listeners subscribe. */
const page = () => {
  const listeners: Record<string, ((s: unknown) => void)[]> = {}
  const window: Record<string, unknown> = {}
  const onInject = (_url: string, w: Record<string, unknown>) => {
    w.Consentry = { on: (event: string, cb: (s: unknown) => void) => void (listeners[event] ??= []).push(cb) }
  }
  return { listeners, window, onInject }
}

const run = (d: Record<string, unknown> = data(), options: RunOptions = {}, t: Template = template): Run => runTemplate(t, d, { now: NOW, ...options })
const updates = (r: Run) => r.calls.filter((c) => c.api == 'updateConsentState').map((c) => c.args[0])

/** Consent Mode states for a Consentry snapshot, by the template's default mapping (the same as Consentry's googleConsentMode). */
const expected = (categories: Record<string, boolean>, optOut: { sale: boolean; sharing: boolean; targetedAds: boolean }) => {
  const rows = defaults().mapping as { consentType: string; categories: string }[]
  const optedOut = optOut.sale || optOut.sharing || optOut.targetedAds
  return Object.fromEntries(rows.map((r) => {
    const ids = r.categories.split(',').map((s) => s.trim())
    const granted = !(optedOut && (r.consentType == 'ad_user_data' || r.consentType == 'ad_personalization')) && ids.some((id) => categories[id] === true)
    return [r.consentType, granted ? 'granted' : 'denied']
  }))
}

describe('the .tpl file', () => {
  it('has the Community Template Gallery sections, JSON where GTM writes JSON', () => {
    expect(Object.keys(template.sections)).toEqual([
      'TERMS_OF_SERVICE', 'INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS', 'TESTS', 'NOTES',
    ])
    expect(template.info).toMatchObject({ type: 'TAG', id: 'cvt_temp_public_id', version: 1, securityGroups: [], containerContexts: ['WEB'] })
    expect(template.info.displayName).toBeTruthy()
    expect(template.info.description).toMatch(/Consent Initialization/)
    for (const p of template.permissions) expect(p.publicId).toMatch(/^[a-z_]+$/)
    expect(template.tests.scenarios.length).toBeGreaterThanOrEqual(8)
  })

  it('gtm/metadata.yaml has what the gallery reads: homepage, documentation, a commit per version', () => {
    const load = createRequire(import.meta.url)('js-yaml').load as (text: string) => { homepage: string; documentation: string; versions: { sha: string; changeNotes: string }[] }
    const meta = load(readFileSync(new URL('../../gtm/metadata.yaml', import.meta.url), 'utf8'))
    expect(meta.homepage).toMatch(/^https:\/\//)
    expect(meta.documentation).toMatch(/^https:\/\//)
    expect(meta.versions.length).toBeGreaterThan(0)
    for (const v of meta.versions) expect(v).toMatchObject({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), changeNotes: expect.any(String) })
  })

  it('rejects a file with a section missing', () => {
    expect(() => parseTemplate(TEXT.replace('___WEB_PERMISSIONS___', '___WEB_PERMISSION___'))).toThrow(/WEB_PERMISSIONS/)
    expect(() => parseTemplate(TEXT.replace('"type": "TAG",', '"type": TAG,'))).toThrow(SyntaxError)
  })

  it('uses every parameter, and reads no data field it does not declare', () => {
    const used = new Set<string>()
    const visit = (n: Record<string, unknown>) => {
      if (n.type == 'MemberExpression' && (n.object as { name?: string }).name == 'data') {
        const p = n.property as { name?: string; value?: string }
        used.add(n.computed ? p.value! : p.name!)
      }
      for (const v of Object.values(n)) {
        if (Array.isArray(v)) v.forEach((c) => c && typeof c.type == 'string' && visit(c))
        else if (v && typeof (v as { type?: unknown }).type == 'string') visit(v as Record<string, unknown>)
      }
    }
    visit(parse(template.code, { ecmaVersion: 2022, allowReturnOutsideFunction: true }) as unknown as Record<string, unknown>)
    used.delete('gtmOnSuccess')
    used.delete('gtmOnFailure')
    expect([...used].sort()).toEqual(PARAMS.map((p) => p.name).sort())
    // Table columns are read from each row, by name or through the list of consent types.
    for (const p of PARAMS) for (const col of p.simpleTableColumns ?? []) {
      expect(template.code.includes('.' + col.name) || template.code.includes(`'${col.name}'`), `${p.name}.${col.name}`).toBe(true)
    }
  })

  it('defaults agree with Consentry: cookie name, mapping, script URL allowed', () => {
    const d = defaults()
    expect(d.cookieName).toBe(resolveConfig(CONFIG).cookie.name)
    const mapping = Object.fromEntries((d.mapping as { consentType: string; categories: string }[]).map((r) => [r.consentType, r.categories.split(', ')]))
    expect(mapping).toEqual({ ...CONSENT_TYPES, security_storage: ['necessary'] })
    expect(() => resolveConfig(CONFIG)).not.toThrow()
    expect(() => run(data(), page())).not.toThrow()
  })
})

describe('the sandbox subset', () => {
  it('the template code and its scenarios are within it', () => {
    expect(checkSyntax(template.code)).toEqual([])
  })

  it.each([
    ['new', 'const d = new Date();'],
    ['this', 'const f = function () { return this; };'],
    ['template literal', 'const s = `a${data.x}`;'],
    ['a removed string method', "const c = 'a'.charCodeAt(0);"],
    ['a removed array method', 'const x = [1].find((n) => n > 0);'],
    ['bitwise operators', 'const x = data.a | 0;'],
    ['window globals', 'const w = window.location;'],
    ['parseInt', "const n = parseInt('1', 36);"],
    ['regular expressions', "const ok = /a/.test('a');"],
    ['try/catch', 'try { data.x(); } catch (e) {}'],
    ['destructuring', 'const { a } = data;'],
    ['spread', 'const xs = [...data.list];'],
    ['shorthand properties', 'const a = 1; const o = { a };'],
  ])('refuses %s', (_what, code) => {
    expect(checkSyntax(code)).not.toEqual([])
    expect(() => runTemplate({ ...template, code }, data())).toThrow(SyntaxError)
  })

  it('allows arrow functions, const and let, and calling a function kept in an object', () => {
    expect(checkSyntax("const f = (x) => x + 1; let o = { g: f }; o.g(1); require('getType')(o);")).toEqual([])
  })
})

describe("the template's own ___TESTS___", () => {
  const results = runScenarios(template)
  it.each(template.tests.scenarios.map((s) => [s.name]))('%s', (name) => {
    const result = results.find((r) => r.name == name)!
    expect(result.error).toBeUndefined()
    expect(result.passed).toBe(true)
  })

  it('fail when the template is broken', () => {
    const broken = { ...template, code: template.code.replace('if (stored) updateConsentState', 'if (false) updateConsentState') }
    const failed = runScenarios(broken).filter((r) => !r.passed).map((r) => r.name)
    expect(failed).toContain('A returning visitor who accepted everything is granted at once')
    const noDefaults = { ...template, code: template.code.replace('setDefaultConsentState(state);', '') }
    expect(runScenarios(noDefaults).filter((r) => !r.passed).length).toBeGreaterThan(0)
  })
})

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
