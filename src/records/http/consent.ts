/**
 * `POST /v1/consent`: the record `serverSync` posts — with `fetch(keepalive)`
 * as `application/json` (after a CORS preflight from another origin), or with
 * `sendBeacon` as `text/plain` when the page is being hidden. Checked by
 * readSyncRecord; stored once per record id. The outbox retries on 408, 429
 * and 5xx and gives up on other 4xx, so a store failure is a 503, never a 4xx.
 */
import { ConsentryError } from '../../errors/index.js'
import { readSyncRecord } from '../../server/sync.js'
import type { RecordStore } from '../store/types.js'
import { readBody } from './body.js'
import type { Limiter } from './rate-limit.js'
import { empty, fail } from './respond.js'

export interface ConsentContext {
  store: () => Promise<RecordStore>
  limiter: Limiter | null
  maxBytes: number
  onError: (e: unknown, where: string) => void
}

export const postConsent = async (request: Request, client: string | undefined, cors: Record<string, string>, ctx: ConsentContext): Promise<Response> => {
  // Before the body is read: a flood costs the service no more than its headers.
  if (ctx.limiter && client) {
    const wait = ctx.limiter.take(client)
    if (wait) {
      await request.body?.cancel().catch(() => {})
      return fail(429, `too many records from this client: retry in ${wait} s`, { ...cors, 'retry-after': String(wait) })
    }
  }
  const type = request.headers.get('content-type')
  // The type first, so a large body of the wrong type is refused unread.
  const typeCheck = readSyncRecord('', type)
  if (!typeCheck.ok && typeCheck.status == 415) {
    await request.body?.cancel().catch(() => {})
    return fail(415, `${typeCheck.reason} (or text/plain from sendBeacon)`, cors)
  }
  const body = await readBody(request, ctx.maxBytes)
  if (!body.ok) return fail(body.status, body.reason, cors)
  const r = readSyncRecord(body.text, type, ctx.maxBytes)
  if (!r.ok) return fail(r.status, r.reason, cors)
  try {
    // false: already stored (the outbox sent it twice, or two tabs did). Still a success for the client.
    await (await ctx.store()).insert(r.record)
  } catch (e) {
    // What readSyncRecord lets by but a database cannot keep as sent (a NUL in the url, 2026-02-30): never storable, so a 4xx.
    if (e instanceof ConsentryError && e.code == 'invalid-record') return fail(400, e.message.replace(/^\[consentry\] /, ''), cors)
    ctx.onError(e, 'POST /v1/consent')
    return fail(503, 'the record could not be stored now: retry later', { ...cors, 'retry-after': '5' })
  }
  return empty(cors)
}
