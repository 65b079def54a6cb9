// Consentry's cost on a real page, in headless Chromium at 4x CPU throttling, two tables:
//
// 1. the same marketing page with and without Consentry's script-tag build (bench/results.json);
// 2. the same page with Consentry, vanilla-cookieconsent or Klaro (bench/compare.json).
//
// N first-time visits per page, interleaved, medians reported as Markdown on stdout and written
// into docs/benchmark.md between its marker comments, so the docs always quote the latest run.
//
//   node bench/run.mjs [--runs 21] [--dist dist] [--only own|compare]   (npm run bench builds first)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import {
  CHROMIUM, CPU_THROTTLE, HERE, VIEWPORT, fail, launch, snapshot, startServer, summarise, visit,
} from './lib.mjs'
import { marketingPage } from './page.mjs'
import { COMPARE_METRICS, OWN_METRICS, docsBlocks, ownRow, renderCompare, renderOwn, replaceBlocks } from './report.mjs'
import { SDKS, VENDOR } from './sdks.mjs'

const USAGE = 'usage: node bench/run.mjs [--runs N (>= 15, default 21)] [--dist DIR (default dist/)] [--only own|compare]'
let args
try {
  args = parseArgs({
    options: {
      runs: { type: 'string', default: '21' },
      dist: { type: 'string', default: join(HERE, '../dist') },
      only: { type: 'string' },
    },
  }).values
} catch (e) {
  console.error(`bench: ${e.message}\n${USAGE}`)
  process.exit(2)
}
const RUNS = Number(args.runs)
const DIST = resolve(args.dist)
const SCRIPT = join(DIST, 'consentry.min.js')
const RESULTS = join(HERE, 'results.json')
const COMPARE = join(HERE, 'compare.json')
const DOCS = join(HERE, '../docs/benchmark.md')
let progress = false // a progress line is on stderr: end it before an error message
let interrupted = null

