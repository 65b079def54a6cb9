/**
 * The webhook admin endpoints (the caller has passed the token check):
 *
 * - `GET /v1/webhooks`, `POST /v1/webhooks` `{ url, secret?, events? }`, `DELETE /v1/webhooks/:id`,
 *   `POST /v1/webhooks/:id/rotate` `{ secret? }`, `POST /v1/webhooks/:id/replay` (all its dead ones);
 * - `GET /v1/webhooks/deliveries?state=&subscription=&limit=`, `POST /v1/webhooks/deliveries/:id/replay`.
 */
import { ConsentryError } from '../../errors/index.js'
import type { DeliveryState, RecordStore } from '../store/types.js'
import { readBody } from './body.js'
import { empty, fail, json } from './respond.js'

export interface WebhooksContext {
  store: () => Promise<RecordStore>
}

const ROUTES: [RegExp, string, string][] = [
  [/^\/v1\/webhooks$/, 'GET, HEAD, POST', 'list'],
  [/^\/v1\/webhooks\/deliveries$/, 'GET, HEAD', 'deliveries'],
  [/^\/v1\/webhooks\/deliveries\/([^/]+)\/replay$/, 'POST', 'replay'],
  [/^\/v1\/webhooks\/([^/]+)$/, 'DELETE', 'remove'],
  [/^\/v1\/webhooks\/([^/]+)\/rotate$/, 'POST', 'rotate'],
  [/^\/v1\/webhooks\/([^/]+)\/replay$/, 'POST', 'replayDead'],
]

/** The route a path names (and its methods), or null: not a webhooks path. */
export const webhooksRoute = (path: string): { name: string; methods: string; id?: string } | null => {
  for (const [re, methods, name] of ROUTES) {
    const m = re.exec(path)
    if (m) return { name, methods, id: m[1] && decodeURIComponent(m[1]) }
  }
  return null
}

/** A JSON object body (an empty body is `{}`), or the 400/413/415 that refuses it. */
const objectBody = async (request: Request): Promise<Record<string, unknown> | Response> => {
  const type = request.headers.get('content-type')
  const body = await readBody(request, 16_384)
  if (!body.ok) return fail(body.status, body.reason)
  if (!body.text.trim()) return {}
  if (type && !/^application\/json\b/i.test(type)) return fail(415, 'expected Content-Type: application/json')
  try {
    const x: unknown = JSON.parse(body.text)
    if (typeof x == 'object' && x && !Array.isArray(x)) return x as Record<string, unknown>
  } catch {}
  return fail(400, 'expected a JSON object')
}

/** A refusal the store made of an input (`invalid-query`) is the caller's 400, naming the field. */
const refused = (e: unknown): Response => {
  if (e instanceof ConsentryError && e.code == 'invalid-query') return fail(400, e.message.replace(/^\[consentry\] /, ''))
  throw e
}

export const webhooks = async (request: Request, url: URL, route: { name: string; id?: string }, ctx: WebhooksContext): Promise<Response> => {
  const w = (await ctx.store()).webhooks
  const id = route.id ?? ''
  try {
    switch (route.name) {
      case 'list': {
        if (request.method != 'POST') return json(200, { subscriptions: await w.list() })
        const body = await objectBody(request)
        if (body instanceof Response) return body
        return json(201, await w.add(body as { url: string }))
      }
      case 'remove':
        return (await w.remove(id)) ? empty() : fail(404, 'no such webhook')
      case 'rotate': {
        const body = await objectBody(request)
        if (body instanceof Response) return body
        const secret = await w.rotate(id, body.secret as string | undefined)
        return secret ? json(200, { secret }) : fail(404, 'no such webhook')
      }
      case 'replayDead': {
        const n = await w.replayDead(id)
        return n == null ? fail(404, 'no such webhook') : json(202, { replayed: n })
      }
      case 'replay':
        return (await w.replay(id)) ? new Response(null, { status: 202 }) : fail(404, 'no such delivery')
      default: {
        const q = url.searchParams
        const limit = q.get('limit')
        if (limit !== null && !/^\d{1,4}$/.test(limit)) return fail(400, 'limit: expected an integer from 1 to 1000')
        const deliveries = await w.deliveries({
          state: (q.get('state') || undefined) as DeliveryState | undefined,
          subscription: q.get('subscription') || undefined,
          limit: limit === null ? undefined : Number(limit),
        })
        return json(200, { deliveries })
      }
    }
  } catch (e) {
    return refused(e)
  }
}
