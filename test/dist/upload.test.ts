// What a script-tag site uploads, as the docs tell it and as the build makes it: the README's list is every file
// consentry.min.js fetches, every page that shows the script tag names them, and consentry.all.min.js carries them all.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/ui/i18n/pick.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = join(root, 'dist')
const read = (file: string) => readFileSync(join(root, file), 'utf8')

/** The first token of each line of the first code block after "Without a build step" in the README. */
const readmeList = (): string[] => {
  const text = read('README.md')
  const block = /```text\n([\s\S]*?)```/.exec(text.slice(text.indexOf('Without a build step')))
  return block ? block[1]!.trim().split('\n').map((line) => line.split(/\s+/)[0]!) : []
}

const markdown = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    return statSync(join(root, path)).isDirectory() ? markdown(path) : name.endsWith('.md') ? [path] : []
  })

/**
 * The files beside the script tag, as the build makes them: the on-demand modules and the languages' folder. The sync
 * outbox is not one of them: consentry-destinations.min.js fetches it, and the destinations page says so (below).
 */
const SYNC = 'consentry-sync.mjs'
const ON_DEMAND = [...readdirSync(dist).filter((f) => /^consentry-[\w-]+\.mjs$/.test(f) && f != SYNC), 'i18n/']

describe('the files a script-tag site uploads', () => {
  it("the README lists consentry.min.js and every file it fetches on demand, and each is in dist/", () => {
    expect(ON_DEMAND).toEqual(expect.arrayContaining(['consentry-preferences.mjs', 'consentry-extras.mjs', 'consentry-signals.mjs', 'i18n/']))
    expect(readmeList().sort()).toEqual(['consentry.min.js', ...ON_DEMAND].sort())
    for (const f of readmeList()) expect(existsSync(join(dist, f)), f).toBe(true)
    expect(readdirSync(join(dist, 'i18n')).filter((f) => f.endsWith('.mjs'))).toHaveLength(LANGUAGES.length)
  })

  it('the sync outbox is in dist/ beside the destinations file, and the destinations page says to upload it with it', () => {
    expect(existsSync(join(dist, SYNC))).toBe(true)
    expect(readFileSync(join(dist, 'consentry-destinations.min.js'), 'utf8')).toContain(SYNC)
    expect(read('docs/destinations.md')).toMatch(/upload `consentry-sync\.mjs`[\s\S]{0,120}?beside `consentry-destinations\.min\.js`/)
  })

  it('every page of the docs that shows the script tag says which files go beside it, and names the single file', () => {
    // A script tag in an example (at the start of a line), not one quoted in a sentence or a table.
    const pages = ['README.md', ...markdown('docs')].filter((f) => /^\s*<script src="[^"]*consentry(\.strict)?\.min\.js"/m.test(read(f)))
    // The recipes that show the tag, at least.
    expect(pages.map((f) => relative('docs/recipes', f)).filter((f) => !f.startsWith('..')).sort()).toEqual(
      ['csp.md', 'ga4.md', 'gpp-stub.md', 'meta.md', 'posthog.md', 'segment.md'],
    )
    for (const page of pages)
      for (const name of [...ON_DEMAND, 'consentry.all.min.js']) expect(read(page), `${page} names ${name}`).toContain(name)
  })

  it('consentry.all.min.js is one classic script: no import, every language inside', async () => {
    const all = readFileSync(join(dist, 'consentry.all.min.js'), 'utf8')
    // An IIFE: no dynamic import left to fetch, no module syntax.
    expect(all.startsWith('!function(){')).toBe(true)
    expect(/\bimport\s*\(/.test(all)).toBe(false)
    expect(/(^|[;}])\s*(import|export)[\s{*]/m.test(all)).toBe(false)
    // Strict-CSP-safe as the split build (its Preact, as in consentry-preferences.mjs, never gets markup from us).
    expect(all).not.toMatch(/\beval\(|new Function|Function\(|process\.env/)
    const i18n = await import(new URL('../../dist/i18n.mjs', import.meta.url).href)
    for (const lang of LANGUAGES)
      expect(all, lang).toContain(JSON.stringify(i18n[lang].preferencesTitle).slice(1, -1))
    // The preferences centre's and the extras' styles: both parts are inside.
    expect(all).toContain('.prefs{')
    expect(all).toContain('.fab{position:fixed')
  })
})
