/**
 * A vanilla-cookieconsent cookie table (`{ caption, headers, body }`, free
 * columns) → Consentry's rows `{ name, purpose, lifetime, provider }`.
 */
import type { CookieInfo } from '../config/types.js'
import { isObject, isText, plain, type Warn } from './util.js'

type Column = keyof CookieInfo

/** Which Consentry column a vanilla-cookieconsent column is, by its key, then by its heading. */
const COLUMNS: [Column, RegExp][] = [
  ['name', /^(name|cookie|cookies|key)$|cookie.?name|^nom$|^nombre$/i],
  ['purpose', /desc|purpose|zweck|finalit|propósito|usage|beschreibung/i],
  ['lifetime', /exp|durat|lifetime|retention|ablauf|dauer|validit|period|speicher|durée|duración/i],
  ['provider', /domain|provider|vendor|company|service|host|anbieter|fournisseur|proveedor/i],
]

const columnOf = (key: string, heading: unknown): Column | undefined => {
  for (const probe of [key, isText(heading) ? plain(heading) : ''])
    for (const [col, re] of COLUMNS) if (probe && re.test(probe)) return col
  return undefined
}

/** Rows with a name; a missing purpose or lifetime shows as "—" (Consentry requires the cell). */
export const cookieTable = (table: unknown, path: string, warn: Warn): { rows: CookieInfo[]; caption?: string } => {
  if (!isObject(table)) return warn(path, 'not a cookie table object; skipped'), { rows: [] }
  const headers = isObject(table.headers) ? table.headers : {}
  const map = new Map<string, Column>()
  const used = new Set<Column>()
  for (const key of Object.keys(headers)) {
    const col = columnOf(key, headers[key])
    if (col && !used.has(col)) map.set(key, col), used.add(col)
    else warn(`${path}.headers.${key}`, `a column Consentry's cookie table does not have (it shows name, provider, purpose, lifetime); not carried over`)
  }
  if (!used.has('name')) return warn(path, 'no column recognised as the cookie name; table skipped'), { rows: [] }
  for (const col of ['purpose', 'lifetime'] as const)
    if (!used.has(col)) warn(path, `no ${col} column: the cells show "—"; fill them in`)
  const rows: CookieInfo[] = []
  const body = Array.isArray(table.body) ? table.body : []
  body.forEach((r: unknown, i) => {
    if (!isObject(r)) return warn(`${path}.body[${i}]`, 'not a row object; skipped')
    const row: Partial<CookieInfo> = {}
    for (const [key, col] of map) if (isText(r[key])) row[col] = plain(r[key] as string)
    if (!row.name) return warn(`${path}.body[${i}]`, 'a row without a cookie name; skipped')
    rows.push({ name: row.name, purpose: row.purpose || '—', lifetime: row.lifetime || '—', ...(row.provider ? { provider: row.provider } : {}) })
  })
  return { rows, ...(isText(table.caption) ? { caption: plain(table.caption) } : {}) }
}
