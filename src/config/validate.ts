import { ConsentryError, warnOnce } from '../errors/index.js'
import type { Category, Mode, ResolvedConfig, Service } from './types.js'

/** Category and service ids: they travel in the cookie, so they must be cookie-safe. */
export const ID = /^[A-Za-z][\w-]{0,39}$/
/** Jurisdiction codes such as `EU`, `US-CA`, `GB`. */
export const JURISDICTION = /^[A-Za-z0-9-]{0,16}$/
/** 30.4375 days: the mean Gregorian month. */
const MONTH = 2629800000

type Check = (v: any) => boolean

const fail = (path: string, expected: string, got: unknown): never => {
  throw new ConsentryError('invalid-config', `${path}: expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`)
}

/** Reads an optional field: the fallback when absent, the value when it passes, else a typed error. */
const field = <T>(v: unknown, path: string, fallback: T, ok: Check, expected: string): T =>
  v === undefined ? fallback : ok(v) ? (v as T) : fail(path, expected, v)

const isBool: Check = (x) => typeof x == 'boolean'
const bool = (v: unknown, path: string, fallback = false) => field(v, path, fallback, isBool, 'true or false')
const text = (re: RegExp): Check => (x) => typeof x == 'string' && re.test(x)
const oneOf = (...values: string[]): Check => (x) => values.includes(x)
const int = (v: unknown, path: string, fallback: number, min: number, max: number) =>
  field(v, path, fallback, (x) => Number.isInteger(x) && x >= min && x <= max, `an integer from ${min} to ${max}`)

/** Checks that `v` is a plain object and warns once about each key it does not know. */
const obj = (v: unknown, path: string, keys: string): Record<string, unknown> => {
  if (typeof v != 'object' || !v || Array.isArray(v)) fail(path, 'an object', v)
  for (const k in v as object) if (!keys.split(' ').includes(k)) warnOnce('unknown-key', path + '.' + k)
  return v as Record<string, unknown>
}

const list = (v: unknown, path: string, min = 0): unknown[] =>
  field(v, path, min ? undefined : [], (x) => Array.isArray(x) && x.length >= min, min ? 'a non-empty array' : 'an array') ??
  fail(path, 'a non-empty array', v)

/** Reads an id and checks it is unique among categories and services (`has(id)` looks in both). */
const id = (v: unknown, path: string, seen: Set<unknown>): string =>
  seen.has(v) ? fail(path, 'an id used once', v)
    : (seen.add(v), field(v, path, undefined, text(ID), 'an id of letters, digits, _ or - (at most 40)') ?? fail(path, 'an id', v))

/**
 * Checks a developer's config and fills in every default. Throws one
 * {@link ConsentryError} (`invalid-config`) naming the first bad path and what
 * was expected there; returns a new object, so nothing is kept on failure.
 */
export const resolveConfig = (input: unknown): ResolvedConfig => {
  const c = obj(input, 'config', 'categories revision lifetime mode jurisdiction cookie')
  const seen = new Set<unknown>()
  const services = new Map<string, Service>()
  const categories = list(c.categories, 'config.categories', 1).map((raw, i): Category => {
    const p = `config.categories[${i}]`
    const cat = obj(raw, p, 'id label necessary default optOut services')
    const cid = id(cat.id, p + '.id', seen)
    const necessary = bool(cat.necessary, p + '.necessary')
    return {
      id: cid,
      label: field(cat.label, p + '.label', cid, text(/./), 'a string'),
      necessary,
      default: bool(cat.default, p + '.default', necessary),
      optOut: bool(cat.optOut, p + '.optOut'),
      services: list(cat.services, p + '.services').map((raw2, j) => {
        const q = `${p}.services[${j}]`
        const s = obj(raw2, q, 'id label cookies')
        const sid = id(s.id, q + '.id', seen)
        const service: Service = {
          id: sid,
          label: field(s.label, q + '.label', sid, text(/./), 'a string'),
          category: cid,
          cookies: list(s.cookies, q + '.cookies').map((m, k) =>
            field(m, `${q}.cookies[${k}]`, '', (x) => (x && typeof x == 'string') || x instanceof RegExp, 'a cookie name or RegExp'),
          ),
        }
        services.set(sid, service)
        return service
      }),
    }
  })
  const months = int(c.lifetime, 'config.lifetime', 12, 1, 13)
  const k = obj(c.cookie ?? {}, 'config.cookie', 'name domain path sameSite secure lifetime')
  const sameSite = field<string>(k.sameSite, 'config.cookie.sameSite', 'Lax', oneOf('Lax', 'Strict', 'None'), 'Lax, Strict or None')
  const secure = bool(k.secure, 'config.cookie.secure', typeof location != 'undefined' && location.protocol == 'https:')
  // RFC 6265bis §5.4.7: browsers drop SameSite=None cookies that are not Secure.
  if (sameSite == 'None' && !secure) fail('config.cookie.secure', 'true with sameSite None', secure)
  return {
    categories,
    services,
    revision: int(c.revision, 'config.revision', 0, 0, 2 ** 31),
    lifetime: months * MONTH,
    mode: field<Mode>(c.mode, 'config.mode', 'opt-in', oneOf('opt-in', 'opt-out'), 'opt-in or opt-out'),
    jurisdiction: field(c.jurisdiction, 'config.jurisdiction', '', text(JURISDICTION), 'a code such as EU or US-CA'),
    cookie: {
      name: field(k.name, 'config.cookie.name', 'consentry', text(/^[\w-]{1,64}$/), 'letters, digits, _ or -'),
      domain: field(k.domain, 'config.cookie.domain', undefined, text(/^\.?[a-z0-9.-]+$/i), 'a domain such as .example.com'),
      path: field(k.path, 'config.cookie.path', '/', text(/^\/[^;\s]*$/), 'a path starting with /'),
      sameSite: sameSite as 'Lax',
      secure,
      // Chrome caps cookie expiry at 400 days (RFC 6265bis §5.5).
      lifetime: int(k.lifetime, 'config.cookie.lifetime', Math.ceil((months * MONTH) / 864e5), 1, 400),
    },
  }
}
