import { ConsentryError, warnOnce, type ConfigProblem } from '../errors/index.js'
import type { Category, ConsentryConfig, CookieOptions, Mode, ResolvedConfig, Service } from './types.js'
import { modeFor, normalRegion } from './regions.js'

/** Category and service ids: they travel in the cookie, so they must be cookie-safe. */
export const ID = /^[A-Za-z][\w-]{0,39}$/
/** Jurisdiction codes such as `EU`, `US-CA`, `GB`. */
export const JURISDICTION = /^[A-Za-z0-9-]{0,16}$/
/** 30.4375 days: the mean Gregorian month. */
const MONTH = 2629800000

/**
 * Reads one field: returns its value (or its default). A wrong value is added
 * to `problems` and reading goes on, so one error can list every wrong field;
 * without a list, it is thrown at once. `parent` is the object the field sits
 * in, as given, for fields that depend on a sibling (`cookie.secure` on
 * `cookie.sameSite`, `ui.position` on `ui.layout`).
 */
export type Rule = (v: unknown, path: string, problems?: ConfigProblem[], parent?: any) => any

/**
 * Rules that other modules bring for the parts of the config they own (the UI
 * its `ui`, strict mode `blocking` and `quarantine`, the US signals `signals`),
 * so that `init` reads the whole config in one pass, in the documented order.
 */
export type ConfigParts = { [K in 'ui' | 'signals' | 'blocking' | 'quarantine']?: Rule }

// A value as the message shows it; never throws (a BigInt or a cycle has no JSON, and says its type).
const shown = (got: unknown): string | undefined => {
  try {
    return JSON.stringify(got)
  } catch {
    return typeof got
  }
}

/**
 * The one `invalid-config` error for every problem found, one line each.
 * Development builds say what a field expects; production builds
 * (consentry.min.js, bundles with NODE_ENV=production) name the field and the
 * bad value only, so the texts stay out of every visitor's download.
 */
export const invalid = (problems: ConfigProblem[]): ConsentryError =>
  new ConsentryError(
    'invalid-config',
    problems.map(({ path, expected, got }) => `${path}: ${expected ? `expected ${expected}, got` : 'invalid value'} ${shown(got)}`).join('\n'),
    problems,
  )

/** Records a wrong field in `problems`, or throws it when there is no list. */
export const fail = (path: string, expected: string | false, got: unknown, problems?: ConfigProblem[]): undefined => {
  const problem = { path, expected: expected || undefined, got }
  if (!problems) throw invalid([problem])
  problems.push(problem)
}

/** Reads `v` with `read`, then throws one error listing every wrong field, if any. */
export const check = <T>(read: Rule, v: unknown, path: string): T => {
  const problems: ConfigProblem[] = []
  const out = read(v, path, problems)
  if (problems[0]) throw invalid(problems)
  return out
}

/** A field: `fallback` when absent (unless required), the value when `ok`, else a problem (and `fallback`). */
export const rule =
  (ok: (v: any) => boolean, expected: string | false, fallback?: unknown, required?: boolean): Rule =>
  (v, path, problems) =>
    v === undefined && !required ? fallback : ok(v) ? v : (fail(path, expected, v, problems) ?? fallback)

export const bool = (fallback = false) => rule((x) => typeof x == 'boolean', (process.env.NODE_ENV !== 'production' && 'true or false'), fallback)
export const text = (re: RegExp, expected: string | false, fallback?: string) => rule((x) => typeof x == 'string' && re.test(x), expected, fallback)
export const int = (min: number, max: number, fallback?: number) =>
  rule((x) => Number.isInteger(x) && x >= min && x <= max, process.env.NODE_ENV !== 'production' && `an integer from ${min} to ${max}`, fallback)
export const oneOf = (values: (string | boolean)[], fallback: string) => rule((x) => values.includes(x), process.env.NODE_ENV !== 'production' && values.join(' or '), fallback)
export const list =
  (item: Rule, min = 0): Rule =>
  (v, path, problems) =>
    rule((x) => Array.isArray(x) && x.length >= min, min ? (process.env.NODE_ENV !== 'production' && 'a non-empty array') : (process.env.NODE_ENV !== 'production' && 'an array'), [], !!min)(v, path, problems)
      .map((x: unknown, i: number) => item(x, `${path}[${i}]`, problems))

/**
 * An object with known keys, read in the order of `rules` (the order
 * docs/config.md lists them), and each key the shape does not know warned
 * about once (a typo such as `revison` would otherwise pass silently). Not an
 * object: one problem, and none for its fields.
 */
