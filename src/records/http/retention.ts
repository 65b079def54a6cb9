/**
 * Retention: records older than `months` are deleted daily, except each
 * consent id's record in force (the store keeps it: it is the proof of the
 * decision that still applies). The timers are unref'd, so they never keep a
 * process alive on their own.
 */
import type { RecordStore } from '../store/types.js'

export interface PruneSchedule {
  /** Milliseconds from start to the first run. Default 30 s: shortly after start, off the start-up path. */
  firstAfter?: number
  /** Milliseconds between runs. Default one day. */
  every?: number
}

const DAY = 24 * 60 * 60 * 1000

const unref = (t: ReturnType<typeof setTimeout>) => (t as { unref?: () => void }).unref?.()

/** Starts pruning on a schedule; returns the function that stops it. A failed run is reported and the next one tries again. */
export const schedulePrune = (
  store: () => Promise<RecordStore>,
  months: number,
  schedule: PruneSchedule,
  report: { pruned: (count: number) => void; error: (e: unknown, where: string) => void },
): (() => void) => {
  let running = false
  const run = async () => {
    // A run that takes longer than the interval is not started twice.
    if (running) return
    running = true
    try {
      report.pruned(await (await store()).prune(months))
    } catch (e) {
      report.error(e, 'retention')
    } finally {
      running = false
    }
  }
  let interval: ReturnType<typeof setInterval> | undefined
  const first = setTimeout(() => {
    void run()
    interval = setInterval(() => void run(), schedule.every ?? DAY)
    unref(interval)
  }, schedule.firstAfter ?? 30_000)
  unref(first)
  return () => {
    clearTimeout(first)
    clearInterval(interval)
  }
}
