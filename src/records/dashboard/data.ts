/**
 * The dashboard's numbers: the store's stats by day, region and method — the
 * same call `GET /v1/stats` answers with, so the page and the API cannot
 * disagree — for a range of whole UTC days.
 */
import type { RecordStore, StatsRow } from '../store/types.js'

const DAY_MS = 86_400_000
/** The longest range the page draws day by day (ten years). */
export const MAX_DAYS = 3660
/** The range when none is asked for: the last 30 days, today included. */
export const DEFAULT_DAYS = 30

export interface DashboardRange {
  /** First day shown (YYYY-MM-DD, UTC). */
  from: string
  /** Last day shown, included (YYYY-MM-DD, UTC). */
  to: string
}

export interface DashboardData {
  range: DashboardRange
  /** The `/v1/stats` query that gives the same rows: `from` and `to` as it takes them ([from, to), ISO). */
  query: { from: string; to: string }
  day: StatsRow[]
  region: StatsRow[]
  method: StatsRow[]
}

const DATE = /^\d{4}-\d\d-\d\d$/
const day = (t: number) => new Date(t).toISOString().slice(0, 10)
/** A real calendar day from year 1 to 9999 as midnight UTC in ms, or NaN. */
const parseDay = (s: string): number => {
  const t = DATE.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN
  return !isNaN(t) && day(t) == s && s >= '0001' && s < '9999' ? t : NaN
}

/**
 * The range the request asks for (`from` and `to`, both days included), or
 * the default; an error names a bad one. `now` is for tests.
 */
export const rangeOf = (url: URL, now = Date.now()): DashboardRange | { error: string } => {
  const today = Math.floor(now / DAY_MS) * DAY_MS
  const from = url.searchParams.get('from') || day(today - (DEFAULT_DAYS - 1) * DAY_MS)
  const to = url.searchParams.get('to') || day(today)
  const [f, t] = [parseDay(from), parseDay(to)]
  if (isNaN(f)) return { error: `from: expected a day such as 2026-01-31, got ${JSON.stringify(from.slice(0, 40))}` }
  if (isNaN(t)) return { error: `to: expected a day such as 2026-01-31, got ${JSON.stringify(to.slice(0, 40))}` }
  if (f > t) return { error: 'from: later than to' }
  if ((t - f) / DAY_MS >= MAX_DAYS) return { error: `the range is longer than ${MAX_DAYS} days` }
  return { from, to }
}

/** Every day of the range, in order (for charts: days without records are drawn as such). */
export const daysOf = (range: DashboardRange): string[] => {
  const out: string[] = []
  for (let t = parseDay(range.from), end = parseDay(range.to); t <= end; t += DAY_MS) out.push(day(t))
  return out
}

export const dashboardData = async (store: RecordStore, range: DashboardRange): Promise<DashboardData> => {
  const query = { from: new Date(parseDay(range.from)).toISOString(), to: new Date(parseDay(range.to) + DAY_MS).toISOString() }
  const [d, r, m] = await Promise.all((['day', 'region', 'method'] as const).map((by) => store.stats({ ...query, by })))
  return { range, query, day: d!, region: r!, method: m! }
}
