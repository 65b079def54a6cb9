// Every byte figure the docs quote for Consentry's own files is size-limit's current figure.
// The convention (markers, rounding) is described in scripts/doc-sizes.mjs and docs/sizes.md.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkText, docFiles, findFigures, rewriteText, sizeLimitEntries, type SizeLimitEntry } from '../../scripts/doc-sizes.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))

const ENTRIES: SizeLimitEntry[] = [
  { name: 'consentry/headless: own code (nanostores and js-cookie stay external)', size: 5394, sizeLimit: 5400 },
  { name: 'consentry/headless: with nanostores and js-cookie', size: 6218, sizeLimit: 6300 },
  { name: 'consentry: engine and banner', size: 12801, sizeLimit: 13000 },
  { name: 'consentry/server', size: 4231, sizeLimit: 4500 },
  { name: 'dist/consentry.min.js (script tag)', size: 12311, sizeLimit: 12350 },
  { name: 'dist/consentry.strict.min.js (script tag with the network guard)', size: 13518, sizeLimit: 13600 },
  { name: 'consentry/presets: one preset (youtube)', size: 262, sizeLimit: 280 },
]

describe('the byte-figure checker', () => {
  it('passes figures that match, at the precision they are written with', () => {
    const text = [
      'The script tag is <!-- size: dist/consentry.min.js -->12.31 kB (budget <!-- limit: dist/consentry.min.js -->12.35 kB),',
      'about <!-- size: dist/consentry.min.js -->12.3 kB, one preset <!-- size: consentry/presets -->262 B,',
      '| `consentry/server` | <!-- size: consentry/server -->4.2 kB |',
      'the engine <!-- size: consentry -->12.80 kB, headless <!-- size: consentry/headless: own code -->5.39 kB.',
    ].join('\n')
    expect(findFigures(text).marked).toHaveLength(7)
    expect(checkText(text, ENTRIES)).toEqual([])
  })

  it('fails a stale figure, naming the file, the line, the entry and both values', () => {
    const stale = 'intro\nThe script tag is <!-- size: dist/consentry.min.js -->12.0 kB and the server <!-- size: consentry/server -->3.0 kB.'
    expect(checkText(stale, ENTRIES, 'README.md')).toEqual([
      'README.md:2: "dist/consentry.min.js" is 12311 bytes (12.3 kB); the docs say 12.0 kB',
      'README.md:2: "consentry/server" is 4231 bytes (4.2 kB); the docs say 3.0 kB',
    ])
  })

  it('fails a stale budget, and a figure off by one in the last printed digit', () => {
    expect(checkText('<!-- limit: consentry/server -->4.4 kB', ENTRIES)).toHaveLength(1)
    expect(checkText('<!-- size: dist/consentry.min.js -->12.32 kB', ENTRIES)).toHaveLength(1)
    expect(checkText('<!-- size: consentry/presets -->261 B', ENTRIES)).toHaveLength(1)
  })

  it('rewrites stale figures in place, keeping unit and precision, and leaves the rest of the text alone', () => {
    const stale = '| a | <!-- size: dist/consentry.min.js -->12.0 kB | ~<!-- size: consentry/presets -->250 B | <!-- not-size -->69 KB |'
    const fresh = rewriteText(stale, ENTRIES)
    expect(fresh).toBe('| a | <!-- size: dist/consentry.min.js -->12.3 kB | ~<!-- size: consentry/presets -->262 B | <!-- not-size -->69 KB |')
    expect(checkText(fresh, ENTRIES)).toEqual([])
  })

  it('refuses a key that names no entry, or several', () => {
    expect(checkText('<!-- size: dist/nope.js -->1 kB', ENTRIES)[0]).toContain('names no size-limit entry')
    expect(checkText('<!-- size: consentry/headless -->5.4 kB', ENTRIES)[0]).toContain('names 2 size-limit entries')
  })

  it('refuses an unmarked byte figure, and lets other figures through when marked as not Consentry’s build', () => {
    expect(checkText('vanilla-cookieconsent loads 15.5 KB.', ENTRIES)[0]).toContain('"15.5 KB" has no marker')
    expect(checkText('a 16 KB limit and 1,024 bytes', ENTRIES)).toHaveLength(2)
    const exempt = [
      'Klaro: <!-- not-size -->69 KB.',
      '<!-- not-sizes -->',
      '| vanilla-cookieconsent | 15.5 KB |',
      '| c15t | 59.8 KB |',
      '<!-- /not-sizes -->',
      '`limit: "12 KB"` in code is not read, nor is a fenced block:',
      '```js',
      "limit: '12 KB'",
      '```',
    ].join('\n')
    expect(checkText(exempt, ENTRIES)).toEqual([])
  })
})

describe('the docs', () => {
  let entries: SizeLimitEntry[] = []
  beforeAll(() => {
    entries = sizeLimitEntries(root)
  }, 300_000)

  it('are README.md and the pages under docs/', () => {
    const files = docFiles(root)
    expect(files[0]).toBe('README.md')
    expect(files).toContain('docs/sizes.md')
  })

  it('quote the script tag and the other main files with markers', () => {
    const keys = docFiles(root).flatMap((f) => findFigures(readFileSync(root + f, 'utf8')).marked.map((m) => m.key))
    for (const key of ['dist/consentry.min.js', 'dist/consentry-preferences.mjs', 'consentry/server', 'consentry/headless: own code'])
      expect(keys, key).toContain(key)
  })

  it('quote every byte figure as size-limit measures it now (fix with `node scripts/doc-sizes.mjs`)', () => {
    expect(entries.length).toBeGreaterThan(5)
    const problems = docFiles(root).flatMap((f) => checkText(readFileSync(root + f, 'utf8'), entries, f))
    expect(problems).toEqual([])
  })
})
