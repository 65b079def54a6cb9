// The records service under load, on PGlite and on PostgreSQL (started here, PostgreSQL's default
// durability), through the built CLI (`node dist/cli.mjs records serve`) over loopback:
//
// 1. sustained ingestion: N concurrent clients posting records for 30 s (50, then 500);
// 2. kill -9 in the middle of a load, a restart: acknowledged records all stored, none twice;
// 3. an export of 1,000,000 records (seeded by SQL) as NDJSON and CSV: time and the service's peak RSS;
// 4. webhook delivery: records posted at a steady 10, then 50 a second, with 1, then 10 subscriptions at a local receiver:
//    deliveries/s and the lag from the record's 204 to the delivery's arrival (delivery.mjs).
//
//   node bench/records/run.mjs [--seconds 30] [--clients 50,500] [--engines pglite,postgres]
//                              [--only ingestion,kill,export,delivery] [--kill-seconds 10] [--export 1000000] [--warmup 3]
//                              [--subscriptions 1,10] [--delivery-rate 10,50] [--delivery-seconds 20]
//
// `npm run bench:records` builds first. A full run (the defaults) writes bench/records-results.json and the
// block in docs/benchmark.md; a shortened one prints only (--write to write anyway). The delivery section
// has its own date: a written run that did not measure it keeps the previous one's, and `--only delivery
// --write` replaces only it.
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startPostgres } from '../../src/testing/postgres.mjs'
import { dropStore, engineVersion, freshStore } from './db.mjs'
import { DOCS_END, DOCS_START, render } from './report.mjs'
import { ROOT } from './service.mjs'
import { exportMillion, ingestion, killNine } from './scenarios.mjs'
import { delivery } from './delivery.mjs'

const DEFAULTS = {
  seconds: '30', clients: '50,500', engines: 'pglite,postgres', only: 'ingestion,kill,export,delivery', 'kill-seconds': '10', export: '1000000', warmup: '3',
  subscriptions: '1,10', 'delivery-rate': '10,50', 'delivery-seconds': '20',
}
const USAGE = `usage: node bench/records/run.mjs ${Object.entries(DEFAULTS).map(([k, v]) => `[--${k} ${v}]`).join(' ')} [--write]`
let args
try {
  args = parseArgs({ options: { ...Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, { type: 'string', default: v }])), write: { type: 'boolean' } } }).values
} catch (e) {
  console.error(`bench:records: ${e.message}\n${USAGE}`)
  process.exit(2)
}
const list = (s) => s.split(',').filter(Boolean)
const engines = list(args.engines)
const only = new Set(list(args.only))
const settings = {
  seconds: Number(args.seconds), warmup: Number(args.warmup), clients: list(args.clients).map(Number),
  killSeconds: Number(args['kill-seconds']), killClients: 50, exportRecords: Number(args.export),
}
const deliverySettings = { rates: list(args['delivery-rate']).map(Number), seconds: Number(args['delivery-seconds']), subscriptions: list(args.subscriptions).map(Number) }
if (engines.some((e) => e != 'pglite' && e != 'postgres') || [...only].some((o) => !(o in { ingestion: 1, kill: 1, export: 1, delivery: 1 })) ||
  !(settings.seconds > 0 && settings.killSeconds > 0 && settings.exportRecords > 0 && settings.clients.every((c) => c > 0)) ||
  !(deliverySettings.rates.every((r) => r > 0) && deliverySettings.seconds > 0 && deliverySettings.subscriptions.every((n) => Number.isInteger(n) && n > 0))) {
  console.error(`bench:records: bad option\n${USAGE}`)
  process.exit(2)
}
const full = Object.entries(DEFAULTS).every(([k, v]) => args[k] == v)
const say = (s) => process.stderr.write(`bench:records: ${s}\n`)

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ')
const date = new Date().toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ')
const results = {
  date,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() || 'unknown CPU', memGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node, loadBefore: load(), loadAfter: '' },
  engines: [], settings, ingestion: [], kill: [], export: [],
  delivery: only.has('delivery') ? { date, loadBefore: load(), loadAfter: '', engines: [], settings: deliverySettings, rows: [] } : null,
}

const postgres = engines.includes('postgres') ? await startPostgres({ durable: true }) : null
// Ctrl-C: stop the PostgreSQL this run started (its exit handler runs on a normal exit only).
process.once('SIGINT', () => void postgres?.stop().finally(() => process.exit(130)))
try {
  for (const engine of engines) {
    const probe = await freshStore(engine, postgres)
    results.engines.push(await engineVersion(probe))
    results.delivery?.engines.push(results.engines.at(-1))
    dropStore(probe)
    // Each result is also logged as it comes, so an interrupted run keeps what it measured.
    const keep = (list, result) => (list.push(result), say(JSON.stringify(result)))
    if (only.has('ingestion'))
      for (const clients of settings.clients) keep(results.ingestion, await ingestion({ engine, postgres, clients, seconds: settings.seconds, warmup: settings.warmup, say }))
    if (only.has('kill')) keep(results.kill, await killNine({ engine, postgres, clients: settings.killClients, seconds: settings.killSeconds, say }))
    if (only.has('export')) keep(results.export, await exportMillion({ engine, postgres, n: settings.exportRecords, say }))
    if (results.delivery)
      for (const rate of deliverySettings.rates)
        for (const subscriptions of deliverySettings.subscriptions)
          keep(results.delivery.rows, await delivery({ engine, postgres, subscriptions, rate, seconds: deliverySettings.seconds, say }))
  }
} finally {
  await postgres?.stop()
}
results.machine.loadAfter = load()
if (results.delivery) results.delivery.loadAfter = results.machine.loadAfter

const resultsFile = join(ROOT, 'bench/records-results.json')
const write = full || args.write
if (write) {
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8'))
  // Only the delivery section: the other three stay as the run that measured them wrote them.
  if (!only.has('ingestion') && !only.has('kill') && !only.has('export')) Object.assign(results, { ...previous, delivery: results.delivery })
  else if (!only.has('ingestion') && !only.has('kill') && !only.has('delivery')) {
    // Only the export: the other sections stay; the export says when it ran.
    const exportRun = { date: results.date, loadBefore: results.machine.loadBefore, loadAfter: results.machine.loadAfter }
    Object.assign(results, { ...previous, export: results.export, exportRun, settings: { ...previous.settings, exportRecords: settings.exportRecords } })
  } else if (!results.delivery) results.delivery = previous.delivery ?? null
}
const markdown = render(results)
console.log(markdown)
if (write) {
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n')
  const docs = join(ROOT, 'docs/benchmark.md')
  const text = readFileSync(docs, 'utf8')
  const [a, b] = [text.indexOf(DOCS_START), text.indexOf(DOCS_END)]
  if (a < 0 || b < a) say(`docs/benchmark.md has no ${DOCS_START} … ${DOCS_END} block: not updated`)
  else writeFileSync(docs, text.slice(0, a + DOCS_START.length) + '\n' + markdown + '\n' + text.slice(b))
  say('wrote bench/records-results.json and docs/benchmark.md')
} else say('a shortened run: printed only (--write to keep it)')
