// Consentry's cost on a real page, in headless Chromium at 4x CPU throttling:
// the same marketing page with and without the script-tag build, N first-time
// visits each, medians reported as Markdown (stdout) and JSON (bench/results.json).
//
//   node bench/run.mjs [--runs 21] [--dist dist]      (npm run bench builds first)
import { createServer } from 'node:http'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { marketingPage } from './page.mjs'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const CHROMIUM = '/usr/bin/chromium'
const CPU_THROTTLE = 4
const VIEWPORT = { width: 1280, height: 720 }
const BANNER_TIMEOUT = 10_000 // ms from navigation start
const COOKIE_TIMEOUT = 5_000 // ms from the click
const SETTLE = 1_000 // ms after load before reading CLS and script time: late shifts and idle work count too

const fail = (message) => {
  const error = new Error(message)
  error.expected = true // a clear message is enough, no stack trace
  throw error
}

const USAGE = 'usage: node bench/run.mjs [--runs N (>= 15, default 21)] [--dist DIR (default dist/)]'
let args
try {
  args = parseArgs({
    options: { runs: { type: 'string', default: '21' }, dist: { type: 'string', default: join(HERE, '../dist') } },
  }).values
} catch (e) {
  console.error(`bench: ${e.message}\n${USAGE}`)
  process.exit(2)
}
const RUNS = Number(args.runs)
const DIST = resolve(args.dist)
const SCRIPT = join(DIST, 'consentry.min.js')
let progress = false // a progress line is on stderr: end it before an error message
let interrupted = null

// ---- static server: the two pages, dist/, and nothing else (no request leaves 127.0.0.1)
const pages = { '/with.html': marketingPage({ consentry: true }), '/without.html': marketingPage({ consentry: false }) }
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.json': 'application/json' }
const startServer = (script) => {
  // A snapshot of dist/, taken once: a rebuild during the runs (npm test builds too) cannot mix
  // two builds, and consentry.min.js is exactly the bytes whose size is reported.
  const files = new Map()
  for (const rel of readdirSync(DIST, { recursive: true })) {
    const file = join(DIST, rel)
    try {
      if (statSync(file).isFile()) files.set('/dist/' + rel.split(sep).join('/'), readFileSync(file))
    } catch {} // deleted mid-walk by a concurrent rebuild: it 404s, and a run that needs it fails loudly
  }
  files.set('/dist/consentry.min.js', script)
  const server = createServer((req, res) => {
    // no-store: each visit is a first visit anyway (fresh context), this only makes it explicit.
    const headers = { 'Cache-Control': 'no-store' }
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
      if (pages[path]) return res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(pages[path])
      const file = files.get(path)
      const type = `${TYPES[extname(path)] ?? 'application/octet-stream'}; charset=utf-8`
      if (file) return res.writeHead(200, { ...headers, 'Content-Type': type }).end(file)
      res.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end()
    } catch {
      res.writeHead(400, headers).end() // e.g. a malformed %-escape
    }
  })
  server.served = (path) => files.get(path) ?? null
  return new Promise((ok, ko) => server.once('error', ko).listen(0, '127.0.0.1', () => ok(server)))
}

