import type { ConsentryError } from '../errors/index.js'
import type { Category, ConsentryConfig, CookieOptions, RegionMode, ResolvedConfig, Service } from './types.js'
import { modeFor, normalRegion } from './regions.js'
import { BLOCKING, ID, QUARANTINE, bool, check, fail, int, invalid, label, list, oneOf, rule, shape, text, type ConfigParts, type Rule } from './rules.js'

/** 30.4375 days: the mean Gregorian month. */
const MONTH = 2629800000
const matcher = rule((x) => (x && typeof x == 'string') || x instanceof RegExp, (process.env.NODE_ENV !== 'production' && 'a name or RegExp'))
const id = rule((x) => typeof x == 'string' && ID.test(x), (process.env.NODE_ENV !== 'production' && 'an id of letters, digits, _ or - (at most 40)'), 0, true)

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
        ukExemption: rule((x) => x === 'statistics' || x === 'preferences', process.env.NODE_ENV !== 'production' && 'statistics or preferences'),
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
    mode: oneOf(['opt-in', 'opt-out', 'none', 'auto'], 'opt-in'),
    // A region may come from the outside world (a geo header): checked where it is read, never thrown on.
    region: rule((x) => typeof x == 'string' || typeof x == 'function', (process.env.NODE_ENV !== 'production' && 'a region code such as US-CA, or a function')),
    jurisdiction: label,
    regions: rule(
      (x) => typeof x == 'object' && !!x && Object.values(x).every((m) => m == 'opt-in' || m == 'opt-out' || m == 'none'),
      (process.env.NODE_ENV !== 'production' && 'an object of region codes to opt-in, opt-out or none'),
      {},
    ),
    fallbackMode: oneOf(['opt-in', 'opt-out', 'none'], 'opt-in'),
    gpcEverywhere: bool(),
    limitSensitive: bool(),
    reloadOnWithdraw: bool(),
    hideFromBots: bool(),
    // In the browser, init brings ELEMENTS_ONLY unless the strict plugin is plugged in.
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
  const regions: Record<string, RegionMode> = {}
  for (const r in c.regions) regions[normalRegion(r)] = c.regions[r]!
  const k = c.cookie
  const mode = c.mode == 'auto' ? modeFor(region, regions, c.fallbackMode) : c.mode
  return {
    categories,
    services,
    ids,
    revision: c.revision,
    lifetime: c.lifetime * MONTH,
    mode: mode == 'none' ? 'opt-out' : mode,
    notice: mode != 'none',
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
