/**
 * The records service as a fetch handler: Web-standard Request in, Response
 * out, so it mounts in Node (see node.ts), Bun, Deno and any framework with a
 * fetch-style handler. Routes, CORS, auth and limits here; storage behind the
 * RecordStore contract.
 */
import { SYNC_MAX_BYTES } from '../../server/sync.js'
import { regionFromHeaders, type GeoSource } from '../../server/region.js'
import { ConsentryError } from '../../errors/index.js'
import { dashboard } from '../dashboard/index.js'
import { keysFromEnv, sealerFor } from '../store/seal.js'
import { openStore } from '../store/index.js'
import type { RecordStore, StoreOptions } from '../store/types.js'
import { consentById, exportRecords, stats } from './admin.js'
import { adminCheck } from './auth.js'
import { postConsent } from './consent.js'
import { corsHeaders, originOf, parseOrigins, preflight } from './cors.js'
import { clientOf, limitKey } from './client.js'
import { limiter, type RateLimit } from './rate-limit.js'
import { fail, json, secure } from './respond.js'
import { schedulePrune, type PruneSchedule } from './retention.js'
import { webhooks, webhooksRoute } from './webhooks.js'
import { checkWebhookOptions, startDeliverer, type WebhookOptions } from '../webhooks/index.js'

export interface RecordsServiceOptions {
  /** A store you opened (yours to close), or how to open one. Default: PGlite in `./consentry-data`. */
  store?: RecordStore | StoreOptions
  /** The admin endpoints' bearer token. Default: env `CONSENTRY_ADMIN_TOKEN`; without one they refuse every request. */
  adminToken?: string
  /** Origins whose pages may post records (`https://example.com`), or `'*'`. Default: env `CONSENTRY_ALLOWED_ORIGINS`, comma-separated. */
  allowedOrigins?: string | readonly string[]
  /**
   * Per client (`info.remoteAddress`; an IPv6 client by its /64). Default 60 a minute, bursts of 20; `false`: no
   * limit. The dashboard's login has a limit of its own, per client alike.
   */
  rateLimit?: Partial<RateLimit> | false
  /**
   * How many proxies in front of the service to believe (a reverse proxy, a load balancer, a CDN), each appending
   * the address it received from to `X-Forwarded-For`: the client is then the address the outermost one saw, and
   * entries a client wrote itself are never believed. Default 0: the client is `info.remoteAddress`, and behind a
   * proxy every visitor would share the proxy's one bucket.
   */
  trustProxy?: number
  /** Records older than this many months are pruned daily (the record in force of each consent id stays). Default 24. */
  retentionMonths?: number
  /** When pruning runs; `false`: never on its own (run `consentry records prune` from cron instead). */
  prune?: PruneSchedule | false
  /** Largest accepted record body in bytes. Default readSyncRecord's SYNC_MAX_BYTES (16 KB). */
  maxBytes?: number
  /** Which CDNs' geo headers `GET /v1/region` trusts. Default: all that regionFromHeaders reads. */
  regionFrom?: readonly GeoSource[]
  /** Hears failures a client is not told the details of (the store failing, a bug). Default: console.error. */
  onError?: (error: unknown, where: string) => void
  /**
   * Webhook deliveries (subscriptions are added with `POST /v1/webhooks` or `consentry records webhook add`):
   * retried for `retryHours` (72) after the first attempt, `timeoutMs` (10,000) per attempt, `concurrency` (8)
   * in flight, the outbox read every `pollMs` (1000) and at once after an insert. `false`: this process sends none
   * (another process on the same PostgreSQL may).
   */
  webhooks?: WebhookOptions | false
  /** Hears what the service did on its own (pruning). Default: nothing. */
  onInfo?: (message: string) => void
}

