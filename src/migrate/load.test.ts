import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromVanillaCookieConsent, loadConfig, LoadError } from './index.js'

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'test/dist/fixtures/vcc', name), 'utf8')
const load = (source: string, file = 'config.js') => loadConfig(source, file)

describe('loading a config file', () => {
  it('records CookieConsent.run({…}) from a browser script, also inside a load listener', () => {
    const { config, via } = load(fixture('run.js'))
    expect(via).toBe('run')
    expect(Object.keys((config as { categories: object }).categories)).toEqual(['necessary', 'analytics', 'ads'])
  })

  it('runs the docs\' ES module (UMD from a CDN) and a config module with export default', () => {
    expect(load(fixture('module.mjs'), 'module.mjs').via).toBe('run')
    const { config, via } = load(fixture('esm.mjs'), 'esm.mjs')
    expect(via).toBe('module')
    expect((config as { revision: number }).revision).toBe(1)
  })

  it('binds named and default imports of vanilla-cookieconsent to the recorder', () => {
    expect(load("import { run as start } from 'vanilla-cookieconsent'\nstart({ categories: { a: {} } })").via).toBe('run')
    expect(load("import CC from 'vanilla-cookieconsent';\nCC.run({ categories: { a: {} } })").via).toBe('run')
    expect(load('const c = { categories: { a: {} } }\nexport { c as default }').via).toBe('module')
    expect(load('export const cookieConsentConfig = { categories: { a: {} } }').via).toBe('module')
  })

  it('reads CommonJS and JSON', () => {
    expect(load(fixture('cjs.cjs'), 'cjs.cjs').via).toBe('commonjs')
    expect(load('module.exports.default = { categories: {} }').via).toBe('commonjs')
    const { config, via } = load(fixture('config.json'), 'config.json')
    expect(via).toBe('json')
    expect((config as { revision: number }).revision).toBe(3)
  })

  it('keeps RegExps and functions, which the converter then recognises across realms', () => {
    const { config } = load(fixture('run.js'))
    const { config: out, warnings } = fromVanillaCookieConsent(config)
    expect(out.categories[1]!.services![0]!.cookies).toEqual([/^(_ga|_gid)/])
    expect(warnings.some((w) => w.startsWith('onConsent:'))).toBe(true)
  })

  it('says what is wrong with a file it cannot read', () => {
    expect(() => load(fixture('broken.js'))).toThrow(/SyntaxError/)
    expect(() => load(fixture('not-a-config.js'))).toThrow(/found no config/)
    expect(() => load(fixture('endless.js'))).toThrow(/did not finish/)
    expect(() => load(fixture('v2.js'))).toThrow(/v2/)
    expect(() => load('{ "categories": ', 'c.json')).toThrow(/not valid JSON/)
    expect(() => load("import x from './other.js'\nexport default x")).toThrow(/other\.js/)
    expect(() => load('jQuery(function () {})')).toThrow(LoadError)
  })

  it('runs with no Node powers: no require, no process, no eval', () => {
    expect(() => load("require('fs')")).toThrow(/require is not defined/)
    expect(() => load('process.exit(1)')).toThrow(/process is not defined/)
    expect(() => load("eval('1')")).toThrow(/EvalError|disallowed/)
  })
})