// ---- one first-time visit: fresh context (no cookies, storage or cache), throttled, measured
const visit = async (browser, origin, consentry) => {
  // en-US: the banner's built-in language, so no translation module is fetched.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  try {
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const requests = []
    page.on('request', (r) => requests.push(new URL(r.url()).pathname))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
    await cdp.send('Performance.enable')
    await page.addInitScript({ path: join(HERE, 'probe.js') })

    const url = `${origin}/${consentry ? 'with' : 'without'}.html`
    await page.goto(url, { waitUntil: 'load', timeout: BANNER_TIMEOUT }).catch((e) => {
      fail(`${url} did not load within ${BANNER_TIMEOUT / 1000} s: ${String(e.message).split('\n')[0]}`)
    })
    await page.waitForTimeout(SETTLE)
    const load = await page.evaluate((deadline) => window.__bench.collect(deadline), consentry ? BANNER_TIMEOUT : 0)
    if (consentry && load.bannerAt == null) {
      fail(`the banner never became visible within ${BANNER_TIMEOUT / 1000} s of navigation start: ${load.why}.` +
        (errors.length ? `\n  page errors: ${errors.join('\n  ')}` : '') +
        (load.why.startsWith('no [data-consentry]') ? '\n  Is the banner UI (src/ui/) in this build? `npm run build`' : ''))
    }
    // Read before the click, so it is the cost of loading and showing the banner.
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name) => metrics.find((m) => m.name === name)?.value * 1000
    const run = {
      fcp: load.fcp,
      banner: load.bannerAt,
      domContentLoaded: load.domContentLoaded,
      load: load.load,
      // Minus the probe's own callbacks (see probe.js); the raw figure stays in the JSON.
      script: metric('ScriptDuration') - load.self,
      scriptRaw: metric('ScriptDuration'),
      probe: load.self,
      task: metric('TaskDuration'),
      cls: load.cls,
      clickToCookie: null,
      requests, // by the end of the run (the page itself included)
    }
    if (!consentry) return run

    if (load.cookieBeforeClick) {
      fail('the consentry cookie was already set before any click: not a first visit, or the script decides on its own')
    }
    const target = await page.evaluate(() => window.__bench.target())
    if (!target.hit) fail(`something covers the accept-all button at (${target.x}, ${target.y}): a click would not reach it`)
    await page.mouse.click(target.x, target.y)
    const click = await page.evaluate((ms) => window.__bench.cookie(ms), COOKIE_TIMEOUT)
    if (click.clickAt == null) fail('the click on accept-all never reached the page')
    if (click.cookieAt == null) {
      fail(`clicking accept-all did not set the consentry cookie within ${COOKIE_TIMEOUT / 1000} s`)
    }
    run.clickToCookie = click.cookieAt - click.clickAt
    run.cookieInClick = click.inClick // true: set synchronously inside the click dispatch
    return run
  } finally {
    await context.close().catch(() => {})
  }
}

// ---- statistics and report
const quantile = (xs, q) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b)
  if (!s.length) return null
  // Median interpolates (odd N: the middle run); p90 is the nearest rank, an actual run.
  if (q === 0.5) return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}
const METRICS = [
  // [key, label, decimals, unit]
  ['banner', 'Banner visible (from navigation start)', 0, ' ms'],
  ['fcp', 'First contentful paint', 0, ' ms'],
  // A parser-blocking script holds up DOMContentLoaded, and with it every site script waiting for it.
  ['domContentLoaded', 'DOMContentLoaded', 0, ' ms'],
  ['script', 'Script time (CDP ScriptDuration until load + 1 s, probe excluded)', 1, ' ms'],
  ['cls', 'Cumulative layout shift', 3, ''],
  ['clickToCookie', 'Click accept-all → `consentry` cookie', 1, ' ms'],
]
const summarise = (runs, key) => {
  const xs = runs.map((r) => r[key]).filter((x) => x != null)
  if (!xs.length) return null
  return { median: quantile(xs, 0.5), p90: quantile(xs, 0.9), min: Math.min(...xs), max: Math.max(...xs), n: xs.length }
}

