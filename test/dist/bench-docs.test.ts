// docs/benchmark.md quotes the last `npm run bench` exactly: its tables are what
// bench/results.json says, rendered by the same code the bench prints with. Reads two
// files; never runs the bench.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MARKERS, METRICS, SCENARIOS, between, render } from '../../bench/report.mjs'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const docs = read('docs/benchmark.md')
const results = JSON.parse(read('bench/results.json'))

describe('docs/benchmark.md', () => {
  it('quotes the tables of bench/results.json exactly', () => {
    expect(docs.split(MARKERS[0])).toHaveLength(2)
    expect(between(docs, MARKERS)).toBe(`_Latest run: ${results.date.slice(0, 16).replace('T', ' ')} UTC._\n\n${render(results)}`)
  })

  it('shows the figures themselves, not just a table shape', () => {
    // A rendering bug that dropped the numbers would still match itself; the medians must be there.
    const median = results.scenarios.first.metrics.banner.consentry.median.toFixed(0)
    expect(between(docs, MARKERS)).toContain(`| Banner visible (from navigation start) | — | ${median} ms (`)
  })
})

describe('bench/results.json', () => {
  it('has every scenario, with Consentry, vanilla-cookieconsent, the page without any SDK and the floor side by side', () => {
    expect(Object.keys(results.scenarios).sort()).toEqual(SCENARIOS.map((s) => s[0]).sort())
    expect(results.sdks.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['none', 'consentry', 'consentry-all', 'vanilla-cookieconsent', 'floor']))
    // Only the SDKs that show one are held to the banner's rows.
    expect(results.sdks.filter((s: { banner: boolean }) => !s.banner).map((s: { id: string }) => s.id).sort()).toEqual(['floor', 'none'])
  })

  it('has at least 15 measured runs per cell, each with every metric of its table', () => {
    expect(results.runsPerCell).toBeGreaterThanOrEqual(15)
    for (const [id, scenario] of Object.entries<any>(results.scenarios)) {
      for (const sdk of results.sdks) {
        const runs = scenario.runs[sdk.id]
        expect(runs, `${id} ${sdk.id}`).toHaveLength(results.runsPerCell)
        for (const run of runs)
          for (const key of METRICS[id]!) {
            // The page without any SDK, and the floor (bench/floor.js), have no banner and nothing to click.
            if (!sdk.banner && (key == 'banner' || key == 'clickToCookie')) continue
            expect(typeof run[key], `${id} ${sdk.id} ${key}`).toBe('number')
          }
      }
    }
  })

  it('has every tag run on the returning visit to the page with 200 tags, for each SDK that starts them', () => {
    // bench/lib.mjs fails a visit where fewer ran; this says the committed run is such a run, not one of an empty page.
    const scenario = results.scenarios['returning-blocked']
    for (const sdk of results.sdks) {
      const ran = scenario.runs[sdk.id].map((r: { ran: number }) => r.ran)
      expect(new Set(ran), sdk.id).toEqual(new Set([sdk.banner ? 200 : 0]))
    }
  })

  it('counts the bytes of every file each SDK fetched', () => {
    for (const sdk of results.sdks) expect(sdk.gzipBytes).toBe(sdk.files.reduce((n: number, f: { gzipBytes: number }) => n + f.gzipBytes, 0))
  })
})

describe('docs/benchmark.md, the records service', () => {
  it('quotes bench/records-results.json exactly, rendered as npm run bench:records prints it, with both engines', async () => {
    const { DOCS_END, DOCS_START, render } = await import('../../bench/records/report.mjs')
    const records = JSON.parse(read('bench/records-results.json'))
    expect(docs.split(DOCS_START)).toHaveLength(2)
    expect(docs.slice(docs.indexOf(DOCS_START) + DOCS_START.length, docs.indexOf(DOCS_END)).trim()).toBe(render(records))
    expect(records.engines).toEqual([expect.stringMatching(/^PGlite /), expect.stringMatching(/^PostgreSQL /)])
    // The kill -9 guarantee held in the run the docs quote.
    for (const k of records.kill) expect([k.lost, k.duplicates, k.missingAfterResend, k.duplicatesAfterResend]).toEqual([0, 0, 0, 0])
  })
})