export interface RecordsService {
  /** Answers one request. `remoteAddress` (the client's IP) keys the rate limit, in memory only; it is never stored. */
  fetch(request: Request, info?: { remoteAddress?: string }): Promise<Response>
  /** Stops pruning and webhook deliveries, and closes the store if the service opened it. Requests after it get 503. */
  close(): Promise<void>
}

const env = (name: string): string | undefined => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name]

const positive = (name: string, v: unknown, fallback: number): number => {
  if (v === undefined) return fallback
  if (typeof v != 'number' || !(v > 0) || !Number.isFinite(v)) throw new ConsentryError('invalid-config', `${name}: expected a positive number, got ${JSON.stringify(v)}`)
  return v
}

const isStore = (s: unknown): s is RecordStore => typeof (s as RecordStore | undefined)?.insert == 'function'

/** The routes: path → methods (HEAD goes with GET). */
const CONSENT_ID = /^\/v1\/consent\/([^/]+)$/

/**
 * Creates the records service. Opens its store on the first request that needs
 * it (a store that fails to open is tried again on the next one). Throws a
 * `ConsentryError` for a bad option.
 * @example
 * const service = createRecordsService({ allowedOrigins: ['https://example.com'] })
 * Bun.serve({ port: 8787, fetch: (req, server) => service.fetch(req, { remoteAddress: server.requestIP(req)?.address }) })
 */
