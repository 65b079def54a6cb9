/** The [from, to) range of decision times that export and stats take, checked and made exact for SQL. */
import { recordsError } from '../errors.js'

const DATE = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d{1,3})?)?)(Z|[+-]\d\d:?\d\d)?)?$/

/** A real calendar day from year 1 on: Date.parse rolls 2026-02-30 over to March 2, and PostgreSQL has no year 0. */
const real = (t: Date, day?: string) => !isNaN(+t) && t.getUTCFullYear() >= 1 && (!day || t.toISOString().startsWith(day))

/** A date (`2026-03-01`, midnight UTC) or a time (`2026-03-01T12:00:00Z`; UTC when no offset is given), as ISO text. */
const bound = (name: string, value: unknown, open: string): string => {
  if (value == null || value === '') return open
  const m = typeof value == 'string' ? DATE.exec(value) : null
  const t = m && new Date(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}`)
  if (!m || !t || !real(new Date(m[1]!), m[1]) || !real(t)) throw recordsError('invalid-query', `${name}: expected an ISO 8601 date or time, got ${JSON.stringify(value)}`)
  return t.toISOString()
}

/** ISO texts for `$n::timestamptz`; an open end is PostgreSQL's ±infinity. */
export const range = (q: { from?: string; to?: string }): [string, string] => [bound('from', q.from, '-infinity'), bound('to', q.to, 'infinity')]
