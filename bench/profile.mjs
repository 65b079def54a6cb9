// Where Consentry's main-thread time goes, in the bench's conditions (headless Chromium, 4× CPU,
// the same page, fresh contexts), on a production build that is not minified (bench/rollup.profile.mjs,
// into bench/.build/, never shipped), so functions keep their names and every sample maps to its
// source file.
//
// Two passes per scenario (first visit, returning visit), N visits each:
// - a trace (devtools.timeline, v8): compile, evaluation, timers and idle callbacks, style and layout;
// - a CPU profile (CDP Profiler, 100 µs samples): self time per source file and per function, native
//   calls (document.cookie, localStorage…) counted under the function that made them.
// Prints medians per visit as Markdown.
//
//   node bench/profile.mjs [--runs 7] [--no-build]
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CONSENTRY_TARGET, CPU_THROTTLE, HERE, VIEWPORT, decide, launch, snapshot, startServer } from './lib.mjs'
import { marketingPage } from './page.mjs'

const args = parseArgs({ options: { runs: { type: 'string', default: '7' }, 'no-build': { type: 'boolean' }, blocked: { type: 'string', default: '0' } } }).values
const RUNS = Number(args.runs)
const BLOCKED = Number(args.blocked)
const ROOT = join(HERE, '..')
const BUILD = join(HERE, '.build')
if (!args['no-build']) execFileSync('npx', ['rollup', '-c', 'bench/rollup.profile.mjs', '--silent'], { cwd: ROOT, stdio: 'inherit' })
if (!existsSync(join(ROOT, 'dist/consentry-extras.mjs'))) throw new Error('run `npm run build` first: the other files come from dist/')

// ---- source maps: a (line, column) of the bundle → its source file and line
const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]))
const sourceMap = (file) => {
  const map = JSON.parse(readFileSync(file, 'utf8'))
  const lines = map.mappings.split(';').map((line) => {
    const segs = []
    let col = 0
    for (const seg of line.split(',')) {
      if (!seg) continue
      const v = []
      let n = 0, shift = 0
      for (const c of seg) {
        const d = B64[c]
        n += (d & 31) << shift
        if (d & 32) shift += 5
        else v.push(n & 1 ? -(n >> 1) : n >> 1), (n = 0), (shift = 0)
      }
      col += v[0]
      segs.push([col, v[1], v[2]])
    }
    return segs
  })
  // Source indexes and source lines are deltas across the whole mapping (source map v3).
  let src = 0, ln = 0
  for (const segs of lines) for (const s of segs) if (s[1] != null) (src += s[1]), (s[1] = src), (ln += s[2]), (s[2] = ln + 1)
  const name = (i) => map.sources[i].replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/')
  return (line, col) => {
    const segs = lines[line]
    if (!segs?.length) return { file: '?', line: null }
    let best = segs[0]
    for (const s of segs) if (s[0] <= col) best = s
    return best[1] == null ? { file: '?', line: null } : { file: name(best[1]), line: best[2] }
  }
}

const files = snapshot(join(ROOT, 'dist'), '/dist')
snapshot(BUILD, '/dist', files)
const maps = { 'consentry.min.js': sourceMap(join(BUILD, 'consentry.min.js.map')), 'consentry-preferences.mjs': sourceMap(join(BUILD, 'consentry-preferences.mjs.map')) }
const pages = { '/with.html': marketingPage({ consentry: true, blocked: BLOCKED, inHead: BLOCKED > 0 }) }

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const open = async (browser, state) => {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', storageState: state })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  return { context, page, cdp }
}

