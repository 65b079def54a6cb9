/**
 * A time as `Date#toISOString` writes it (`2026-03-01T10:00:00.000Z`), from
 * the `getUTC*` parts. Why not toISOString: V8's first call to it, or to
 * `toUTCString`, initialises its date formatting — 1–7 ms at 4× CPU on the
 * returning visit's start-up path, for one string (docs/speed.md). Years 0–9999,
 * the range `toISOString` writes without a sign.
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export const isoTime = (t: number): string => {
  const d = new Date(t)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`
}
