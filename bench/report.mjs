// The Markdown of both tables, rendered from the JSON alone (bench/results.json,
// bench/compare.json): what run.mjs prints and writes into docs/benchmark.md,
// and what test/dist/bench-docs.test.ts re-renders to catch the docs drifting.
// Pure functions, no I/O.

const fmt = (x, d, unit) => (x == null ? '—' : x.toFixed(d) + unit)
const fmtKB = (n) => (n == null ? '? KB' : `${(n / 1024).toFixed(2)} KB gzip`)

// [key, label, decimals, unit]
export const OWN_METRICS = [
  ['banner', 'Banner visible (from navigation start)', 0, ' ms'],
  ['fcp', 'First contentful paint', 0, ' ms'],
  // A parser-blocking script holds up DOMContentLoaded, and with it every site script waiting for it.
  ['domContentLoaded', 'DOMContentLoaded', 0, ' ms'],
  ['script', 'Script time (CDP ScriptDuration until load + 1 s, probe excluded)', 1, ' ms'],
  ['cls', 'Cumulative layout shift', 3, ''],
  ['clickToCookie', 'Click accept-all → `consentry` cookie', 1, ' ms'],
]

export const COMPARE_METRICS = [
  ['banner', 'Banner visible (from navigation start)', 0, ' ms'],
  ['script', 'Script time (CDP ScriptDuration until load + 1 s, probe excluded)', 1, ' ms'],
  ['cls', 'Cumulative layout shift', 3, ''],
  ['clickToCookie', 'Click accept-all → consent cookie written', 1, ' ms'],
]

/** One row of the first table (Consentry with/without), as printed. */
export const ownRow = ([key, label, d, unit], without, withC) => {
  const diff = without && withC ? withC.median - without.median : null
  const cell = (s) => (s ? `${fmt(s.median, d, unit)} (p90 ${fmt(s.p90, d, '')})` : '—')
  const sign = diff != null && diff >= 0 ? '+' : ''
  return { diff, line: `| ${label} | ${cell(without)} | ${cell(withC)} | ${diff == null ? '—' : sign + fmt(diff, d, unit)} |` }
}

/** The first table and its header lines, exactly as `npm run bench` prints them, from results.json. */
export const renderOwn = (r) => `## Consentry benchmark

${r.runsPerPage} first-time visits per page (plus 1 discarded warm-up), alternating · headless Chromium ${r.chromium} · ` +
  `${r.cpuThrottle}× CPU throttling · ${r.viewport.width}×${r.viewport.height} · loopback server, no network latency
\`${r.script.file}\`: ${fmtKB(r.script.gzipBytes)} (${r.script.gzipBytes} B, level 9; ${r.script.bytes} B minified) · ` +
  `requests Consentry adds: ${r.addedRequests.map((q) => `\`${q.path}\` (${fmtKB(q.gzipBytes)})`).join(', ') || 'none'}

| Metric (median, p90) | Without Consentry | With Consentry | Difference (medians) |
|---|---|---|---|
${OWN_METRICS.map((m) => ownRow(m, r.metrics[m[0]]?.without, r.metrics[m[0]]?.with).line).join('\n')}
`

const machine = (j) => `${j.cpus} CPUs (${j.cpuModel})`

/** The comparison table and its header lines, exactly as `npm run bench` prints them, from compare.json. */
export const renderCompare = (c) => {
  const sdks = c.sdks
  const cell = ([key, , d, unit], id) => {
    const s = c.metrics[key]?.[id]
    return s ? `${fmt(s.median, d, unit)} (${fmt(s.p25, d, '')}–${fmt(s.p75, d, '')})` : '—'
  }
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`
  const rows = [
    `| SDK files fetched: JS + CSS (gzip -9) | ${sdks.map((s) => `${kb(s.gzipBytes)} (${s.files.length} file${s.files.length === 1 ? '' : 's'})`).join(' | ')} |`,
    `| Config and tags in the page (gzip -9, HTML growth) | ${sdks.map((s) => kb(s.htmlGzipBytes)).join(' | ')} |`,
    ...COMPARE_METRICS.map((m) => `| ${m[1]} | ${sdks.map((s) => cell(m, s.id)).join(' | ')} |`),
  ]
  return `## Consentry, vanilla-cookieconsent and Klaro

${c.runsPerSdk} first-time visits per SDK (plus 1 discarded warm-up round), interleaved, the order rotating each round · ` +
    `headless Chromium ${c.chromium} · ${c.cpuThrottle}× CPU throttling · ${c.viewport.width}×${c.viewport.height} · ` +
    `loopback server, no network latency · ${c.date.slice(0, 16).replace('T', ' ')} UTC · ${machine(c)}
Files: ${sdks.map((s) => `${s.name}: ${s.files.map((f) => `\`${f.path}\``).join(' + ')}`).join(' · ')}

| Metric (median, p25–p75) | ${sdks.map((s) => `${s.name} ${s.version}`).join(' | ')} |
|---|${sdks.map(() => '---|').join('')}
${rows.join('\n')}
`
}

/** What docs/benchmark.md holds between each pair of markers; only for the tables given. */
export const docsBlocks = (own, compare) => ({
  ...(own && {
    own: `_Latest run: ${own.date.slice(0, 16).replace('T', ' ')} UTC · ${machine(own)} · Chromium ${own.chromium} · ` +
      `${own.runsPerPage} runs per page._\n\n${renderOwn(own)}`,
  }),
  ...(compare && { compare: renderCompare(compare) }),
})

export const MARKERS = {
  own: ['<!-- bench:own:start -->', '<!-- bench:own:end -->'],
  compare: ['<!-- bench:compare:start -->', '<!-- bench:compare:end -->'],
}

/** The text between a pair of markers, without the newline after the start marker. */
export const between = (md, [start, end]) => {
  const a = md.indexOf(start)
  const b = md.indexOf(end)
  if (a < 0 || b < a) return null
  return md.slice(a + start.length, b).replace(/^\n/, '')
}

/** docs/benchmark.md with the named blocks replaced. Throws if a pair of markers is missing. */
export const replaceBlocks = (md, blocks) => {
  for (const [name, text] of Object.entries(blocks)) {
    const [start, end] = MARKERS[name]
    const a = md.indexOf(start)
    const b = md.indexOf(end)
    if (a < 0 || b < a) throw new Error(`docs/benchmark.md has no ${start} … ${end} pair`)
    md = md.slice(0, a + start.length) + '\n' + text + md.slice(b)
  }
  return md
}
