import { describe, expect, it } from 'vitest'
import { toGlobs, toJson, toModule } from './index.js'
import type { ConsentryConfig } from '../config/index.js'

describe('writing the converted config', () => {
  it('turns the usual RegExps into * patterns, and refuses what a pattern cannot say', () => {
    expect(toGlobs(/^_ga/)).toEqual(['_ga*'])
    expect(toGlobs(/^_ga_.*$/)).toEqual(['_ga_*'])
    expect(toGlobs(/^_pk_id\./)).toEqual(['_pk_id.*'])
    expect(toGlobs(/^(_ga|_gid)$/)).toEqual(['_ga', '_gid'])
    expect(toGlobs(/^_pk_(id|ses)\./)).toEqual(['_pk_id.*', '_pk_ses.*'])
    expect(toGlobs(/_hj/)).toEqual(['*_hj*'])
    expect(toGlobs(/^_ga/i)).toBeNull()
    expect(toGlobs(/^_ga\d+$/)).toBeNull()
    expect(toGlobs(/^[a-z]+$/)).toBeNull()
    expect(toGlobs(/^a.b$/)).toBeNull()
  })

  const config: ConsentryConfig = {
    categories: [{ id: 'analytics', services: [{ id: 'ga', cookies: [/^_ga/, '_gid', /^x\d/] }] }],
    ui: { text: { '*': {}, en: { bannerTitle: 'Hi' }, de: { bannerTitle: 'Hallo' } }, translations: [{ lang: 'tr', dir: 'ltr' }] },
  }

  it('JSON: patterns for RegExps, and a warning for each left out', () => {
    const { text, warnings } = toJson(config)
    expect(JSON.parse(text).categories[0].services[0].cookies).toEqual(['_ga*', '_gid'])
    expect(warnings).toEqual([expect.stringMatching(/^ga\.cookies: \/\^x\\d\/.*--format js/)])
  })

  it('JS: an ES module that keeps RegExps and imports the shipped languages it has texts for', async () => {
    const text = toModule(config)
    expect(text).toContain("import { de } from 'consentry/i18n'")
    expect(text).toContain('cookies: [\n')
    expect(text).toMatch(/\/\^_ga\/,\n\s+"_gid",\n\s+\/\^x\\d\//)
    // Evaluate it with the import replaced by a stand-in, as a bundler would resolve it.
    const body = text.replace(/^import .*$/m, "const de = { lang: 'de' }").replace('export default', 'return')
    const out = new Function(body)() as ConsentryConfig
    expect(out.ui!.translations).toEqual([{ lang: 'tr', dir: 'ltr' }, { lang: 'de' }])
    expect(out.categories[0]!.services![0]!.cookies).toEqual([/^_ga/, '_gid', /^x\d/])
    expect(out.ui!.text).toEqual(config.ui!.text)
  })
})
