// docs/benchmark.md quotes the last `npm run bench` exactly: its two tables are what
// bench/results.json and bench/compare.json say, rendered by the same code the bench
// prints with. Reads three files; never runs the bench.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MARKERS, between, docsBlocks } from '../../bench/report.mjs'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const docs = read('docs/benchmark.md')
const results = JSON.parse(read('bench/results.json'))
const compare = JSON.parse(read('bench/compare.json'))
const SDKS = ['consentry', 'vanilla-cookieconsent', 'klaro']

describe('docs/benchmark.md', () => {
  const expected = docsBlocks(results, compare)

  it('quotes the with/without table of bench/results.json exactly', () => {
    expect(docs.split(MARKERS.own[0])).toHaveLength(2)
    expect(between(docs, MARKERS.own)).toBe(expected.own)
  })

  it('quotes the comparison table of bench/compare.json exactly', () => {
    expect(docs.split(MARKERS.compare[0])).toHaveLength(2)
    expect(between(docs, MARKERS.compare)).toBe(expected.compare)
  })

  it('shows the figures themselves, not just a table shape', () => {
    // A rendering bug that dropped the numbers would still match itself; the medians must be there.
    const median = compare.metrics.banner.consentry.median.toFixed(0)
    expect(between(docs, MARKERS.compare)).toContain(`| Banner visible (from navigation start) | ${median} ms (`)
    expect(between(docs, MARKERS.own)).toContain(`${results.script.gzipBytes} B, level 9`)
  })
})

describe('bench/compare.json', () => {
  it('has at least 15 measured runs per SDK, each with every metric', () => {
    expect(compare.runsPerSdk).toBeGreaterThanOrEqual(15)
    expect(Object.keys(compare.runs).sort()).toEqual([...SDKS].sort())
    for (const id of SDKS) {
      const runs = compare.runs[id]
      expect(runs, id).toHaveLength(compare.runsPerSdk)
      for (const run of runs) {
        for (const key of ['banner', 'script', 'cls', 'clickToCookie']) expect(typeof run[key], `${id} ${key}`).toBe('number')
      }
      expect(compare.metrics.banner[id].n, id).toBe(compare.runsPerSdk)
    }
  })

  it('counts the bytes of every file each SDK fetched', () => {
    for (const sdk of compare.sdks) {
      expect(sdk.files.length, sdk.id).toBeGreaterThan(0)
      expect(sdk.gzipBytes).toBe(sdk.files.reduce((n: number, f: { gzipBytes: number }) => n + f.gzipBytes, 0))
    }
  })
})

describe('bench/results.json', () => {
  it('has at least 15 measured runs per page', () => {
    expect(results.runsPerPage).toBeGreaterThanOrEqual(15)
    expect(results.runs.with).toHaveLength(results.runsPerPage)
    expect(results.runs.without).toHaveLength(results.runsPerPage)
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
