// The three measurements, each on a fresh database: sustained ingestion, kill -9 in the middle of a
// load, and a million-record export.
import { request } from 'node:http'
import { dropStore, freshStore, migrate, seed, storedIds } from './db.mjs'
import { memory, resetPeak, sampleRss, startService, TOKEN } from './service.mjs'
import { percentile, record, runLoad } from './load.mjs'

const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null)
const errorsOf = (outcomes) => Object.fromEntries(Object.entries(outcomes).filter(([k]) => !/^2\d\d$/.test(k)))

/** `clients` concurrent clients for `seconds` (after a discarded warm-up of `warmup` seconds), on a fresh database. */
export const ingestion = async ({ engine, postgres, clients, seconds, warmup, say }) => {
  const store = await freshStore(engine, postgres)
  const service = await startService(store)
  try {
    if (warmup > 0) await runLoad({ base: service.base, clients, seconds: warmup })
    say(`${engine}: ${clients} clients for ${seconds} s`)
    const rss = sampleRss(service.pid, 200)
    const r = await runLoad({ base: service.base, clients, seconds })
    const acked = r.latencies.length
    return {
      engine, clients, seconds: round(r.seconds, 2), stored: acked,
      perSecond: round(acked / r.seconds, 0),
      p50: round(percentile(r.latencies, 50), 1), p99: round(percentile(r.latencies, 99), 1), max: round(Math.max(...r.latencies), 0),
      errors: errorsOf(r.outcomes),
      serviceRssMiB: round(rss(), 0),
    }
  } finally {
    await service.stop()
    dropStore(store)
  }
}

/**
 * `clients` clients post records; after `seconds` the service gets SIGKILL and the clients send nothing
 * new (the requests in flight fail or not). Then: a restart on the same data, the stored ids read back by
 * SQL, every record sent posted again (as the outbox does with what it did not see acknowledged), read back again.
 */
export const killNine = async ({ engine, postgres, clients, seconds, say }) => {
  const store = await freshStore(engine, postgres)
  let service = await startService(store)
  say(`${engine}: kill -9 after ${seconds} s of ${clients} clients`)
  let dead = false
  const killed = new Promise((ok) => setTimeout(() => ((dead = true), ok(service.kill9())), seconds * 1000))
  const load = await runLoad({ base: service.base, clients, next: () => (dead ? null : record()), track: true })
  await killed
  // The same data, a new process: it must open (PGlite recovers from its WAL) and answer.
  service = await startService(store)
  const restartedHealthy = (await fetch(`${service.base}/healthz`)).status == 200
  if (!store.url) await service.stop() // PGlite: one process per directory
  const stored = await storedIds(store)
  const acked = new Set(load.acked)
  const sent = new Set(load.sent.map((r) => r.id))
  const count = (ids, keep) => [...ids].filter(keep).length
  const result = {
    engine, clients, secondsBeforeKill: seconds,
    sent: sent.size, acknowledged: acked.size, failed: errorsOf(load.outcomes),
    restartedHealthy, stored: stored.size,
    lost: count(acked, (id) => !stored.has(id)),
    duplicates: count(stored.values(), (n) => n > 1),
    unknown: count(stored.keys(), (id) => !sent.has(id)),
    storedUnacknowledged: count(stored.keys(), (id) => !acked.has(id)),
  }
  if (!store.url) service = await startService(store)
  const queue = [...load.sent]
  const resend = await runLoad({ base: service.base, clients, next: () => queue.pop() ?? null })
  await service.stop()
  const after = await storedIds(store)
  dropStore(store)
  return {
    ...result,
    resent: load.sent.length, resendAnswers: resend.outcomes, storedAfterResend: after.size,
    duplicatesAfterResend: count(after.values(), (n) => n > 1),
    missingAfterResend: count(sent, (id) => !after.has(id)),
  }
}

/** GETs `path` with the admin token and reads the body to its end: bytes, lines, seconds. */
const download = (base, path, say) =>
  new Promise((ok, fail) => {
    const started = performance.now()
    let bytes = 0
    let lines = 0
    let first = NaN
    request(new URL(path, base), { headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      if (res.statusCode != 200) return fail(new Error(`${path}: ${res.statusCode}`))
      res.on('data', (chunk) => {
        if (!bytes) first = performance.now() - started
        bytes += chunk.length
        for (let i = chunk.indexOf(10); i != -1; i = chunk.indexOf(10, i + 1)) if (++lines % 100_000 == 0) say(`${path}: ${lines} lines, ${((performance.now() - started) / 1000).toFixed(0)} s`)
      })
      res.once('end', () => ok({ bytes, lines, firstByteMs: first, seconds: (performance.now() - started) / 1000 }))
      res.once('error', fail)
    })
      .once('error', fail)
      .end()
  })

/** Seeds `n` records by SQL, then streams them through GET /v1/export as NDJSON and as CSV. */
export const exportMillion = async ({ engine, postgres, n, say }) => {
  const store = await freshStore(engine, postgres)
  await migrate(store)
  const seeding = performance.now()
  await seed(store, n, (done) => say(`${engine}: seeded ${done}/${n}`))
  const seedSeconds = (performance.now() - seeding) / 1000
  const service = await startService(store)
  const rows = []
  try {
    const idle = memory(service.pid)
    for (const format of ['ndjson', 'csv']) {
      say(`${engine}: export of ${n} records as ${format}`)
      const peakReset = resetPeak(service.pid)
      const rss = sampleRss(service.pid)
      const got = await download(service.base, `/v1/export?format=${format}`, say)
      const sampled = rss()
      const records = format == 'csv' ? got.lines - 1 : got.lines
      if (records != n) throw new Error(`${engine} ${format} export: ${records} records, expected ${n}`)
      rows.push({
        engine, format, records, seconds: round(got.seconds, 1), perSecond: round(records / got.seconds, 0), MiB: round(got.bytes / 2 ** 20, 0),
        firstByteMs: round(got.firstByteMs, 0), idleRssMiB: round(idle?.rss ?? NaN, 0),
        // VmHWM after resetting it just before the export: the peak during it. Without the reset, the sampled maximum.
        peakRssMiB: round(peakReset ? memory(service.pid)?.peak ?? NaN : sampled, 0), peakFrom: peakReset ? 'VmHWM' : 'sampled VmRSS',
      })
    }
  } finally {
    await service.stop()
    dropStore(store)
  }
  return { seedSeconds: round(seedSeconds, 1), rows }
}
