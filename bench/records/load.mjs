// The load: `clients` concurrent HTTP clients posting records as serverSync does. Every request is a new
// visitor: a new connection from its own loopback address (127.0.0.0/8 all routes to lo on Linux), so the
// service's per-address rate limit stays on as shipped and never fires, as on a site with many visitors.
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'

let visitor = 0
/** The next visitor's address: 127.a.b.c, c in 1..254. */
const nextAddress = () => {
  const i = visitor++ % (254 * 65536)
  return `127.${((i / 254 / 256) | 0) % 256}.${((i / 254) | 0) % 256}.${(i % 254) + 1}`
}

/** A valid record, as serverSync sends it, with fresh ids. */
export const record = (now = Date.now()) => {
  const at = new Date(now).toISOString()
  const analytics = Math.random() < 0.6
  return {
    v: 1,
    id: randomUUID(),
    consentId: randomUUID(),
    createdAt: at,
    updatedAt: at,
    method: 'banner',
    mode: 'opt-in',
    jurisdiction: 'DE',
    revision: 3,
    categories: { necessary: true, analytics, marketing: analytics && Math.random() < 0.5 },
    services: { posthog: analytics },
    optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
    gpc: false,
    url: 'https://www.example.com/pricing',
  }
}

/** POSTs one record (a new connection from the next visitor address); resolves with the status, or the error's code when there was no answer. */
export const post = (base, body) =>
  new Promise((ok) => {
    const url = new URL('/v1/consent', base)
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, localAddress: nextAddress(), timeout: 15_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume()
        res.once('end', () => ok(res.statusCode))
        res.once('error', (e) => ok(e.code ?? 'error'))
      },
    )
    req.once('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })))
    req.once('error', (e) => ok(e.code ?? 'error'))
    req.end(body)
  })

/**
 * Runs `clients` loops until `seconds` pass or `next()` returns null (then each loop ends). Returns the
 * latencies (ms) of 2xx answers, a count per status or error code, and, with `track`, the records sent and
 * the ids acknowledged (2xx).
 */
export const runLoad = async ({ base, clients, seconds = Infinity, next = () => record(), track = false }) => {
  const deadline = performance.now() + seconds * 1000
  const latencies = []
  const outcomes = {}
  const sent = []
  const acked = []
  const started = performance.now()
  const loop = async () => {
    for (;;) {
      if (performance.now() >= deadline) return
      const r = next()
      if (!r) return
      if (track) sent.push(r)
      const t = performance.now()
      const status = await post(base, JSON.stringify(r))
      outcomes[status] = (outcomes[status] ?? 0) + 1
      if (typeof status == 'number' && status < 300) {
        latencies.push(performance.now() - t)
        if (track) acked.push(r.id)
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, loop))
  return { seconds: (performance.now() - started) / 1000, latencies, outcomes, sent, acked }
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export const percentile = (values, p) => {
  if (!values.length) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
