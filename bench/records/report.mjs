// The benchmark's Markdown: one table per measurement, and the block docs/benchmark.md quotes.
const ms = (x) => (x == null ? '—' : `${x} ms`)
const failures = (o) => Object.entries(o).map(([k, n]) => `${n} × ${k}`).join(', ') || 'none'

export const renderIngestion = (rows) => [
  '| engine | clients | records/s | p50 | p99 | max | errors | stored | service RSS (max) |',
  '|---|---:|---:|---:|---:|---:|---|---:|---:|',
  ...rows.map((r) => `| ${r.engine} | ${r.clients} | ${r.perSecond} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${failures(r.errors)} | ${r.stored} in ${r.seconds} s | ${r.serviceRssMiB} MiB |`),
]

export const renderKill = (rows) => [
  '| engine | sent | acknowledged (2xx) | stored after restart | lost | duplicates | stored, not acknowledged | after resending all: stored / missing / duplicates |',
  '|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.engine} | ${r.sent} | ${r.acknowledged} | ${r.stored} | ${r.lost} | ${r.duplicates} | ${r.storedUnacknowledged} | ${r.storedAfterResend} / ${r.missingAfterResend} / ${r.duplicatesAfterResend} |`),
]

export const renderExport = (results) => [
  '| engine | format | records | time | records/s | size | first byte | service RSS idle → peak |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
  ...results.flatMap((e) => e.rows.map((r) => `| ${r.engine} | ${r.format} | ${r.records} | ${r.seconds} s | ${r.perSecond} | ${r.MiB} MiB | ${ms(r.firstByteMs)} | ${r.idleRssMiB} → ${r.peakRssMiB} MiB |`)),
]

export const renderDelivery = (rows) => [
  '| engine | posted | subscriptions | records (taken at) | deliveries received / expected | deliveries/s | lag p50 | p99 | max | drained after the last post | repeats | refused |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.engine} | ${r.rate}/s | ${r.subscriptions} | ${r.records} (${r.acceptedPerSecond}/s)${Object.keys(r.postErrors).length ? ` (${failures(r.postErrors)})` : ''} | ${r.received} / ${r.expected} | ${r.perSecond} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.drainSeconds} s | ${r.duplicates} | ${r.refused} |`),
]

/** The delivery section: its own run line (it may come from another run than the rest), then the table. */
const deliveryLines = (d) => [
  `**Webhook delivery** (run ${d.date} · load average ${d.loadBefore} before, ${d.loadAfter} after · ${d.engines.join(' · ')}): records posted at ${d.settings.rates.join(', then ')} a second for ${d.settings.seconds} s (open loop, each a new visitor, so each makes one \`consent.changed\` event), to a service with ${d.settings.subscriptions.join(', then ')} subscription(s) at one receiver in the benchmark's process that checks every delivery with \`verifyWebhook\`; the service's default webhook settings (8 deliveries in flight). Records are taken at the posting rate unless the service falls behind (then the posts queue, and "taken at" says the rate it managed). Lag: from the \`204\` the poster reads to the delivery's arrival, one clock; deliveries/s: every delivery received over the time from the first post to the last arrival; repeats: a delivery id that came twice to one subscription.`,
  '',
  ...renderDelivery(d.rows),
]

/** Everything, as printed and as docs/benchmark.md quotes it. */
export const render = (results) => {
  const m = results.machine
  const lines = [
    `_Run: ${results.date} · ${m.cpus} CPUs (${m.cpuModel}), ${m.memGiB} GiB · load average ${m.loadBefore} before, ${m.loadAfter} after (a shared machine: other jobs ran meanwhile) · Node ${m.node} · ${results.engines.join(' · ')}._`,
    '',
  ]
  const s = results.settings
  if (results.ingestion.length)
    lines.push(
      `**Sustained ingestion**: \`POST /v1/consent\` for ${s.seconds} s per row after a ${s.warmup} s warm-up, each request a new visitor (a new connection from its own loopback address, so the per-address rate limit is on, as shipped, and never fires); latency of the 2xx answers, measured by the client.`,
      '',
      ...renderIngestion(results.ingestion),
      '',
    )
  if (results.kill.length)
    lines.push(
      `**kill -9**: ${s.killClients} clients post; after ${s.killSeconds} s the service gets SIGKILL and nothing new is sent; the service restarts on the same data; the stored ids are read by SQL; then every record sent is posted again.`,
      '',
      ...renderKill(results.kill),
      '',
    )
  if (results.export.length)
    lines.push(
      `**Export**${results.exportRun ? ` (run ${results.exportRun.date} · load average ${results.exportRun.loadBefore} before, ${results.exportRun.loadAfter} after)` : ''}: ${s.exportRecords.toLocaleString('en')} records seeded by SQL (${results.export.map((e) => `${e.rows[0]?.engine} ${e.seedSeconds} s`).join(', ')}), then \`GET /v1/export\` read to the end over loopback by one client; peak RSS is the service process's VmHWM, reset just before each export.`,
      '',
      ...renderExport(results.export),
      '',
    )
  if (results.delivery?.rows.length) lines.push(...deliveryLines(results.delivery), '')
  return lines.join('\n').trimEnd()
}

export const DOCS_START = '<!-- bench:records:start -->'
export const DOCS_END = '<!-- bench:records:end -->'
