/**
 * Small readers shared by the converters. A config may come from another realm
 * (the CLI runs the developer's file in a node:vm context), so nothing here
 * trusts `instanceof` or prototypes: `Object.prototype.toString` and `typeof`
 * work across realms.
 */
import { ID } from '../config/rules.js'

/** Collects warnings as `path: message`, in the order they are found. */
export type Warn = (path: string, message: string) => void

export type Obj = Record<string, unknown>

export const isObject = (x: unknown): x is Obj => typeof x == 'object' && x !== null && !Array.isArray(x) && !isRegExp(x)

/** A RegExp from this realm or another (a vm context's `/^_ga/` fails `instanceof RegExp`). */
export const isRegExp = (x: unknown): x is RegExp => Object.prototype.toString.call(x) == '[object RegExp]'

/** A RegExp of this realm with the same pattern: Consentry's validator checks `instanceof RegExp`. */
export const ownRegExp = (x: RegExp): RegExp => new RegExp(x.source, x.flags)

export const isText = (x: unknown): x is string => typeof x == 'string' && x.trim() != ''

/** Warns about each key of `o` that `known` does not list, so nothing is dropped in silence. */
export const unknownKeys = (o: Obj, known: string[], path: string, warn: Warn): void => {
  for (const k of Object.keys(o)) if (!known.includes(k)) warn(path ? `${path}.${k}` : k, 'not a vanilla-cookieconsent v3 option the converter knows; not carried over')
}

/**
 * A Consentry id for a vanilla-cookieconsent name: the same name when it is
 * already a valid, unused id, else a cookie-safe variant (`ads & tracking` →
 * `ads-tracking`), made unique with `-2`, `-3`…
 */
export const safeId = (name: string, taken: Set<string>): string => {
  let base = name
  if (!ID.test(base)) {
    base = base.replace(/[^\w-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '').slice(0, 36)
    if (!base) base = 'c'
  }
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 36)}-${n}`
  taken.add(id)
  return id
}

/** `pt-BR` → `pt`: Consentry keys languages by the primary subtag (BCP 47 §2.2.1). */
export const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0]!

export interface Link {
  href: string
  text: string
  /** The whole `<a …>…</a>` as it appears in the source. */
  raw: string
}

const LINK = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

/**
 * Visible text of a vanilla-cookieconsent string, which may hold HTML
 * (`<a>`, `<br>`, `<button data-cc=…>`): Consentry renders every configured
 * string as text, never as HTML, so tags go and entities are decoded.
 */
export const plain = (html: string): string =>
  html
    .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+\d?);/gi, (m, e: string) =>
      e[0] == '#' ? String.fromCodePoint(parseInt(e[1] == 'x' ? e.slice(2) : e.slice(1), e[1] == 'x' ? 16 : 10)) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim()

/** Whether a string holds markup that {@link plain} removes. */
export const hasHtml = (s: string): boolean => /<[a-z/!][^>]*>/i.test(s)

/** The `<a href>` links in an HTML string, in order. */
export const linksIn = (html: string): Link[] =>
  [...html.matchAll(LINK)].map((m) => ({ href: (m[1] ?? m[2] ?? m[3] ?? '').trim(), text: plain(m[4] ?? ''), raw: m[0] }))

/** Links Consentry may put in the banner: http(s) or relative, as the UI's config check reads them. */
export { isHttpUrl as safeUrl } from '../config/rules.js'

/** The privacy-policy link among `links`: one that says so, else the first. */
export const policyLink = (links: Link[]): Link | undefined =>
  links.find((l) => /privacy|policy|cookie|datenschutz|privacidad|confidentialit|privacit|privacidade|prywatno/i.test(l.text + ' ' + l.href)) ?? links[0]
