// The Markdown of the benchmark, rendered from bench/results.json alone: what run.mjs
// prints and writes into docs/benchmark.md, and what test/dist/bench-docs.test.ts
// re-renders to catch the docs drifting. Pure functions, no I/O.

const fmt = (x, d, unit) => (x == null ? '—' : x.toFixed(d) + unit)

/** The visits measured: [id, title, blocked tags on the page, what the visitor brings]. */
export const SCENARIOS = [
  ['first', 'First visit', 0, 'no stored decision: the banner shows'],
  ['returning', 'Returning visit', 0, 'a stored decision (accept-all, made by the same SDK on an earlier visit): no banner'],
  ['blocked', 'First visit, 200 blocked tags', 200, 'no stored decision; 200 analytics tags wait in the markup (100 inline, 100 with a src), none may run or fetch'],
  ['returning-blocked', 'Returning visit, 200 tags', 200, 'the page with the 200 tags, a stored decision (accept-all, as above): the SDK starts every tag (100 inline, 100 from files, alternating, so each file waits for the inline tag before it); the run fails unless all 200 ran'],
]

// [key, label, decimals, unit]
const ROWS = {
  banner: ['Banner visible (from navigation start)', 0, ' ms'],
  fcp: ['First contentful paint', 0, ' ms'],
  script: ['Script time (CDP ScriptDuration, probe excluded)', 1, ' ms'],
  tbt: ['Total blocking time (after FCP)', 0, ' ms'],
  longTasks: ['Long tasks (> 50 ms)', 1, ''],
  longest: ['Longest task', 0, ' ms'],
  cls: ['Cumulative layout shift', 3, ''],
  clickToCookie: ['Click accept-all → consent cookie written', 1, ' ms'],
  ran: ['Tags that ran (of 200)', 0, ''],
}
export const METRICS = {
  first: ['banner', 'fcp', 'script', 'tbt', 'longTasks', 'longest', 'cls', 'clickToCookie'],
  returning: ['fcp', 'script', 'tbt', 'longTasks', 'longest'],
  blocked: ['banner', 'fcp', 'script', 'tbt', 'longTasks', 'longest'],
  'returning-blocked': ['fcp', 'script', 'tbt', 'longTasks', 'longest', 'ran'],
}
/** Every metric any scenario reports. */
export const METRIC_KEYS = [...new Set(Object.values(METRICS).flat())]

const kb = (n) => `${(n / 1024).toFixed(2)} KB`
const column = (s) => `${s.name}${s.version ? ' ' + s.version : ''}`

/** One scenario's table, exactly as `npm run bench` prints it. */
export const renderScenario = (r, [id, title, , what]) => {
  const sc = r.scenarios[id]
  if (!sc) return ''
  const cell = (key, sdk) => {
    const [, d, unit] = ROWS[key]
    const s = sc.metrics[key]?.[sdk]
    return s ? `${fmt(s.median, d, unit)} (${fmt(s.p90, d, '')})` : '—'
  }
  const rows = METRICS[id].map((key) => `| ${ROWS[key][0]} | ${r.sdks.map((s) => cell(key, s.id)).join(' | ')} |`)
  if (id == 'first') {
    rows.unshift(`| Files the SDK fetched (gzip -9) | ${r.sdks.map((s) => (s.files.length ? `${kb(s.gzipBytes)} (${s.files.length} file${s.files.length == 1 ? '' : 's'})` : '—')).join(' | ')} |`)
  }
  return `### ${title}

${what}.

| Median (p90) | ${r.sdks.map(column).join(' | ')} |
|---|${r.sdks.map(() => '---|').join('')}
${rows.join('\n')}
`
}

/** Everything `npm run bench` prints, from results.json. */
export const render = (r) => {
  const load = r.loadAverage.map((x) => x.toFixed(1)).join(' → ')
  return `## Consentry benchmark

${r.runsPerCell} visits per cell (plus 1 discarded warm-up round), every cell of every table interleaved in one run, ` +
    `the order rotating each round · headless Chromium ${r.chromium} · ${r.cpuThrottle}× CPU throttling · ` +
    `${r.viewport.width}×${r.viewport.height} · loopback server, no network latency · ${r.date.slice(0, 16).replace('T', ' ')} UTC · ` +
    `${r.cpus} CPUs (${r.cpuModel}), shared; 1-minute load average ${load} (start → end)
Files: ${r.sdks.filter((s) => s.files.length).map((s) => `${s.name}: ${s.files.map((f) => `\`${f.path}\``).join(' + ')}`).join(' · ')}

${SCENARIOS.map((s) => renderScenario(r, s)).filter(Boolean).join('\n')}`
}

export const MARKERS = ['<!-- bench:start -->', '<!-- bench:end -->']

/** The text between the markers, without the newline after the start marker. */
export const between = (md, [start, end] = MARKERS) => {
  const a = md.indexOf(start)
  const b = md.indexOf(end)
  if (a < 0 || b < a) return null
  return md.slice(a + start.length, b).replace(/^\n/, '')
}

/** docs/benchmark.md with the block between the markers replaced. Throws if the markers are missing. */
export const replaceBlock = (md, text) => {
  const [start, end] = MARKERS
  const a = md.indexOf(start)
  const b = md.indexOf(end)
  if (a < 0 || b < a) throw new Error(`docs/benchmark.md has no ${start} … ${end} pair`)
  return md.slice(0, a + start.length) + '\n' + text + md.slice(b)
}
