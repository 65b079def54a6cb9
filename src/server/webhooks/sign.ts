/**
 * Webhook signatures: `Consentry-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`,
 * each v1 the HMAC-SHA256 of `<t>.<body>` under one secret (several while a
 * secret rotates). Web Crypto (`globalThis.crypto.subtle`) does the HMAC, so the
 * same code runs on Node, Bun, Deno and Workers, which have no `node:crypto`
 * `timingSafeEqual`; its `verify` compares in constant time. Web Crypto is
 * asynchronous, so both functions return promises.
 */
import { ConsentryError } from '../../errors/index.js'
import type { HeaderValue } from '../headers.js'
import { consentEventProblem, type ConsentEvent } from './event.js'

/** Why `verifyWebhook` refused a delivery. */
export type WebhookRefusal = 'missing-header' | 'malformed-header' | 'no-valid-signature' | 'timestamp-outside-tolerance' | 'invalid-event'

/** What `verifyWebhook` returns: the checked event, or why it was refused. */
export type WebhookResult = { ok: true; event: ConsentEvent } | { ok: false; reason: WebhookRefusal; detail?: string }

/** A signature header longer than this, or with more v1 values, is malformed: nobody rotates through 16 secrets at once. */
const MAX_HEADER = 4096
const MAX_SIGNATURES = 16

const utf8 = new TextEncoder()

const secretList = (secrets: unknown, fn: string): string[] => {
  const list = typeof secrets == 'string' ? [secrets] : secrets
  if (!Array.isArray(list) || !list.length || !list.every((s) => typeof s == 'string' && s.length > 0))
    throw new ConsentryError('invalid-config', `${fn}: secrets must be a non-empty string or a list of them`)
  return list
}

const hmacKey = (secret: string) => globalThis.crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])

/** The signed bytes: the timestamp, a dot, then the body exactly as sent. */
const signed = (t: string, body: string | Uint8Array): Uint8Array => {
  const head = utf8.encode(t + '.')
  const rest = typeof body == 'string' ? utf8.encode(body) : body
  const out = new Uint8Array(head.length + rest.length)
  out.set(head)
  out.set(rest, head.length)
  return out
}

const toHex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16))

/**
 * The `Consentry-Signature` header value for `body`: `t=<unix seconds>,v1=<hex>`,
 * one `v1` per secret (pass the new and the old one while rotating). `now` is
 * in milliseconds. Throws a `ConsentryError` only when no secret is given.
 * @example
 * const signature = await signWebhook(body, [newSecret, oldSecret])
 * await fetch(url, { method: 'POST', body, headers: { 'Consentry-Signature': signature, 'Consentry-Delivery': id } })
 */
export const signWebhook = async (body: string | Uint8Array, secrets: string | readonly string[], now: number = Date.now()): Promise<string> => {
  const t = String(Math.floor(now / 1000))
  const data = signed(t, body)
  const sigs = await Promise.all(secretList(secrets, 'signWebhook').map(async (s) => 'v1=' + toHex(await globalThis.crypto.subtle.sign('HMAC', await hmacKey(s), data as BufferSource))))
  return [`t=${t}`, ...sigs].join(',')
}

/** `t` and the well-formed `v1` values of a header, or null when it is not one. Unknown schemes (a future `v2`) are skipped. */
const parseHeader = (header: string): { t: string; v1: string[] } | null => {
  if (header.length > MAX_HEADER) return null
  let t: string | undefined
  const v1: string[] = []
  for (const part of header.split(',')) {
    const eq = part.indexOf('=')
    if (eq < 1) return null
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key == 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return null
      t = value
    } else if (key == 'v1') {
      if (!/^[\da-f]{64}$/i.test(value)) return null
      v1.push(value)
    }
  }
  return t !== undefined && v1.length && v1.length <= MAX_SIGNATURES ? { t, v1 } : null
}

/**
 * Checks a webhook delivery: the raw body (the string or bytes as received, not
 * parsed JSON), its `Consentry-Signature` header, and your secret(s). Accepts
 * it when one `v1` is the HMAC of `t.body` under one of the secrets and `t` is
 * within `toleranceSeconds` (default 300) of now, either way; then returns the
 * event, checked like a posted record. Otherwise `{ ok: false, reason }`. Never
 * throws on what it receives; throws a `ConsentryError` only when no secret is given.
 * Drop repeats by `event.id`: a delivery may arrive more than once.
 * @example
 * const r = await verifyWebhook(await request.text(), request.headers.get('consentry-signature'), process.env.WEBHOOK_SECRET!)
 * if (!r.ok) return new Response(r.reason, { status: 400 })
 */
export const verifyWebhook = async (
  body: string | Uint8Array,
  header: HeaderValue,
  secrets: string | readonly string[],
  options: { toleranceSeconds?: number; now?: number } = {},
): Promise<WebhookResult> => {
  const keys = secretList(secrets, 'verifyWebhook')
  const value = Array.isArray(header) ? (header.length == 1 ? header[0] : header.join(',')) : header
  if (typeof value != 'string' || !value.trim()) return { ok: false, reason: 'missing-header' }
  const parsed = parseHeader(value)
  if (!parsed) return { ok: false, reason: 'malformed-header' }
  if (typeof body != 'string' && !(body instanceof Uint8Array))
    return { ok: false, reason: 'invalid-event', detail: 'pass the raw body (a string or bytes), not parsed JSON' }
  const data = signed(parsed.t, body) as BufferSource
  let valid = false
  try {
    for (const secret of keys) {
      const key = await hmacKey(secret)
      for (const sig of parsed.v1) if (await globalThis.crypto.subtle.verify('HMAC', key, fromHex(sig) as BufferSource, data)) valid = true
    }
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, reason: 'no-valid-signature' }
  // After the signature: a refusal for the time then says "authentic but replayed or late", never about a forgery.
  const tolerance = options.toleranceSeconds ?? 300
  const now = Math.floor((options.now ?? Date.now()) / 1000)
  if (!(Math.abs(now - Number(parsed.t)) <= tolerance)) return { ok: false, reason: 'timestamp-outside-tolerance' }
  let event: unknown
  try {
    event = JSON.parse(typeof body == 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    return { ok: false, reason: 'invalid-event', detail: 'body is not valid JSON' }
  }
  const problem = consentEventProblem(event)
  return problem ? { ok: false, reason: 'invalid-event', detail: problem } : { ok: true, event: event as ConsentEvent }
}
