/**
 * The config's rule combinators: each reads one field and, when it is wrong,
 * records a problem naming the field (or throws it), so `resolveConfig` and the
 * parts other modules own (the UI, strict mode, the signals) read a whole config
 * in one pass and report every wrong field in one ConsentryError.
 */
import { ConsentryError, type ConfigProblem } from '../errors/index.js'

/** Category and service ids: they travel in the cookie, so they must be cookie-safe. */
export const ID = /^[A-Za-z][\w-]{0,39}$/
/** Jurisdiction codes such as `EU`, `US-CA`, `GB`. */
export const JURISDICTION = /^[A-Za-z0-9-]{0,16}$/

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

/** The unknown keys already warned about. */
const unknown = new Set<string>()

/**
 * An object with known keys, read in the order of `rules` (the order
 * docs/config.md lists them), and each key the shape does not know warned
 * about once, in production builds too (a typo such as `revison` would
 * otherwise pass silently). Not an object: one problem, and none for its fields.
 */
export const shape =
  (rules: Record<string, Rule>, optional?: boolean): Rule =>
  (v, path, problems) => {
    if (v === undefined && optional) v = {}
    if (typeof v != 'object' || !v || Array.isArray(v)) return fail(path, process.env.NODE_ENV !== 'production' && 'an object', v, problems)
    const out: Record<string, unknown> = {}
    // Said in production builds too: the script tag is one, and there a typo would otherwise pass unseen. Said here,
    // not through the warnings' table, which the server, the signals and the destinations do not carry otherwise; once
    // per key, as a server reads its config on every request (readConsent).
    for (const k in v as object) {
      const key = path + '.' + k
      if (!(k in rules) && !unknown.has(key)) unknown.add(key), console.warn(`[consentry] unknown config key ${key} (ignored)`)
    }
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
/** `quarantine` as the engine reads it; `consentry/strict` checks its limits. */
export const QUARANTINE = rule((x) => x === !!x || (typeof x == 'object' && !!x), (process.env.NODE_ENV !== 'production' && 'true, false or { requests, bytes }'), false)
/** `blocking` as the engine reads it; strict mode's part also needs its add-on. */
export const BLOCKING = oneOf(['elements', 'strict'], 'elements')

/**
 * `blocking` as init reads it while no plugin owns it: 'strict' needs the network guard, whose plugin
 * (consentry/strict) brings {@link BLOCKING} instead. The hint is kept in production builds too: without it the
 * error would not say what to add.
 */
export const ELEMENTS_ONLY: Rule = (v, path, problems) =>
  v == 'strict' ? fail(path, "'elements', or 'strict' with consentry/strict or consentry.strict.min.js", v, problems) : BLOCKING(v, path, problems)
