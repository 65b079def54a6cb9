/**
 * One delivery attempt: `POST` the stored body, signed now, to the
 * subscription's URL. Any 2xx is delivered; anything else, a network error or
 * the timeout is a failure to retry, described in a line for `lastError`.
 */
import { signWebhook } from '../../server/webhooks/sign.js'
import { VERSION } from '../../version.js'
import type { ClaimedDelivery } from '../store/types.js'

export type SendResult = { ok: true } | { ok: false; error: string }

export interface SendOptions {
  timeoutMs: number
  fetch: typeof globalThis.fetch
  /** Aborts the attempt (the service is closing). */
  stop: AbortSignal
  now: number
}

const describe = (e: unknown, timedOut: boolean, timeoutMs: number): string => {
  if (timedOut) return `timeout: no answer in ${timeoutMs} ms`
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name == 'AbortError') return 'aborted: the service stopped'
  const cause = err?.cause?.code ?? err?.cause?.message
  return `network: ${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}`
}

export const send = async (d: ClaimedDelivery, o: SendOptions): Promise<SendResult> => {
  if (!d.secrets.length) return { ok: false, error: 'the subscription has no secret that signs' }
  const timeout = AbortSignal.timeout(o.timeoutMs)
  try {
    const res = await o.fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'consentry-signature': await signWebhook(d.body, d.secrets, o.now),
        'consentry-delivery': d.id,
        'consentry-event': 'consent.changed',
        'user-agent': `Consentry-Webhooks/${VERSION}`,
      },
      body: d.body,
      // A redirect is not followed: the signed body goes only to the URL the admin subscribed.
      redirect: 'manual',
      signal: AbortSignal.any([timeout, o.stop]),
    })
    // The answer's body is not read: the status is the whole answer.
    await res.body?.cancel().catch(() => {})
    return res.status >= 200 && res.status < 300 ? { ok: true } : { ok: false, error: `HTTP ${res.status}` }
  } catch (e) {
    return { ok: false, error: describe(e, timeout.aborted, o.timeoutMs).slice(0, 500) }
  }
}