const main = async () => {
  if (!Number.isInteger(RUNS) || RUNS < 15) {
    fail(`--runs must be a whole number, at least 15 (got ${args.runs}): with fewer the medians are noise\n${USAGE}`)
  }
  if (!existsSync(SCRIPT)) fail(`${SCRIPT} is missing: run \`npm run build\` first (\`npm run bench\` does)`)
  if (!existsSync(CHROMIUM)) {
    fail(`Chromium not found at ${CHROMIUM} (apt-get install chromium); the benchmark never downloads a browser`)
  }
  const bytes = readFileSync(SCRIPT)

  const server = await startServer(bytes)
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
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    const results = { with: [], without: [] }
    const started = Date.now()
    // One discarded warm-up visit each (the first visit pays for spawning processes and
    // warming the OS file cache), then the two variants alternate so drift hits both alike.
    for (let i = -1; i < RUNS; i++) {
      for (const consentry of i % 2 ? [true, false] : [false, true]) {
        const run = await visit(browser, origin, consentry)
        if (i >= 0) results[consentry ? 'with' : 'without'].push(run)
      }
      progress = true
      process.stderr.write(`\r${i + 1}/${RUNS} runs per page, ${((Date.now() - started) / 1000).toFixed(0)} s`)
    }
    process.stderr.write('\n')
    progress = false
    const seconds = (Date.now() - started) / 1000
    report(results, { chromium: browser.version(), bytes, seconds, served: server.served })
  } finally {
    await cleanup()
  }
}

const fmtKB = (n) => (n == null ? '? KB' : `${(n / 1024).toFixed(2)} KB gzip`)

const report = (results, { chromium, bytes, seconds, served }) => {
  const gzip = gzipSync(bytes, { level: 9 }).length // level 9, as size-limit measures
  const fmt = (x, d, unit) => (x == null ? '—' : x.toFixed(d) + unit)
  const rows = METRICS.map(([key, label, d, unit]) => {
    const a = summarise(results.without, key)
    const b = summarise(results.with, key)
    const diff = a && b ? b.median - a.median : null
    const cell = (s) => (s ? `${fmt(s.median, d, unit)} (p90 ${fmt(s.p90, d, '')})` : '—')
    const sign = diff != null && diff >= 0 ? '+' : ''
    const line = `| ${label} | ${cell(a)} | ${cell(b)} | ${diff == null ? '—' : sign + fmt(diff, d, unit)} |`
    return { key, label, without: a, with: b, diff, line }
  })
  const meta = {
    date: new Date().toISOString(),
    runsPerPage: RUNS,
    warmUpRunsDiscarded: 1,
    chromium,
    cpuThrottle: CPU_THROTTLE,
    viewport: VIEWPORT,
    node: process.version,
    script: { file: 'dist/consentry.min.js', bytes: bytes.length, gzipBytes: gzip },
    seconds: Math.round(seconds),
    // Every path the page with Consentry fetched that the page without never did (lazy chunks show up here).
    addedRequests: [...new Set(results.with.flatMap((r) => r.requests))]
      .filter((p) => !results.without.some((r) => r.requests.includes(p)) && p !== '/with.html')
      .map((path) => ({ path, gzipBytes: served(path) && gzipSync(served(path), { level: 9 }).length })),
  }
  console.log(`## Consentry benchmark

${RUNS} first-time visits per page (plus 1 discarded warm-up), alternating · headless Chromium ${chromium} · ` +
    `${CPU_THROTTLE}× CPU throttling · ${VIEWPORT.width}×${VIEWPORT.height} · loopback server, no network latency
\`dist/consentry.min.js\`: ${fmtKB(gzip)} (${gzip} B, level 9; ${bytes.length} B minified) · ` +
    `requests Consentry adds: ${meta.addedRequests.map((r) => `\`${r.path}\` (${fmtKB(r.gzipBytes)})`).join(', ') || 'none'}

| Metric (median, p90) | Without Consentry | With Consentry | Difference (medians) |
|---|---|---|---|
${rows.map((r) => r.line).join('\n')}
`)
  const out = join(HERE, 'results.json')
  const metrics = Object.fromEntries(rows.map(({ line, ...r }) => [r.key, r]))
  writeFileSync(out, JSON.stringify({ ...meta, metrics, runs: results }, null, 2) + '\n')
  console.log(`(took ${Math.round(seconds)} s; JSON with every run: ${out})`)
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
