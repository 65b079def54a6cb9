// Runs against the built files in dist/, the way users get them (Node, no DOM).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/ui/i18n/pick.js'

const root = new URL('../../', import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))
const require = createRequire(root)
const PUBLIC = ['init', 'get', 'has', 'whenGranted', 'acceptAll', 'rejectAll', 'set', 'optOut', 'reset', 'show', 'showPreferences', 'hide', 'on', 'ConsentryError']
const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] }

describe('the published package', () => {
  it('has every file its exports map names', () => {
    const files: string[] = []
    const walk = (v: unknown) => (typeof v == 'string' ? files.push(v) : Object.values(v as object).forEach(walk))
    walk(pkg.exports)
    expect(files.length).toBeGreaterThan(10)
    for (const f of files) {
      // A subpath pattern ("./dist/i18n/*.mjs") stands for every language file.
      const file = f.replace('*', 'de')
      expect(existsSync(new URL(file, root)), f).toBe(true)
    }
  })

  it.each(['consentry', 'consentry/headless'])('%s exposes the contract API in ESM and CJS', async (name) => {
    const esm = await import(name)
    const cjs = require(name)
    for (const n of PUBLIC) {
      expect(typeof esm[n], `${name} (ESM) ${n}`).toBe('function')
      expect(typeof cjs[n], `${name} (CJS) ${n}`).toBe('function')
    }
    expect(esm.VERSION).toBe(pkg.version)
  })

  it('imports without a DOM and works in memory on a server', async () => {
    const { init, has, acceptAll, get } = await import('consentry/headless')
    await expect(init(CONFIG)).resolves.toMatchObject({ decided: false })
    acceptAll()
    expect(has('analytics')).toBe(true)
    expect(get().decided).toBe(true)
  })

  it('consentry/server reads a Cookie header in ESM and CJS', async () => {
    const { readConsent } = await import('consentry/server')
    const cjs = require('consentry/server')
    expect(readConsent('consentry=nonsense', CONFIG).decided).toBe(false)
    expect(cjs.readConsent(undefined, CONFIG).categories).toEqual({ necessary: true, analytics: false })
  })

  it('consentry/i18n exports every language by name, and the script tag finds each as a module', async () => {
    const i18n = await import('consentry/i18n')
    // The languages the script tag fetches from: each built as a module, and none that it does not know.
    expect(readdirSync(new URL('dist/i18n/', root)).filter((f) => f.endsWith('.mjs')).sort()).toEqual(LANGUAGES.map((l) => `${l}.mjs`).sort())
    expect(Object.keys(i18n).sort()).toEqual([...LANGUAGES].sort())
    for (const code of LANGUAGES) {
      expect(i18n[code as 'en'].lang).toBe(code)
      const file = await import(new URL(`dist/i18n/${code}.mjs`, root).href)
      expect(file[code]).toEqual(i18n[code as 'en'])
    }
  })

  it('the on-demand preferences module exports what the banner loads', async () => {
    const mod = await import(new URL('dist/consentry-preferences.mjs', root).href)
    expect(typeof mod.renderPreferences).toBe('function')
    expect(mod.PREFERENCES_CSS).toContain('.prefs')
  })

  it('the on-demand extras module exports what the first layer starts, and imports nothing', async () => {
    const mod = await import(new URL('dist/consentry-extras.mjs', root).href)
    for (const name of ['extras', 'startExtras', 'floatingButton', 'placeholders', 'notice', 'clean']) expect(typeof mod[name]).toBe('function')
    expect(mod.FAB_CSS).toContain('.fab')
    // Loaded by URL beside the script tag: it must not import anything (it would load a second engine).
    expect(readFileSync(new URL('dist/consentry-extras.mjs', root), 'utf8')).not.toMatch(/\bimport\s*[{*\w'"]/)
  })

  it('the sync outbox is a module of its own beside the destinations file, which carries none of it', async () => {
    const mod = await import(new URL('dist/consentry-sync.mjs', root).href)
    expect(typeof mod.outbox).toBe('function')
    const sync = readFileSync(new URL('dist/consentry-sync.mjs', root), 'utf8')
    // Loaded by URL beside the destinations file: it must not import anything either.
    expect(sync).not.toMatch(/\bimport\s*[{*\w'"]/)
    expect(sync).toContain('consentry-outbox')
    const destinations = readFileSync(new URL('dist/consentry-destinations.min.js', root), 'utf8')
    expect(destinations).not.toContain('consentry-outbox')
    expect(destinations).toContain('consentry-sync.mjs')
  })

  it('consentry/strict imports without a DOM and plugs in the network guard', async () => {
    const strict = await import('consentry/strict')
    expect(typeof strict.enableStrictBlocking).toBe('function')
    const cjs = createRequire(import.meta.url)('consentry/strict')
    expect(typeof cjs.enableStrictBlocking).toBe('function')
  })

  it('ships types for every entry, for import and require', () => {
    for (const entry of ['index', 'headless', 'server', 'i18n', 'strict'])
      for (const ext of ['d.ts', 'd.cts']) expect(existsSync(new URL(`dist/${entry}.${ext}`, root))).toBe(true)
    const types = readFileSync(new URL('dist/headless.d.ts', root), 'utf8')
    for (const n of [...PUBLIC, 'Snapshot', 'ConsentryConfig']) expect(types).toMatch(new RegExp(`\\b${n}\\b`))
  })

  it('the script-tag builds are CSP-safe: no eval, no Function constructor, no markup assigned, no inline styles, no process.env', () => {
    for (const file of ['consentry.min.js', 'consentry.strict.min.js', 'consentry-extras.mjs', 'consentry-destinations.min.js', 'consentry-sync.mjs']) {
      const code = readFileSync(new URL('dist/' + file, root), 'utf8')
      // (The HTML-string guard calls the page's own innerHTML setter on an inert template: never with our strings.)
      expect(code).not.toMatch(/\beval\(|new Function|Function\(|\.innerHTML\s*=|\.style\b|setAttribute\("style"|process\.env/)
      expect(existsSync(new URL(`dist/${file}.map`, root))).toBe(true)
    }
  })

  it('the script tag starts with V8\'s compile hint, on its first line, and its source map still lines up; the single file does not', () => {
    // Chromium reads `//# allFunctionsCalledOnLoad` only at the very top of a file (docs/speed.md).
    for (const file of ['consentry.min.js', 'consentry.strict.min.js', 'consentry.js']) {
      const [first, second] = readFileSync(new URL('dist/' + file, root), 'utf8').split('\n')
      expect([file, first]).toEqual([file, '//# allFunctionsCalledOnLoad'])
      expect(second).toMatch(/^(!function|\(function)/)
      // The map's first line (the comment) has no segments: the code's mappings start on line 2.
      const map = JSON.parse(readFileSync(new URL(`dist/${file}.map`, root), 'utf8'))
      expect(map.mappings.startsWith(';')).toBe(true)
    }
    expect(readFileSync(new URL('dist/consentry.all.min.js', root), 'utf8')).not.toContain('allFunctionsCalledOnLoad')
  })

  it('marks only the self-initialising script-tag builds as having side effects', () => {
    expect(pkg.sideEffects).toEqual(['./dist/consentry.min.js', './dist/consentry.strict.min.js', './dist/consentry.all.min.js', './dist/consentry.js', './dist/consentry-stub.min.js', './dist/consentry-destinations.min.js'])
  })
})
