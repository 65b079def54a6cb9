// Consentry's cost on a real page, in headless Chromium at 4x CPU throttling, in one run:
// the same marketing page without any SDK, with Consentry's script tag (consentry.min.js, and
// the single file consentry.all.min.js) and with vanilla-cookieconsent, for a first visit, a
// returning visit (a stored decision), a first visit to the page with 200 blocked tags, and a returning visit
// to that page (every tag runs).
//
// Every cell (scenario × SDK) is visited once per round, the order rotating each round, so
// the machine's slow patches fall on every cell alike. Medians and p90 are printed as
// Markdown, written to bench/results.json with every run, and into docs/benchmark.md
// between its marker comments, so the docs always quote the latest run.
//
//   node bench/run.mjs [--runs 15] [--sdks none,consentry,…] [--scenarios first,returning,blocked,returning-blocked] [--dist dist]
//   (npm run bench builds first; --runs below 15, --before or some of the scenarios print the tables and write nothing)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { CHROMIUM, CPU_THROTTLE, HERE, VIEWPORT, decide, fail, launch, snapshot, startServer, summarise, visit } from './lib.mjs'
import { METRIC_KEYS, SCENARIOS, render, replaceBlock } from './report.mjs'
import { DEFAULT_SDKS, SDKS, VENDOR, beforeSdk } from './sdks.mjs'

const USAGE = 'usage: node bench/run.mjs [--runs N (default 15; below 15 nothing is written)] ' +
  `[--sdks ${SDKS.map((s) => s.id).join(',')}] [--scenarios ${SCENARIOS.map((s) => s[0]).join(',')}] [--dist DIR] [--before DIR [--before-label TEXT]]`
let args
try {
  args = parseArgs({
    options: {
      runs: { type: 'string', default: '15' },
      sdks: { type: 'string', default: DEFAULT_SDKS.join(',') },
      scenarios: { type: 'string', default: SCENARIOS.map((s) => s[0]).join(',') },
      dist: { type: 'string', default: join(HERE, '../dist') },
      before: { type: 'string' },
      'before-label': { type: 'string', default: 'before' },
    },
  }).values
} catch (e) {
  console.error(`bench: ${e.message}\n${USAGE}`)
  process.exit(2)
}
const RUNS = Number(args.runs)
// Only a run docs/benchmark.md can quote is written there: enough visits, every scenario, and no --before column
// (a before/after comparison is printed for its own table, as in docs/speed.md).
const WRITE = RUNS >= 15 && !args.before && args.scenarios == SCENARIOS.map((s) => s[0]).join(',')
const DIST = resolve(args.dist)
const RESULTS = join(HERE, 'results.json')
const DOCS = join(HERE, '../docs/benchmark.md')
let progress = false // a progress line is on stderr: end it before an error message
let interrupted = null

const gzip9 = (bytes) => gzipSync(bytes, { level: 9 }).length // level 9, as size-limit measures
const load1 = () => loadavg()[0]