// ---- pass 1: the trace
const TRACE_EVENTS = {
  'v8.compile': 'compile (classic script)',
  'v8.compileModule': 'compile (module)',
  EvaluateScript: 'evaluate script (top level)',
  'v8.evaluateModule': 'evaluate module (top level)',
  TimerFire: 'timers',
  FireIdleCallback: 'idle callbacks',
  FireAnimationFrame: 'animation frames',
  FunctionCall: 'other callbacks (events, observers, microtasks)',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  ParseHTML: 'HTML parsing',
  'Paint': 'paint',
}
const traceVisit = async (browser, url, state) => {
  const { context, page, cdp } = await open(browser, state)
  const events = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value))
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok))
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(1500)
  await cdp.send('Tracing.end')
  await done
  await context.close()
  // Main thread of the page's renderer: the one with ParseHTML.
  const main = events.find((e) => e.name == 'ParseHTML')
  const own = events.filter((e) => e.pid == main.pid && e.tid == main.tid && e.ph == 'X' && e.dur)
  const totals = {}
  // Only outermost events of each kind count, so nested FunctionCalls are not counted twice.
  for (const [name, label] of Object.entries(TRACE_EVENTS)) {
    const list = own.filter((e) => e.name == name).sort((a, b) => a.ts - b.ts)
    let end = -1, sum = 0
    for (const e of list) if (e.ts >= end) (sum += e.dur), (end = e.ts + e.dur)
    totals[label] = sum / 1000
  }
  const ofUrl = (name, part) => own.filter((e) => e.name == name && (e.args?.data?.url ?? e.args?.fileName ?? '').includes(part)).reduce((n, e) => n + e.dur / 1000, 0)
  totals['compile consentry.min.js'] = ofUrl('v8.compile', 'consentry.min.js')
  totals['evaluate consentry.min.js'] = ofUrl('EvaluateScript', 'consentry.min.js')
  // Style and layout forced by script: nested inside an evaluation or a callback.
  const scripted = own.filter((e) => ['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame', 'v8.evaluateModule'].includes(e.name))
  const inside = (e) => scripted.some((x) => x.ts <= e.ts && e.ts + e.dur <= x.ts + x.dur)
  totals['style + layout forced by script'] = own.filter((e) => (e.name == 'Layout' || e.name == 'UpdateLayoutTree') && inside(e)).reduce((n, e) => n + e.dur / 1000, 0)
  const long = own.filter((e) => e.name == 'RunTask' && e.dur > 50_000)
  // What each long task held: its direct children, largest first.
  if (process.env.PROFILE_TASKS) for (const t of long) {
    const kids = own.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && Object.hasOwn(TRACE_EVENTS, e.name))
    console.error(`task ${(t.dur / 1000).toFixed(0)} ms at ${((t.ts - main.ts) / 1000).toFixed(0)}: ` + kids.sort((a, b) => b.dur - a.dur).slice(0, 6).map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.split('/').pop() + ')' : ''} ${(e.dur / 1000).toFixed(0)}`).join(', '))
  }
  totals['long tasks (RunTask > 50 ms)'] = long.length
  totals['longest task'] = Math.max(0, ...own.filter((e) => e.name == 'RunTask').map((e) => e.dur / 1000))
  return totals
}

// ---- pass 2: the CPU profile
const profileVisit = async (browser, url, state) => {
  const { context, page, cdp } = await open(browser, state)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await page.addInitScript({ content: '/*probe*/' })
  await cdp.send('Profiler.start')
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(1500)
  const { profile } = await cdp.send('Profiler.stop')
  await context.close()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map()
  for (let i = 0; i < profile.samples.length - 1; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i + 1] / 1000)
  const where = (n) => {
    const f = n.callFrame
    const file = Object.keys(maps).find((k) => f.url.endsWith('/' + k))
    if (file) {
      // The line tells apart the anonymous functions of one file (a callback, the top level).
      const at = maps[file](f.lineNumber, f.columnNumber)
      return { file: at.file + (file.includes('preferences') ? ' (preferences chunk)' : ''), line: at.line, fn: f.functionName || '(anonymous)' }
    }
    if (f.url) return { file: f.url.replace(/^https?:\/\/[^/]+/, ''), fn: f.functionName || '(anonymous)' }
    return null
  }
  const byFile = {}, byFn = {}
  for (const [id, ms] of self) {
    let n = byId.get(id)
    const f = n.callFrame
    let native = null
    let w = where(n)
    // A native call (an accessor, getItem, a builtin) counts under the JS function that made it.
    while (!w && parent.has(n.id)) {
      native ??= f.functionName
      n = byId.get(parent.get(n.id))
      w = where(n)
    }
    const file = w ? w.file : f.functionName // (program), (garbage collector), (idle)
    if (file == '(idle)' || file == '(root)') continue
    byFile[file] = (byFile[file] ?? 0) + ms
    const fn = w ? `${w.fn}${native ? ` → ${native}` : ''} · ${w.file}${w.line ? `:${w.line}` : ''}` : file
    byFn[fn] = (byFn[fn] ?? 0) + ms
  }
  return { byFile, byFn }
}

const main = async () => {
  const server = await startServer(pages, files)
  const url = `http://127.0.0.1:${server.address().port}/with.html`
  const browser = await launch()
  try {
    const state = await decide(browser, url, CONSENTRY_TARGET)
    for (const [title, st] of [['First visit', undefined], ['Returning visit', state]]) {
      await traceVisit(browser, url, st) // warm-up
      const traces = [], profiles = []
      for (let i = 0; i < RUNS; i++) traces.push(await traceVisit(browser, url, st)), profiles.push(await profileVisit(browser, url, st))
      const med = (list, key) => median(list.map((x) => x[key] ?? 0))
      console.log(`\n## ${title}${BLOCKED ? `, ${BLOCKED} blocked tags` : ''} (median of ${RUNS} visits, 4× CPU)\n\n| Trace event (main thread) | ms |\n|---|---|`)
      for (const k of Object.keys(traces[0])) console.log(`| ${k} | ${med(traces, k).toFixed(1)} |`)
      const keys = (field) => [...new Set(profiles.flatMap((p) => Object.keys(p[field])))]
      const table = (field, top) => keys(field).map((k) => [k, median(profiles.map((p) => p[field][k] ?? 0)), profiles.reduce((n, p) => n + (p[field][k] ?? 0), 0) / RUNS])
        .sort((a, b) => b[2] - a[2]).slice(0, top)
      console.log(`\n| Source file (CPU profile, self time) | median ms | mean ms |\n|---|---|---|`)
      for (const [k, m, a] of table('byFile', 30)) if (a >= 0.3) console.log(`| ${k} | ${m.toFixed(1)} | ${a.toFixed(1)} |`)
      console.log(`\n| Function (self time, natives under their caller) | median ms | mean ms |\n|---|---|---|`)
      for (const [k, m, a] of table('byFn', 30)) if (a >= 0.3) console.log(`| ${k} | ${m.toFixed(1)} | ${a.toFixed(1)} |`)
    }
  } finally {
    await browser.close()
    server.closeAllConnections()
    server.close()
  }
}
main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