export const shape =
  (rules: Record<string, Rule>, optional?: boolean): Rule =>
  (v, path, problems) => {
    if (v === undefined && optional) v = {}
    if (typeof v != 'object' || !v || Array.isArray(v)) return fail(path, process.env.NODE_ENV !== 'production' && 'an object', v, problems)
    const out: Record<string, unknown> = {}
    if (process.env.NODE_ENV !== 'production')
      for (const k in v as object) if (!(k in rules)) warnOnce('unknown-key', path + '.' + k)
    for (const k in rules) out[k] = rules[k]!((v as Record<string, unknown>)[k], path + '.' + k, problems, v)
    return out
  }

export const label = text(/./, (process.env.NODE_ENV !== 'production' && 'a string'))

/**
 * True for an http(s) or relative URL, read the way a browser will read it
 * (WHATWG URL §4.4): the parser drops tabs and newlines anywhere and C0
 * controls and spaces at either end, so `"java\nscript:…"` and
 * `"\x01javascript:…"` are `javascript:` links to a browser, whatever a
 * pattern over the string says. Control characters (C0, DEL, C1) are refused
 * outright; what is left must parse and resolve to http: or https:.
 */
export const isHttpUrl = (x: unknown): x is string => {
  try {
    return typeof x == 'string' && !/[\0-\x1f\x7f-\x9f]/.test(x) && /^https?:$/.test(new URL(x, 'http://h').protocol)
  } catch {
    return false
  }
}

/**
 * A URL field of the config (`ui.policyUrl`, `ui.assetsUrl`, a sync `url`):
 * http(s) or relative, else an `invalid-config` error naming the field. A
 * `javascript:` link in the banner would be a script injection; a `data:`
 * or `blob:` asset URL would load code from nowhere the site controls.
 * @example url()(config.ui.policyUrl, 'config.ui.policyUrl')
 */
export const url = (required?: boolean): Rule => rule(isHttpUrl, (process.env.NODE_ENV !== 'production' && 'an http(s) or relative URL'), undefined, required)
const matcher = rule((x) => (x && typeof x == 'string') || x instanceof RegExp, (process.env.NODE_ENV !== 'production' && 'a name or RegExp'))
const id = rule((x) => typeof x == 'string' && ID.test(x), (process.env.NODE_ENV !== 'production' && 'an id of letters, digits, _ or - (at most 40)'), 0, true)
/** `quarantine` as the engine reads it; `consentry/strict` checks its limits. */
export const QUARANTINE = rule((x) => x === !!x || (typeof x == 'object' && !!x), (process.env.NODE_ENV !== 'production' && 'true, false or { requests, bytes }'), false)
/** `blocking` as the engine reads it; strict mode's part also needs its add-on. */
export const BLOCKING = oneOf(['elements', 'strict'], 'elements')

/**
 * The whole config, field by field in the order docs/config.md lists them —
 * the categories, the top-level options, then the cookie, the UI and the
 * signals — so that an error lists its problems in that order (checked by
 * test/dist/docs-config.test.ts). `ids` collects every category and service
 * id as it is read, so a repeated one is reported where it stands.
 */
