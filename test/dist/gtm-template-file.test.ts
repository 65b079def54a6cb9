// The Google Tag Manager Community Template (gtm/template.tpl): the file itself, the sandbox subset its code keeps
// to, and its own ___TESTS___, run in a local stand-in for GTM's sandbox (./gtm-sandbox/).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/index.js'
import { CONSENT_TYPES } from '../../src/destinations/google.js'
import { checkSyntax, parseTemplate, runScenarios, runTemplate } from './gtm-sandbox/index.js'
import { CONFIG, data, defaults, page, PARAMS, run, template, TEXT } from './gtm-template-fixtures.js'

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