const main = async () => {
  if (!Number.isInteger(RUNS) || RUNS < 1) fail(`--runs must be a whole number, at least 1 (got ${args.runs})\n${USAGE}`)
  const sdks = args.sdks.split(',').map((id) => SDKS.find((s) => s.id == id) ?? fail(`--sdks: no SDK ${id}\n${USAGE}`))
  // Another build of Consentry beside this one, in the same run: before/after figures that share their conditions.
  if (args.before) sdks.splice(2, 0, beforeSdk(args['before-label']))
  const scenarios = args.scenarios.split(',').map((id) => SCENARIOS.find((s) => s[0] == id) ?? fail(`--scenarios: no scenario ${id}\n${USAGE}`))
  for (const s of sdks) {
    const before = s.id == 'consentry-before'
    const path = s.file && join(before ? resolve(args.before) : DIST, s.file)
    if (path && !existsSync(path)) fail(before ? `${path} is missing: --before names a folder with a build of Consentry (a copy of dist/)` : `${path} is missing: run \`npm run build\` first (\`npm run bench\` does)`)
  }
  if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM} (apt-get install chromium); the benchmark never downloads a browser`)
  for (const [name, dir] of Object.entries(VENDOR)) if (!existsSync(dir)) fail(`${dir} is missing: ${name} is a dev dependency (npm install)`)

  const files = snapshot(DIST, '/dist')
  if (args.before) snapshot(resolve(args.before), '/before', files)
  for (const [name, dir] of Object.entries(VENDOR)) snapshot(dir, `/vendor/${name}`, files)
  files.set('/bench/floor.js', readFileSync(join(HERE, 'floor.js')))
  // The waiting tags' files (bench/page.mjs): each counts itself, as the inline ones do.
  for (let i = 1; i < 200; i += 2) files.set(`/tag/${i}.js`, Buffer.from('window.__ran = (window.__ran || 0) + 1\n'))
  const pathOf = (sdk, blocked) => `/${sdk.id}${blocked ? `-${blocked}` : ''}.html`
  const pages = {}
  for (const sdk of sdks) for (const [, , blocked] of scenarios) pages[pathOf(sdk, blocked)] = sdk.html(blocked)
  // A returning visitor decides on the plain page, whichever pages are measured.
  if (scenarios.some(([id]) => id.startsWith('returning'))) for (const sdk of sdks) pages[pathOf(sdk, 0)] ??= sdk.html(0)
  // A column without a banner of its own (the floor) takes its stored decision from another SDK's page.
  const stateSource = (sdk) => sdk.stateOf && SDKS.find((s) => s.id == sdk.stateOf)
  for (const by of sdks.map(stateSource).filter(Boolean)) pages[pathOf(by, 0)] ??= by.html(0)

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
    const loadAtStart = load1()
    // A returning visitor: the storage state after accepting everything on a first visit, once per SDK.
    const states = {}
    if (scenarios.some(([id]) => id.startsWith('returning'))) {
      for (const sdk of sdks) if (sdk.target) states[sdk.id] = await decide(browser, origin + pathOf(sdk, 0), sdk.target)
      // The floor has no banner to decide with: it reads the decision stored on its source's page.
      for (const sdk of sdks) {
        const by = stateSource(sdk)
        if (by) states[sdk.id] = states[by.id] ??= await decide(browser, origin + pathOf(by, 0), by.target)
      }
    }
    const cells = scenarios.flatMap((sc) => sdks.map((sdk) => ({ sc, sdk })))
    const runs = Object.fromEntries(scenarios.map(([id]) => [id, Object.fromEntries(sdks.map((s) => [s.id, []]))]))
    const started = Date.now()
    // One discarded warm-up round (the first visits pay for spawning processes and warming the OS
    // file cache), then rounds of one visit per cell, the order rotating each round.
    for (let i = -1; i < RUNS; i++) {
      for (let k = 0; k < cells.length; k++) {
        const { sc: [id, , blocked], sdk } = cells[(((i + k) % cells.length) + cells.length) % cells.length]
        const run = await visit(browser, origin + pathOf(sdk, blocked), sdk.target, {
          state: id.startsWith('returning') ? states[sdk.id] : undefined,
          click: id == 'first',
          tags: id == 'returning-blocked' ? blocked : 0,
        })
        if (i >= 0) runs[id][sdk.id].push(run)
      }
      progress = true
      process.stderr.write(`\r${cells.length} cells: ${i + 1}/${RUNS} rounds, ${((Date.now() - started) / 1000).toFixed(0)} s, load ${load1().toFixed(1)}`)
    }
    process.stderr.write('\n')
    progress = false
    const seconds = (Date.now() - started) / 1000

    const json = {
      date: new Date().toISOString(),
      runsPerCell: RUNS,
      warmUpRoundsDiscarded: 1,
      chromium: browser.version(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() || 'unknown CPU',
      loadAverage: [loadAtStart, load1()],
      cpuThrottle: CPU_THROTTLE,
      viewport: VIEWPORT,
      node: process.version,
      seconds: Math.round(seconds),
      sdks: sdks.map((s) => {
        // Everything the SDK's page fetched on a first visit (on load or after the click), but the page itself.
        const first = runs.first?.[s.id] ?? Object.values(runs)[0][s.id]
        const paths = [...new Set(first.flatMap((r) => r.requests))].filter((p) => /^\/(dist|before|vendor|bench)\//.test(p))
        const list = paths.map((path) => ({ path, bytes: server.served(path).length, gzipBytes: gzip9(server.served(path)) }))
        return { id: s.id, name: s.name, version: s.version, banner: !!s.target, files: list, gzipBytes: list.reduce((n, f) => n + f.gzipBytes, 0) }
      }),
      scenarios: Object.fromEntries(scenarios.map(([id]) => [id, {
        metrics: Object.fromEntries(METRIC_KEYS.map((key) => [key, Object.fromEntries(sdks.map((s) => [s.id, summarise(runs[id][s.id], key)]))])),
        runs: Object.fromEntries(sdks.map((s) => [s.id, runs[id][s.id].map(({ requests, ...r }) => r)])),
      }])),
    }
    const md = render(json)
    console.log(md)
    console.log(`(took ${Math.round(seconds)} s)`)
    if (!WRITE) return console.log(RUNS < 15 ? `(--runs ${RUNS}: below 15 the medians are noise; nothing written)` : '(--before or a part of the scenarios: printed only; nothing written)')
    writeFileSync(RESULTS, JSON.stringify(json, null, 2) + '\n')
    writeFileSync(DOCS, replaceBlock(readFileSync(DOCS, 'utf8'), `_Latest run: ${json.date.slice(0, 16).replace('T', ' ')} UTC._\n\n${md}`))
    console.log(`(JSON with every run: ${RESULTS}; docs/benchmark.md updated)`)
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