const gzip9 = (bytes) => gzipSync(bytes, { level: 9 }).length // level 9, as size-limit measures
const machine = () => ({ cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() || 'unknown CPU' })
const tick = (done, total, started, what, per) => {
  progress = true
  process.stderr.write(`\r${what}: ${done}/${total} runs per ${per}, ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

// ---- table 1: with and without Consentry
const runOwn = async (browser, origin, served, bytes) => {
  const results = { with: [], without: [] }
  const started = Date.now()
  // One discarded warm-up visit each (the first visit pays for spawning processes and
  // warming the OS file cache), then the two variants alternate so drift hits both alike.
  for (let i = -1; i < RUNS; i++) {
    for (const consentry of i % 2 ? [true, false] : [false, true]) {
      const run = await visit(browser, `${origin}/${consentry ? 'with' : 'without'}.html`, consentry ? SDKS[0].target : null)
      if (i >= 0) results[consentry ? 'with' : 'without'].push(run)
    }
    tick(i + 1, RUNS, started, 'with/without Consentry', 'page')
  }
  process.stderr.write('\n')
  progress = false
  const seconds = (Date.now() - started) / 1000
  const gzip = gzip9(bytes)
  const metrics = Object.fromEntries(OWN_METRICS.map((m) => {
    const [key, label] = m
    const without = summarise(results.without, key)
    const withC = summarise(results.with, key)
    return [key, { key, label, without, with: withC, diff: ownRow(m, without, withC).diff }]
  }))
  const json = {
    date: new Date().toISOString(),
    runsPerPage: RUNS,
    warmUpRunsDiscarded: 1,
    chromium: browser.version(),
    ...machine(),
    cpuThrottle: CPU_THROTTLE,
    viewport: VIEWPORT,
    node: process.version,
    script: { file: 'dist/consentry.min.js', bytes: bytes.length, gzipBytes: gzip },
    seconds: Math.round(seconds),
    // Every path the page with Consentry fetched that the page without never did (lazy chunks show up here).
    addedRequests: [...new Set(results.with.flatMap((r) => r.requests))]
      .filter((p) => !results.without.some((r) => r.requests.includes(p)) && p !== '/with.html')
      .map((path) => ({ path, gzipBytes: served(path) && gzip9(served(path)) })),
    metrics,
    runs: results,
  }
  writeFileSync(RESULTS, JSON.stringify(json, null, 2) + '\n')
  console.log(renderOwn(json))
  console.log(`(took ${Math.round(seconds)} s; JSON with every run: ${RESULTS})`)
  return json
}

// ---- table 2: Consentry, vanilla-cookieconsent and Klaro on the same page
const runCompare = async (browser, origin, served, pages) => {
  const runs = Object.fromEntries(SDKS.map((s) => [s.id, []]))
  const started = Date.now()
  // One discarded warm-up round, then rounds of one visit per SDK, the order rotating each round
  // (A B C, B C A, C A B, …) so no SDK always goes first or always follows the same one.
  for (let i = -1; i < RUNS; i++) {
    for (let k = 0; k < SDKS.length; k++) {
      const sdk = SDKS[(((i + k) % SDKS.length) + SDKS.length) % SDKS.length]
      const run = await visit(browser, origin + sdk.path, sdk.target)
      if (i >= 0) runs[sdk.id].push(run)
    }
    tick(i + 1, RUNS, started, 'Consentry, vanilla-cookieconsent, Klaro', 'SDK')
  }
  process.stderr.write('\n')
  progress = false
  const seconds = (Date.now() - started) / 1000
  const baseline = gzip9(Buffer.from(pages['/without.html']))
  const sdks = SDKS.map((s) => {
    // Everything the SDK's page fetched in any run (on load or after the click), but the page itself.
    const paths = [...new Set(runs[s.id].flatMap((r) => r.requests))].filter((p) => p !== s.path && p !== '/favicon.ico')
    const files = paths.map((path) => {
      const bytes = served(path)
      if (!bytes) fail(`${s.name} requested ${path}, which the bench server does not have`)
      return { path, bytes: bytes.length, gzipBytes: gzip9(bytes) }
    })
    return {
      id: s.id,
      name: s.name,
      version: s.version,
      path: s.path,
      files,
      gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      htmlGzipBytes: gzip9(Buffer.from(s.html)) - baseline,
    }
  })
  const metrics = Object.fromEntries(COMPARE_METRICS.map(([key, label]) => [
    key, { key, label, ...Object.fromEntries(SDKS.map((s) => [s.id, summarise(runs[s.id], key)])) },
  ]))
  const json = {
    date: new Date().toISOString(),
    runsPerSdk: RUNS,
    warmUpRoundsDiscarded: 1,
    chromium: browser.version(),
    ...machine(),
    cpuThrottle: CPU_THROTTLE,
    viewport: VIEWPORT,
    node: process.version,
    seconds: Math.round(seconds),
    sdks,
    metrics,
    runs,
  }
  writeFileSync(COMPARE, JSON.stringify(json, null, 2) + '\n')
  console.log(renderCompare(json))
  console.log(`(took ${Math.round(seconds)} s; JSON with every run: ${COMPARE})`)
  return json
}

const main = async () => {
  if (!Number.isInteger(RUNS) || RUNS < 15) {
    fail(`--runs must be a whole number, at least 15 (got ${args.runs}): with fewer the medians are noise\n${USAGE}`)
  }
  if (args.only != null && !['own', 'compare'].includes(args.only)) fail(`--only takes own or compare (got ${args.only})\n${USAGE}`)
  if (!existsSync(SCRIPT)) fail(`${SCRIPT} is missing: run \`npm run build\` first (\`npm run bench\` does)`)
  if (!existsSync(CHROMIUM)) {
    fail(`Chromium not found at ${CHROMIUM} (apt-get install chromium); the benchmark never downloads a browser`)
  }
  for (const [name, dir] of Object.entries(VENDOR)) {
    if (!existsSync(dir)) fail(`${dir} is missing: ${name} is a dev dependency (npm install)`)
  }
  const bytes = readFileSync(SCRIPT)
  const files = snapshot(DIST, '/dist')
  files.set('/dist/consentry.min.js', bytes)
  for (const [name, dir] of Object.entries(VENDOR)) snapshot(dir, `/vendor/${name}`, files)
  const pages = {
    '/without.html': marketingPage({ consentry: false }),
    ...Object.fromEntries(SDKS.map((s) => [s.path, s.html])), // /with.html is Consentry's
  }

  const server = await startServer(pages, files)
  const origin = `http://127.0.0.1:${server.address().port}`
  let browser
  const cleanup = async () => {
    await browser?.close().catch(() => {})
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
  }
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      interrupted = signal // the visit in flight now fails with "browser has been closed": not news
      if (progress) process.stderr.write('\n')
      console.error(`bench: interrupted (${signal})`)
      void cleanup().finally(() => process.exit(code))
    })
  }
  try {
    browser = await launch()
    const blocks = {}
    if (args.only !== 'compare') blocks.own = await runOwn(browser, origin, server.served, bytes)
    if (args.only !== 'own') {
      console.log()
      blocks.compare = await runCompare(browser, origin, server.served, pages)
    }
    // The docs quote exactly what was just printed; a table not re-run keeps its last JSON.
    const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)
    const docs = docsBlocks(blocks.own ?? read(RESULTS), blocks.compare ?? read(COMPARE))
    writeFileSync(DOCS, replaceBlocks(readFileSync(DOCS, 'utf8'), docs))
    console.log(`(docs/benchmark.md updated: ${Object.keys(docs).join(' and ')} table${Object.keys(docs).length > 1 ? 's' : ''})`)
  } finally {
    await cleanup()
  }
}

process.on('unhandledRejection', (e) => {
  console.error('bench: unhandled rejection:', e)
  process.exitCode = 1
})
main().catch((e) => {
  if (interrupted) return
  if (progress) process.stderr.write('\n')
  console.error(`bench: FAILED: ${e.expected ? e.message : e.stack || e}`)
  process.exitCode = 1
})
