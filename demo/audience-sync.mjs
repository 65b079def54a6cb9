/**
 * The demo's audience-sync receiver: what a site's backend that uploads
 * customer lists and conversions to Meta and Google would run. The demo's
 * records service delivers every change of a visitor's decision to
 * `POST /audience-sync/webhook`; each delivery is checked with `verifyWebhook`
 * (signature, timestamp, event body), repeats are dropped by their delivery id,
 * and the latest event per consent id is kept in memory. For each visitor the
 * page shows the fields `platformFields` gives for Meta's Conversions API and
 * Google's Ads and Data Manager APIs, and whether `mayUpload` lets the visitor
 * into an audience upload.
 */
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

/** Where the records service delivers to, on the demo's own origin. */
export const WEBHOOK_PATH = '/audience-sync/webhook'

/** A delivery body larger than this is refused unread (413): an event is about a kilobyte. */
export const MAX_BODY = 64 * 1024

/** Delivery ids remembered to drop repeats (the oldest forgotten first), and refusals kept for the page. */
const SEEN_KEPT = 10_000
const REFUSALS_KEPT = 20

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** A subscription an earlier demo run made: this receiver's path on a loopback address, at any port. */
const isOurs = (url) => {
  try {
    const u = new URL(url)
    return u.pathname == WEBHOOK_PATH && loopback.has(u.hostname)
  } catch {
    return false
  }
}

/**
 * Creates the receiver. `secret` is the subscription's signing secret (a new
 * one per run by default: at start the subscription is rotated to it);
 * `now` (ms) is for tests of the timestamp tolerance.
 */
export const createAudienceSync = ({ secret = 'whsec_' + randomBytes(32).toString('hex'), now = () => Date.now() } = {}) => {
  // consentry/server as users get it; imported on the first delivery, so a missing build fails that request only.
  let entry
  const server = () => (entry ??= import(pathToFileURL(resolve(DIST, 'server.mjs')).href))
  /** Delivery ids already applied, in arrival order (a Set keeps insertion order: the first is the oldest). */
  const seen = new Set()
  /** consentId → { event, deliveryId, receivedAt } */
  const latest = new Map()
  const refusals = []
  const counts = { received: 0, applied: 0, duplicates: 0, stale: 0, refused: 0 }
  let subscription = { state: 'pending' }

  const refuse = (status, reason) => {
    counts.refused++
    refusals.unshift({ at: new Date(now()).toISOString(), reason })
    refusals.length = Math.min(refusals.length, REFUSALS_KEPT)
    return { status, text: reason }
  }

  /**
   * One delivery: the raw body and its headers. Answers 400 with the reason for
   * anything that does not verify, 2xx otherwise (a repeat too, so the service
   * stops retrying it).
   */
  const receive = async ({ body, signature, delivery }) => {
    counts.received++
    const { verifyWebhook } = await server()
    const r = await verifyWebhook(body, signature, secret, { now: now() })
    if (!r.ok) return refuse(400, r.reason + (r.detail ? `: ${r.detail}` : ''))
    const { event } = r
    // The header is what a receiver can de-duplicate by before parsing; it must name the event it came with.
    if (typeof delivery == 'string' && delivery != event.id) return refuse(400, 'delivery-id-mismatch: Consentry-Delivery differs from the event id')
    if (seen.has(event.id)) {
      counts.duplicates++
      return { status: 200, text: 'duplicate: already applied' }
    }
    seen.add(event.id)
    if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value)
    // Deliveries arrive in order per consent id, but a dead one replayed later is older than what is kept: keep the newest change.
    const kept = latest.get(event.consentId)
    if (kept && Date.parse(kept.event.createdAt) > Date.parse(event.createdAt)) {
      counts.stale++
      return { status: 200, text: 'older than the change already applied' }
    }
    latest.set(event.consentId, { event, deliveryId: event.id, receivedAt: new Date(now()).toISOString() })
    counts.applied++
    return { status: 200, text: 'applied' }
  }

  /** What the page shows: each visitor's decision in force and the fields the sync would send, newest change first. */
  const view = async () => {
    const { platformFields, mayUpload } = await server()
    const visitors = [...latest.values()]
      .sort((a, b) => Date.parse(b.event.createdAt) - Date.parse(a.event.createdAt))
      .map(({ event, deliveryId, receivedAt }) => {
        const r = event.record
        return {
          consentId: event.consentId,
          deliveryId,
          changedAt: event.createdAt,
          receivedAt,
          firstDecision: !event.previous,
          decision: { method: r.method, mode: r.mode, jurisdiction: r.jurisdiction, revision: r.revision, updatedAt: r.updatedAt, categories: r.categories, services: r.services },
          gpc: r.gpc,
          optOut: r.optOut,
          fields: {
            meta: platformFields(r, 'meta'),
            googleAds: platformFields(r, 'google-ads'),
            googleDataManager: platformFields(r, 'google-data-manager'),
          },
          mayUpload: { meta: mayUpload(r, 'meta'), google: mayUpload(r, 'google-data-manager') },
        }
      })
    return { subscription, counts: { ...counts }, refusals: [...refusals], visitors }
  }

  /** Forgets every visitor (the demo's "erase all records"); repeats stay dropped. */
  const clear = () => latest.clear()

  /**
   * Subscribes this receiver at `url` through the records service's admin API,
   * idempotently across demo restarts: a subscription an earlier run made for
   * the same url is kept (its pending deliveries with it) and rotated to this
   * run's secret; one an earlier run made at another port is removed. A service
   * without webhooks (404) leaves the receiver idle, with one log line.
   */
  const subscribe = async (service, adminToken, url, log = console.warn) => {
    const call = async (method, path, body) => {
      const res = await service.fetch(
        new Request(`http://demo.local${path}`, {
          method,
          headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body && JSON.stringify(body),
        }),
      )
      return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json().catch(() => null) : null }
    }
    try {
      const list = await call('GET', '/v1/webhooks')
      if (list.status == 404) {
        log('audience sync: this records service has no webhooks (GET /v1/webhooks: 404), so the receiver gets no deliveries')
        return (subscription = { state: 'unavailable', url })
      }
      if (list.status != 200 || !Array.isArray(list.body?.subscriptions)) throw new Error(`GET /v1/webhooks: HTTP ${list.status}`)
      const ours = list.body.subscriptions.filter((s) => isOurs(s.url))
      let reused = ours.find((s) => s.url == url)
      for (const s of ours) if (s !== reused) await call('DELETE', `/v1/webhooks/${encodeURIComponent(s.id)}`)
      if (reused && (await call('POST', `/v1/webhooks/${encodeURIComponent(reused.id)}/rotate`, { secret })).status != 200) {
        await call('DELETE', `/v1/webhooks/${encodeURIComponent(reused.id)}`)
        reused = undefined
      }
      if (reused) return (subscription = { state: 'subscribed', id: reused.id, url, reused: true })
      const added = await call('POST', '/v1/webhooks', { url, secret, events: ['consent.changed'] })
      if (added.status != 201 || typeof added.body?.id != 'string') throw new Error(`POST /v1/webhooks: HTTP ${added.status}`)
      return (subscription = { state: 'subscribed', id: added.body.id, url, reused: false })
    } catch (e) {
      log(`audience sync: could not subscribe (${e.message})`)
      return (subscription = { state: 'failed', url, detail: e.message })
    }
  }

  return { secret, receive, view, clear, subscribe, get subscription() { return subscription } }
}
