import { ConsentryError, warnOnce } from '../errors/index.js'
import type { Category, ConsentryConfig, CookieOptions, Mode, ResolvedConfig, Service } from './types.js'

/** Category and service ids: they travel in the cookie, so they must be cookie-safe. */
export const ID = /^[A-Za-z][\w-]{0,39}$/
/** Jurisdiction codes such as `EU`, `US-CA`, `GB`. */
export const JURISDICTION = /^[A-Za-z0-9-]{0,16}$/
/** 30.4375 days: the mean Gregorian month. */
const MONTH = 2629800000

/** Reads one field: returns its value (or default), or throws naming `path`. */
export type Rule = (v: unknown, path: string) => any

export const fail = (path: string, expected: string, got: unknown): never => {
  throw new ConsentryError('invalid-config', `${path}: expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`)
}

/** A field: `fallback` when absent (unless required), the value when `ok`, else a typed error. */
export const rule =
  (ok: (v: any) => boolean, expected: string, fallback?: unknown, required?: boolean): Rule =>
  (v, path) =>
    v === undefined && !required ? fallback : ok(v) ? v : fail(path, expected, v)

export const bool = (fallback = false) => rule((x) => typeof x == 'boolean', 'true or false', fallback)
export const text = (re: RegExp, expected: string, fallback?: string) => rule((x) => typeof x == 'string' && re.test(x), expected, fallback)
export const int = (min: number, max: number, fallback?: number) =>
  rule((x) => Number.isInteger(x) && x >= min && x <= max, `an integer from ${min} to ${max}`, fallback)
export const oneOf = (values: string[], fallback: string) => rule((x) => values.includes(x), values.join(' or '), fallback)
export const list =
  (item: Rule, min = 0): Rule =>
  (v, path) =>
    rule((x) => Array.isArray(x) && x.length >= min, min ? 'a non-empty array' : 'an array', [], !!min)(v, path)
      .map((x: unknown, i: number) => item(x, `${path}[${i}]`))

/**
 * An object with known keys: each is read by its rule, and each key the shape
 * does not know is warned about once (a typo such as `revison` would otherwise
 * pass silently).
 */
export const shape =
  (rules: Record<string, Rule>, optional?: boolean): Rule =>
  (v, path) => {
    if (v === undefined && optional) v = {}
    if (typeof v != 'object' || !v || Array.isArray(v)) fail(path, 'an object', v)
    const out: Record<string, unknown> = {}
    if (process.env.NODE_ENV !== 'production')
      for (const k in v as object) if (!(k in rules)) warnOnce('unknown-key', path + '.' + k)
    for (const k in rules) out[k] = rules[k]!((v as Record<string, unknown>)[k], path + '.' + k)
    return out
  }

export const label = text(/./, 'a string')
const matcher = rule((x) => (x && typeof x == 'string') || x instanceof RegExp, 'a name or RegExp')
const id = rule((x) => typeof x == 'string' && ID.test(x), 'an id of letters, digits, _ or - (at most 40)', 0, true)

const CONFIG = shape({
  categories: list(
    shape({
      id,
      label,
      necessary: bool(),
      default: bool(),
      optOut: bool(),
      description: label,
      services: list(
        shape({
          id,
          label,
          cookies: list(matcher),
          localStorage: list(matcher),
          hosts: list(matcher),
          description: label,
          provider: label,
          cookieTable: list(shape({ name: label, purpose: label, lifetime: label, provider: label })),
        }),
      ),
    }),
    1,
  ),
  revision: int(0, 2 ** 31, 0),
  lifetime: int(1, 13, 12),
  mode: oneOf(['opt-in', 'opt-out'], 'opt-in'),
  jurisdiction: text(JURISDICTION, 'a code such as EU or US-CA', ''),
  cookie: shape(
    {
      name: text(/^[\w-]{1,64}$/, 'letters, digits, _ or -', 'consentry'),
      domain: text(/^\.?[a-z\d.-]+$/i, 'a domain such as .example.com'),
      path: text(/^\/[^;\s]*$/, 'a path starting with /', '/'),
      sameSite: oneOf(['Lax', 'Strict', 'None'], 'Lax'),
      secure: rule((x) => typeof x == 'boolean', 'true or false'),
      // Chrome caps cookie expiry at 400 days (RFC 6265bis §5.5).
      lifetime: int(1, 400),
    },
    true,
  ),
  // The UI checks its own part when it starts, so that consentry/headless carries none of it.
  ui: rule((x) => typeof x == 'object' && !!x && !Array.isArray(x), 'an object'),
  reloadOnWithdraw: bool(),
  blocking: oneOf(['elements', 'strict'], 'elements'),
  // Its limits are checked by consentry/strict, which uses them.
  quarantine: rule((x) => x === !!x || (typeof x == 'object' && !!x), 'true, false or { requests, bytes }', false),
})

type Read<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }

/**
 * Checks a developer's config and fills in every default. Throws one
 * {@link ConsentryError} (`invalid-config`) naming the first bad path and what
 * was expected there; builds a new object, so nothing is kept on failure.
 */
export const resolveConfig = (input: unknown): ResolvedConfig => {
  const c = CONFIG(input, 'config') as Read<ConsentryConfig> & { cookie: CookieOptions; mode: Mode }
  const ids = new Set<string>()
  const services = new Map<string, Service>()
  // `has(id)` looks in categories and services alike, so an id may be used once in all.
  const unique = (x: { id: string }, path: string) => (ids.has(x.id) ? fail(path + '.id', 'an id used once', x.id) : ids.add(x.id))
  const categories = c.categories.map((cat, i): Category => {
    unique(cat, `config.categories[${i}]`)
    return {
      ...(cat as Read<typeof cat>),
      label: cat.label ?? cat.id,
      default: !!(cat.necessary || cat.default),
      services: (cat.services as Service[]).map((s, j) => {
        unique(s, `config.categories[${i}].services[${j}]`)
        const service = { ...s, label: s.label ?? s.id, category: cat.id }
        services.set(s.id, service)
        return service
      }),
    }
  })
  const k = c.cookie
  const secure = k.secure ?? (typeof location != 'undefined' && location.protocol == 'https:')
  // RFC 6265bis §5.4.7: browsers drop SameSite=None cookies that are not Secure.
  if (k.sameSite == 'None' && !secure) fail('config.cookie.secure', 'true with sameSite None', secure)
  return {
    categories,
    services,
    ids,
    revision: c.revision,
    lifetime: c.lifetime * MONTH,
    mode: c.mode,
    jurisdiction: c.jurisdiction,
    ui: c.ui,
    reloadOnWithdraw: c.reloadOnWithdraw,
    blocking: c.blocking,
    quarantine: c.quarantine,
    cookie: {
      ...(k as Read<CookieOptions>),
      domain: k.domain,
      secure,
      lifetime: k.lifetime ?? Math.ceil((c.lifetime * MONTH) / 864e5),
    },
  }
}
