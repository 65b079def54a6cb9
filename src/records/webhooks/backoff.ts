/**
 * When a failed delivery is tried again: exponential backoff with full jitter
 * (a random wait between 0 and 1 s × 2^(attempts − 1), capped at an hour), so
 * receivers coming back from an outage are not hit by every retry at once.
 * Dead once `retryMs` have passed since the first attempt.
 */
export const BASE_MS = 1000
export const CAP_MS = 3_600_000

/** The next attempt's time (ms), or null: dead. `attempts` counts the one that just failed. */
export const nextAttempt = (attempts: number, firstAttemptAt: number, now: number, retryMs: number, random: () => number = Math.random): number | null => {
  const deadline = firstAttemptAt + retryMs
  if (now >= deadline) return null
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempts - 1, 32))
  // The last try lands on the deadline rather than past it.
  return Math.min(now + Math.floor(random() * ceiling), deadline)
}