const configRule = (ids: Set<string>, parts: ConfigParts): Rule => {
  // `has(id)` looks in categories and services alike, so an id may be used once in all.
  const unique: Rule = (v, path, problems) => {
    const x = id(v, path, problems)
    if (typeof x == 'string') ids.has(x) ? fail(path, process.env.NODE_ENV !== 'production' && 'an id used once', x, problems) : ids.add(x)
    return x
  }
  return shape({
    categories: list(
      shape({
        id: unique,
        label,
        description: label,
        necessary: bool(),
        default: bool(),
        optOut: bool(),
        services: list(
          shape({
            id: unique,
            label,
            description: label,
            provider: label,
            hosts: list(matcher),
            cookies: list(matcher),
            localStorage: list(matcher),
            cookieTable: list(shape({ name: label, purpose: label, lifetime: label, provider: label })),
          }),
        ),
      }),
      1,
    ),
    revision: int(0, 2 ** 31, 0),
    lifetime: int(1, 13, 12),
    mode: oneOf(['opt-in', 'opt-out', 'auto'], 'opt-in'),
    // A region may come from the outside world (a geo header): checked where it is read, never thrown on.
    region: rule((x) => typeof x == 'string' || typeof x == 'function', (process.env.NODE_ENV !== 'production' && 'a region code such as US-CA, or a function')),
    jurisdiction: label,
    regions: rule(
      (x) => typeof x == 'object' && !!x && Object.values(x).every((m) => m == 'opt-in' || m == 'opt-out'),
      (process.env.NODE_ENV !== 'production' && 'an object of region codes to opt-in or opt-out'),
      {},
    ),
    fallbackMode: oneOf(['opt-in', 'opt-out'], 'opt-in'),
    gpcEverywhere: bool(),
    limitSensitive: bool(),
    reloadOnWithdraw: bool(),
    blocking: parts.blocking ?? BLOCKING,
    // Its limits are checked by consentry/strict, which uses them.
    quarantine: parts.quarantine ?? QUARANTINE,
    cookie: shape(
      {
        name: text(/^[\w-]{1,64}$/, (process.env.NODE_ENV !== 'production' && 'letters, digits, _ or -'), 'consentry'),
        domain: text(/^\.?[a-z\d.-]+$/i, (process.env.NODE_ENV !== 'production' && 'a domain such as .example.com')),
        path: text(/^\/[^;\s]*$/, (process.env.NODE_ENV !== 'production' && 'a path starting with /'), '/'),
        sameSite: oneOf(['Lax', 'Strict', 'None'], 'Lax'),
        secure: (v, path, problems, cookie) => {
          const secure = v === undefined ? typeof location != 'undefined' && location.protocol == 'https:' : v
          // RFC 6265bis §5.4.7: browsers drop SameSite=None cookies that are not Secure.
          return typeof secure != 'boolean'
            ? fail(path, process.env.NODE_ENV !== 'production' && 'true or false', v, problems)
            : !secure && cookie.sameSite == 'None'
              ? fail(path, process.env.NODE_ENV !== 'production' && 'true with sameSite None', secure, problems)
              : secure
        },
        // Chrome caps cookie expiry at 400 days (RFC 6265bis §5.5).
        lifetime: int(1, 400),
        serverSet: bool(),
      },
      true,
    ),
    // The UI checks its own part (src/ui/config.ts), so that consentry/headless carries none of it.
    ui: parts.ui ?? rule((x) => typeof x == 'object' && !!x && !Array.isArray(x), (process.env.NODE_ENV !== 'production' && 'an object')),
    // Its fields are checked by the signals' part (src/signals/settings.ts), where the UI brings it.
    signals: parts.signals ?? rule((x) => x === !!x || (typeof x == 'object' && !!x), process.env.NODE_ENV !== 'production' && 'true, false or an object'),
  })
}

/**
 * The visitor's region from a string or a resolver function. Never throws: a
 * resolver that fails, or anything that is not a region code, is "unknown" ('').
 */
const regionOf = (r: ConsentryConfig['region']): string => {
  let v: unknown = r
  try {
    if (typeof r == 'function') v = r()
  } catch {
    v = ''
  }
  const code = typeof v == 'string' ? normalRegion(v) : ''
  return /^[A-Z]{2,3}(-[A-Z\d]{1,3})?$/.test(code) ? code : ''
}

type Read<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }

/**
 * Checks a developer's config and fills in every default. Throws one
 * {@link ConsentryError} (`invalid-config`) listing every wrong field, in the
 * order docs/config.md lists them, with what was expected there; builds a new
 * object, so nothing is kept on failure. `parts` are the rules of the parts
 * other modules own (see {@link ConfigParts}); without them those parts are
 * only checked for their type.
 */
export const resolveConfig = (input: unknown, parts: ConfigParts = {}): ResolvedConfig => {
  const ids = new Set<string>()
  const c = check<Read<ConsentryConfig> & { cookie: Read<CookieOptions>; region?: ConsentryConfig['region'] }>(configRule(ids, parts), input, 'config')
  const services = new Map<string, Service>()
  const categories = c.categories.map(
    (cat): Category => ({
      ...(cat as Read<typeof cat>),
      label: cat.label ?? cat.id,
      default: !!(cat.necessary || cat.default),
      services: (cat.services as Service[]).map((s) => {
        const service = { ...s, label: s.label ?? s.id, category: cat.id }
        services.set(s.id, service)
        return service
      }),
    }),
  )
  const region = regionOf(c.region ?? c.jurisdiction)
  const regions: Record<string, Mode> = {}
  for (const r in c.regions) regions[normalRegion(r)] = c.regions[r]!
  const k = c.cookie
  return {
    categories,
    services,
    ids,
    revision: c.revision,
    lifetime: c.lifetime * MONTH,
    mode: c.mode == 'auto' ? modeFor(region, regions, c.fallbackMode) : c.mode,
    jurisdiction: region,
    gpcEverywhere: c.gpcEverywhere,
    limitSensitive: c.limitSensitive,
    signals: c.signals ?? c.mode != 'opt-in',
    ui: c.ui,
    reloadOnWithdraw: c.reloadOnWithdraw,
    blocking: c.blocking,
    quarantine: c.quarantine,
    cookie: {
      ...k,
      domain: k.domain,
      lifetime: k.lifetime ?? Math.ceil((c.lifetime * MONTH) / 864e5),
    },
  }
}
