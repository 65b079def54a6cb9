/**
 * A token bucket per client, in memory only (the client's address is a key
 * here for a few minutes at most, and never stored): `burst` requests at once,
 * refilled at `perMinute`.
 */
export interface RateLimit {
  /** Sustained requests per minute per client. */
  perMinute: number
  /** Requests a client may make at once before the rate applies. */
  burst: number
}

/** How many clients are tracked at most; past it, the full (idle) buckets go, then the oldest. */
const MAX_CLIENTS = 100_000

export interface Limiter {
  /** 0 when `key` may go ahead (one token taken), else the seconds until it may. */
  take(key: string, now?: number): number
}

export const limiter = ({ perMinute, burst }: RateLimit): Limiter => {
  const perMs = perMinute / 60_000
  const buckets = new Map<string, { tokens: number; at: number }>()
  const level = (b: { tokens: number; at: number }, now: number) => Math.min(burst, b.tokens + (now - b.at) * perMs)
  const sweep = (now: number) => {
    for (const [k, b] of buckets) if (level(b, now) >= burst) buckets.delete(k)
    // Still full of busy clients (a flood of addresses): forget the oldest, which only lets them start afresh.
    for (const k of buckets.keys()) {
      if (buckets.size < MAX_CLIENTS) break
      buckets.delete(k)
    }
  }
  return {
    take(key, now = Date.now()) {
      let b = buckets.get(key)
      if (!b) {
        if (buckets.size >= MAX_CLIENTS) sweep(now)
        buckets.set(key, (b = { tokens: burst, at: now }))
      }
      b.tokens = level(b, now)
      b.at = now
      if (b.tokens >= 1) {
        b.tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000))
    },
  }
}