export const createRecordsService = (options: RecordsServiceOptions = {}): RecordsService => {
  const origins = parseOrigins(options.allowedOrigins ?? env('CONSENTRY_ALLOWED_ORIGINS'))
  const adminToken = options.adminToken ?? env('CONSENTRY_ADMIN_TOKEN')
  const checkAdmin = adminCheck(adminToken)
  const maxBytes = positive('maxBytes', options.maxBytes, SYNC_MAX_BYTES)
  const months = positive('retentionMonths', options.retentionMonths, 24)
  const rate = options.rateLimit === false ? null : { perMinute: positive('rateLimit.perMinute', options.rateLimit?.perMinute, 60), burst: positive('rateLimit.burst', options.rateLimit?.burst, 20) }
  const hops = options.trustProxy ?? 0
  if (!Number.isInteger(hops) || hops < 0 || hops > 100) throw new ConsentryError('invalid-config', `trustProxy: expected the number of proxies in front of the service (0 to 100), got ${JSON.stringify(options.trustProxy)}`)
  const onError = options.onError ?? ((e, where) => console.error(`[consentry records] ${where}:`, e))
  const given = isStore(options.store) ? options.store : null
  const asked = (options.store as StoreOptions | undefined) ?? { engine: 'pglite', dataDir: './consentry-data' }
  // The key that seals webhook secrets at rest: given, or env CONSENTRY_SECRET_KEY.
  const secretKey = given ? undefined : (asked.secretKey ?? keysFromEnv(env('CONSENTRY_SECRET_KEY')))
  // A bad key is said now, with the other options, not on the first request.
  sealerFor(secretKey)
  const storeOptions: StoreOptions = given ? {} : { ...asked, ...(secretKey ? { secretKey } : {}) }

  let opening: Promise<RecordStore> | null = given && Promise.resolve(given)
  let closed = false
  const store = (): Promise<RecordStore> => {
    if (closed) return Promise.reject(new Error('the records service is closed'))
    // Failed: forget it, so the next request tries again (a database that was still starting).
    opening ??= openStore(storeOptions).catch((e) => ((opening = null), Promise.reject(e)))
    return opening
  }
  const ctx = { store, onError, maxBytes, limiter: rate && limiter(rate) }
  const board = dashboard({ token: adminToken, store, onError })
  const stopPruning = options.prune === false ? () => {} : schedulePrune(store, months, options.prune ?? {}, { error: onError, pruned: (n) => options.onInfo?.(`retention: pruned ${n} record(s) older than ${months} months`) })

  const webhookOptions = options.webhooks === false ? false : checkWebhookOptions(options.webhooks ?? {})
  const deliverer = webhookOptions && startDeliverer(store, webhookOptions, { onError })

  const allow = (methods: string) => fail(405, 'method not allowed', { allow: methods })

  const route = async (request: Request, url: URL, client: string | undefined): Promise<Response> => {
    const { pathname: path } = url
    const method = request.method == 'HEAD' ? 'GET' : request.method
    if (path == '/v1/consent' || path == '/v1/region') {
      const methods = path == '/v1/consent' ? 'POST' : 'GET'
      const origin = originOf(request, url, origins)
      if (origin === null) return fail(403, `origin ${request.headers.get('origin')?.slice(0, 100)} is not allowed: add it to CONSENTRY_ALLOWED_ORIGINS`, { vary: 'Origin' })
      if (method == 'OPTIONS') return preflight(request, origin, methods)
      if (method != methods) return allow(`${methods}, OPTIONS`)
      const cors = corsHeaders(origin)
      if (path == '/v1/region') return json(200, { region: regionFromHeaders(request.headers, { from: options.regionFrom }) }, { ...cors, 'cache-control': 'private, no-store' })
      return postConsent(request, client, cors, ctx)
    }
    if (path == '/healthz') {
      if (method != 'GET') return allow('GET, HEAD')
      try {
        const s = await store()
        await Promise.race([s.ping(), new Promise((_, no) => setTimeout(no, 5000, new Error('ping: no answer in 5 s')))])
        return json(200, { ok: true })
      } catch (e) {
        onError(e, 'GET /healthz')
        return json(503, { ok: false, error: 'the store does not answer' })
      }
    }
    if (path == '/dashboard' || path.startsWith('/dashboard/')) return board(request, url, client)
    const hooks = path.startsWith('/v1/webhooks') ? webhooksRoute(path) : null
    if (hooks) {
      if (method == 'OPTIONS') return new Response(null, { status: 204, headers: { allow: `${hooks.methods}, OPTIONS` } })
      if (!hooks.methods.split(', ').includes(method)) return allow(hooks.methods)
      const refused = checkAdmin(request, url)
      if (refused) return refused
      return webhooks(request, url, hooks, { store })
    }
    const byId = CONSENT_ID.exec(path)
    if (byId || path == '/v1/export' || path == '/v1/stats') {
      const methods = byId ? 'GET, HEAD, DELETE' : 'GET, HEAD'
      if (method == 'OPTIONS') return new Response(null, { status: 204, headers: { allow: `${methods}, OPTIONS` } })
      if (!methods.split(', ').includes(method)) return allow(methods)
      const refused = checkAdmin(request, url)
      if (refused) return refused
      if (byId) return consentById(method, decodeURIComponent(byId[1]!), ctx)
      return path == '/v1/export' ? exportRecords(url, ctx) : stats(url, ctx)
    }
    return fail(404, 'not found')
  }

  return {
    async fetch(request, info) {
      let res: Response
      try {
        if (closed) res = fail(503, 'the records service is shutting down')
        else res = await route(request, new URL(request.url), info?.remoteAddress ? limitKey(clientOf(request.headers, info.remoteAddress, hops)) : undefined)
      } catch (e) {
        onError(e, `${request.method} ${new URL(request.url).pathname}`)
        res = fail(e instanceof URIError ? 400 : 500, e instanceof URIError ? 'malformed %-escape in the path' : 'internal error')
      }
      if (request.method == 'HEAD' && res.body) {
        await res.body.cancel().catch(() => {})
        res = new Response(null, { status: res.status, statusText: res.statusText, headers: res.headers })
      }
      return secure(res)
    },
    async close() {
      if (closed) return
      closed = true
      stopPruning()
      // Before the store closes: the attempts in flight settle (as failures, retried later) while it is open.
      if (deliverer) await deliverer.close()
      const opened = given ? null : opening
      opening = null
      if (opened) await (await opened.catch(() => null))?.close()
    },
  }
}
