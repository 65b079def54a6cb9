/**
 * The deliverer: claims due deliveries from the outbox, sends each signed,
 * settles it (delivered, retried later, or dead). Polls every `pollMs` and
 * wakes at once when this process writes or replays deliveries. Claims are
 * leased in the database, so several service processes on one PostgreSQL
 * never send one delivery at the same time, and one killed mid-send leaves
 * its deliveries to be sent again when the lease ends (at least once; the
 * receiver drops repeats by Consentry-Delivery).
 */
import { ConsentryError } from '../../errors/index.js'
import type { ClaimedDelivery, RecordStore } from '../store/types.js'
import { nextAttempt } from './backoff.js'
import { bareHost } from './guard.js'
import { send } from './send.js'

export interface WebhookOptions {
  /** How long a delivery is retried after its first attempt before it is dead. Default 72. */
  retryHours?: number
  /** Per attempt, in ms. Default 10,000. */
  timeoutMs?: number
  /** Deliveries in flight at once. Default 8. */
  concurrency?: number
  /** How often the outbox is read when nothing wakes the deliverer, in ms. Default 1000. */
  pollMs?: number
  /**
   * Subscription hosts (as their URLs write them: `localhost`, `127.0.0.1`) that may be loopback, link-local or
   * other local-only addresses, or `'*'` for any. Default none: a webhook goes to public and private-network
   * addresses only (see guard.ts).
   */
  allowLocal?: '*' | readonly string[]
}

export interface DelivererHooks {
  onError: (e: unknown, where: string) => void
}

export interface Deliverer {
  /** Reads the outbox now. */
  wake(): void
  /** Stops claiming, aborts the attempts in flight (they are retried later) and waits for them to settle. */
  close(): Promise<void>
}

const positive = (name: string, v: unknown, fallback: number, integer = false): number => {
  if (v === undefined) return fallback
  if (typeof v != 'number' || !(v > 0) || !Number.isFinite(v) || (integer && !Number.isInteger(v)))
    throw new ConsentryError('invalid-config', `webhooks.${name}: expected a positive ${integer ? 'integer' : 'number'}, got ${JSON.stringify(v)}`)
  return v
}

const hosts = (v: unknown): '*' | readonly string[] => {
  if (v === undefined) return []
  if (v == '*') return '*'
  // A host as a URL writes it ([::1] is ::1): a name, or an address; nothing with a scheme, port or path.
  const list = Array.isArray(v) ? v.map((h) => (typeof h == 'string' ? bareHost(h.trim()) : h)) : null
  if (!list || !list.every((h) => typeof h == 'string' && (/^[^\s/:@?#[\]]+$/.test(h) || /^[0-9a-f:.]+$/i.test(h))))
    throw new ConsentryError('invalid-config', `webhooks.allowLocal: expected '*' or a list of hosts (['localhost', '127.0.0.1', '::1']), got ${JSON.stringify(v)}`)
  return list as string[]
}

export const checkWebhookOptions = (o: WebhookOptions = {}): Required<WebhookOptions> => ({
  retryHours: positive('retryHours', o.retryHours, 72),
  timeoutMs: positive('timeoutMs', o.timeoutMs, 10_000),
  concurrency: positive('concurrency', o.concurrency, 8, true),
  pollMs: positive('pollMs', o.pollMs, 1000),
  allowLocal: hosts(o.allowLocal),
})

export const startDeliverer = (store: () => Promise<RecordStore>, options: WebhookOptions, hooks: DelivererHooks): Deliverer => {
  const o = checkWebhookOptions(options)
  // Longer than an attempt can take (its timeout, then settling), so a live process's claim never lapses.
  const leaseMs = 2 * o.timeoutMs + 5000
  const stop = new AbortController()
  const inFlight = new Set<Promise<void>>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let pumping = false
  let again = false
  let failing = false
  let unsubscribe: (() => void) | undefined

  const schedule = (ms: number) => {
    if (stop.signal.aborted) return
    clearTimeout(timer)
    timer = setTimeout(pump, ms)
    // The poll alone never keeps a process alive: the HTTP server does that.
    ;(timer as { unref?: () => void }).unref?.()
  }

  const attempt = async (s: RecordStore, d: ClaimedDelivery) => {
    const result = await send(d, { timeoutMs: o.timeoutMs, allowLocal: o.allowLocal, stop: stop.signal, now: Date.now() })
    const now = Date.now()
    const outcome = result.ok
      ? ({ delivered: true, at: now } as const)
      : // Cut short by close(): due again at once, for whichever process reads the outbox next.
        ({ delivered: false, error: result.error, next: stop.signal.aborted ? now : nextAttempt(d.attempts, d.firstAttemptAt, now, o.retryHours * 3_600_000) } as const)
    try {
      await s.webhooks.settle(d.id, outcome)
    } catch (e) {
      // Not settled: the lease ends and the delivery is sent again (at least once).
      hooks.onError(e, `webhooks: settling ${d.id}`)
    }
  }

  let current: Promise<void> = Promise.resolve()
  const pump = (): Promise<void> => {
    if (stop.signal.aborted) return current
    if (pumping) return (again = true), current
    return (current = read())
  }

  const read = async (): Promise<void> => {
    pumping = true
    try {
      do {
        again = false
        const s = await store()
        if (!s.webhooks) return // a store from before webhooks: nothing to deliver
        unsubscribe ??= s.webhooks.onDue(wake)
        const free = o.concurrency - inFlight.size
        if (free <= 0 || stop.signal.aborted) break
        const claimed = await s.webhooks.claim(free, leaseMs)
        for (const d of claimed) {
          const p = attempt(s, d).finally(() => (inFlight.delete(p), wake()))
          inFlight.add(p)
        }
        if (claimed.length == free) again = true
      } while (again && inFlight.size < o.concurrency)
      failing = false
    } catch (e) {
      // A database that is down: said once, then quietly retried at each poll until it answers.
      if (!failing) hooks.onError(e, 'webhooks: reading the outbox')
      failing = true
    } finally {
      pumping = false
      schedule(again ? 0 : o.pollMs)
    }
  }

  function wake() {
    schedule(0)
  }

  schedule(0)
  return {
    wake,
    async close() {
      if (stop.signal.aborted) return
      stop.abort()
      clearTimeout(timer)
      unsubscribe?.()
      // A read of the outbox under way may still claim some: wait for it, then for every attempt it started.
      await current
      while (inFlight.size) await Promise.allSettled([...inFlight])
    },
  }
}
