// Webhook delivery: records posted at a steady rate to the service with ONE or TEN subscriptions, every
// subscription pointing at a receiver in the benchmark's own process that verifies each delivery with
// verifyWebhook (dist/server.mjs) as a user's receiver would. Lag: from the 204 the poster reads to the
// delivery's arrival at the receiver, both read from this process's clock (performance.now()).
import { createServer } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { dropStore, freshStore } from './db.mjs'
import { percentile, post, record } from './load.mjs'
import { ROOT, startService, TOKEN } from './service.mjs'

const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null)
const sleep = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)))

/** The secret of subscription `k`. */
export const secretOf = (k) => `whsec_bench_${String(k).padStart(2, '0')}_${'0'.repeat(40)}`

/**
 * A receiver on 127.0.0.1: `POST /hook/<k>` verifies the delivery with subscription k's secret and
 * answers 204 (400 when it does not verify). Keeps, per (k, delivery id), the first arrival and the
 * record id it carried; counts repeats and refusals.
 */
export const startReceiver = async () => {
  const { verifyWebhook } = await import(pathToFileURL(join(ROOT, 'dist/server.mjs')).href)
  /** `${k} ${deliveryId}` → { k, recordId, at } */
  const arrivals = new Map()
  const counts = { duplicates: 0, refused: 0 }
  const reasons = {}
  let last = 0
  const server = createServer(async (req, res) => {
    const k = /^\/hook\/(\d+)$/.exec(req.url ?? '')?.[1]
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const r = k == null ? { ok: false, reason: 'unknown path' } : await verifyWebhook(Buffer.concat(chunks), req.headers['consentry-signature'], secretOf(k))
    if (!r.ok) {
      counts.refused++
      reasons[r.reason] = (reasons[r.reason] ?? 0) + 1
      res.writeHead(400).end(r.reason)
      return
    }
    const key = `${k} ${r.event.id}`
    if (arrivals.has(key)) counts.duplicates++
    else arrivals.set(key, { k: Number(k), recordId: r.event.record.id, at: (last = performance.now()) })
    res.writeHead(204).end()
  })
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok))
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    arrivals,
    counts,
    reasons,
    lastArrival: () => last,
    /** Forgets what arrived so far (after a warm-up). */
    reset: () => {
      arrivals.clear()
      Object.assign(counts, { duplicates: 0, refused: 0 })
      for (const k of Object.keys(reasons)) delete reasons[k]
      last = 0
    },
    close: () => new Promise((ok) => (server.closeAllConnections(), server.close(ok))),
  }
}

/** Adds `n` subscriptions through the admin API, subscription k at `${receiver}/hook/k`. */
export const subscribe = async (base, receiver, n) => {
  for (let k = 0; k < n; k++) {
    const res = await fetch(`${base}/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiver}/hook/${k}`, secret: secretOf(k), events: ['consent.changed'] }),
    })
    if (res.status != 201) throw new Error(`POST /v1/webhooks: ${res.status} ${await res.text()}`)
  }
}

/**
 * Posts `rate` records a second for `seconds` (open loop: each on its own connection at its due time,
 * whether or not the earlier ones were answered). Resolves with each acknowledged record's 204 time.
 */
export const postSteadily = async (base, rate, seconds) => {
  const acked = new Map()
  const outcomes = {}
  const started = performance.now()
  const total = Math.round(rate * seconds)
  const inFlight = []
  for (let i = 0; i < total; i++) {
    await sleep(started + (i * 1000) / rate - performance.now())
    const r = record()
    inFlight.push(
      post(base, JSON.stringify(r)).then((status) => {
        outcomes[status] = (outcomes[status] ?? 0) + 1
        if (status == 204) acked.set(r.id, performance.now())
      }),
    )
  }
  await Promise.all(inFlight)
  return { acked, outcomes, started, ended: performance.now() }
}

/**
 * One row: a fresh database, the service, `subscriptions` subscriptions, `rate` records/s for `seconds`;
 * then waits until every expected delivery arrived or none arrived for `stallSeconds`.
 */
export const delivery = async ({ engine, postgres, subscriptions, rate, seconds, stallSeconds = 30, say }) => {
  const store = await freshStore(engine, postgres)
  const receiver = await startReceiver()
  const service = await startService(store)
  try {
    await subscribe(service.base, receiver.base, subscriptions)
    // Warm-up: one record, delivered to every subscription (the store opened, the deliverer's first claim done), then forgotten.
    if ((await post(service.base, JSON.stringify(record()))) != 204) throw new Error('the warm-up record was refused')
    for (const until = performance.now() + stallSeconds * 1000; receiver.arrivals.size < subscriptions && performance.now() < until; ) await sleep(50)
    receiver.reset()
    say(`${engine}: ${rate} records/s for ${seconds} s, ${subscriptions} subscription${subscriptions == 1 ? '' : 's'}`)
    const load = await postSteadily(service.base, rate, seconds)
    const expected = load.acked.size * subscriptions
    // Only the deliveries of records this run posted and saw acknowledged (a late warm-up delivery is not one).
    const measured = () => [...receiver.arrivals.values()].filter((a) => load.acked.has(a.recordId))
    // Drain: until all arrived, or nothing new for stallSeconds.
    let arrived = measured()
    for (let since = performance.now(); arrived.length < expected; await sleep(100)) {
      const now = measured()
      if (now.length != arrived.length) (arrived = now), (since = performance.now())
      else if (performance.now() - since > stallSeconds * 1000) break
    }
    arrived = measured()
    const lags = arrived.map((a) => a.at - load.acked.get(a.recordId))
    const last = Math.max(...arrived.map((a) => a.at))
    const errors = Object.fromEntries(Object.entries(load.outcomes).filter(([k]) => k != '204'))
    return {
      engine, rate, subscriptions, seconds, records: load.acked.size, postErrors: errors,
      // The rate the service took the records at: below `rate` when it could not keep up (the posts then queue).
      acceptedPerSecond: round(load.acked.size / ((load.ended - load.started) / 1000), 0),
      expected, received: arrived.length, missing: expected - arrived.length,
      duplicates: receiver.counts.duplicates, refused: receiver.counts.refused,
      perSecond: round(arrived.length / ((last - load.started) / 1000), 0),
      p50: round(percentile(lags, 50), 1), p99: round(percentile(lags, 99), 1), max: round(Math.max(...lags), 0),
      // A delivery can arrive before its 204 reaches the poster: the service commits, wakes the deliverer, then answers.
      beforeAck: lags.filter((x) => x < 0).length,
      drainSeconds: round(Math.max(0, last - load.ended) / 1000, 1),
    }
  } finally {
    await service.stop()
    await receiver.close()
    dropStore(store)
  }
}
