// A small public surface (issue #19): every entry point exports only what a user calls, at most 20 runtime names,
// in its ESM and its CJS build alike. Each name is a promise kept across releases; internals stay in src/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/ui/i18n/pick.js'

const root = new URL('../../', import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))
const require = createRequire(import.meta.url)
const MAX = 20
/**
 * consentry/i18n is one export per language, named by its code and nothing else (test/dist/package.test.ts): a name
 * there is a language shipped, not a call to learn, so it has one per language.
 */
const maxFor = (entry: string) => (entry == 'consentry/i18n' ? LANGUAGES.length : MAX)

type Conditions = { import?: { default?: string }; require?: { default?: string } }
const ENTRIES = Object.entries(pkg.exports as Record<string, Conditions | string>)
  .filter((e): e is [string, Conditions] => typeof e[1] == 'object' && !!e[1].import?.default)
  .map(([sub, c]) => ({ name: sub == '.' ? 'consentry' : 'consentry/' + sub.slice(2), esm: c.import!.default!, cjs: c.require?.default }))

const names = (m: object) => Object.keys(m).filter((k) => k != 'default' && k != '__esModule')

describe('the public surface', () => {
  it('has the entries of the exports map', () => {
    expect(ENTRIES.map((e) => e.name)).toEqual(expect.arrayContaining(['consentry', 'consentry/headless', 'consentry/destinations', 'consentry/presets', 'consentry/server']))
  })

  it.each(ENTRIES.map((e) => [e.name, maxFor(e.name), e] as const))('%s exports at most %i runtime names', async (_, max, e) => {
    const esm = names(await import(pathToFileURL(new URL(e.esm, root).pathname).href))
    expect(esm.length, esm.join(' ')).toBeLessThanOrEqual(max)
    if (e.cjs) expect(names(require(new URL(e.cjs, root).pathname)).sort()).toEqual(esm.sort())
  }, 60_000)

  it('reads the names a user imports (consentry/headless: the API of the contract)', async () => {
    const headless = ENTRIES.find((e) => e.name == 'consentry/headless')!
    const api = ['init', 'get', 'has', 'whenGranted', 'acceptAll', 'rejectAll', 'set', 'optOut', 'reset', 'show', 'showPreferences', 'hide', 'on']
    expect(names(await import(pathToFileURL(new URL(headless.esm, root).pathname).href))).toEqual(expect.arrayContaining(api))
  })
})
