/**
 * One delivery attempt: `POST` the stored body, signed now, to the
 * subscription's URL. Any 2xx is delivered; anything else, a network error, a
 * refused address or the timeout is a failure to retry, described in a line for
 * `lastError`. Sent with node:http(s) rather than fetch, for its `lookup` hook:
 * the addresses checked (guard.ts) are the ones connected to.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { signWebhook } from '../../server/webhooks/sign.js'
import { VERSION } from '../../version.js'
import type { ClaimedDelivery } from '../store/types.js'
import { bareHost, guardedLookup, mayReachLocal, refusal } from './guard.js'

export type SendResult = { ok: true } | { ok: false; error: string }

export interface SendOptions {
  timeoutMs: number
  /** Hosts that may resolve to loopback, link-local and other local-only addresses; `'*'`: any. */
  allowLocal: '*' | readonly string[]
  /** Aborts the attempt (the service is closing). */
  stop: AbortSignal
  now: number
}

const describe = (e: unknown, timedOut: boolean, timeoutMs: number): string => {
  if (timedOut) return `timeout: no answer in ${timeoutMs} ms`
  const err = e as { name?: string; message?: string; code?: string }
  if (err?.name == 'AbortError') return 'aborted: the service stopped'
  if (err?.code == 'EWEBHOOKREFUSED') return `refused: ${err.message}`
  return `network: ${err?.message ?? String(e)}${err?.code && !err.message?.includes(err.code) ? ` (${err.code})` : ''}`
}

export const send = async (d: ClaimedDelivery, o: SendOptions): Promise<SendResult> => {
  if (d.unsigned) return { ok: false, error: d.unsigned }
  if (!d.secrets.length) return { ok: false, error: 'the subscription has no secret that signs' }
  const url = new URL(d.url)
  const host = bareHost(url.hostname)
  const open = mayReachLocal(o.allowLocal, host)
  // An address in the URL is connected to without a lookup: checked here.
  const literal = !open && isIP(host) ? refusal(host, host) : null
  if (literal) return { ok: false, error: `refused: ${literal}` }
  const timeout = AbortSignal.timeout(o.timeoutMs)
  const body = Buffer.from(d.body, 'utf8')
  try {
    const headers = {
      'content-type': 'application/json',
      'content-length': String(body.length),
      'consentry-signature': await signWebhook(d.body, d.secrets, o.now),
      'consentry-delivery': d.id,
      'consentry-event': 'consent.changed',
      'user-agent': `Consentry-Webhooks/${VERSION}`,
    }
    const status = await new Promise<number>((ok, fail) => {
      const request = url.protocol == 'https:' ? httpsRequest : httpRequest
      // A redirect is not followed (node:http never does): the signed body goes only to the URL the admin subscribed.
      const req = request(url, { method: 'POST', headers, signal: AbortSignal.any([timeout, o.stop]), ...(open ? {} : { lookup: guardedLookup(host) }) }, (res: IncomingMessage) => {
        // The answer's body is not read: the status is the whole answer.
        res.resume()
        ok(res.statusCode ?? 0)
      })
      req.on('error', fail)
      req.end(body)
    })
    return status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `HTTP ${status}` }
  } catch (e) {
    return { ok: false, error: describe(e, timeout.aborted, o.timeoutMs).slice(0, 500) }
  }
}
