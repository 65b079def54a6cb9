/** The GTM APIs a template may `require`, as fakes that record every call, and a tag firing in `node:vm`. */
import vm from 'node:vm'
import { checker, type Usage } from './permissions.js'
import { checkSyntax } from './syntax.js'
import type { Permission, Template } from './template.js'

export interface Call {
  api: string
  args: unknown[]
}

export interface RunOptions {
  /** Raw cookie values by name, as `document.cookie` holds them (URI-encoded). */
  cookies?: Record<string, string[]>
  now?: number
  /** The page's window: the fakes read and write it. */
  window?: Record<string, unknown>
  /** What an injected script does to the page before onSuccess; return false to fail the load. */
  onInject?: (url: string, window: Record<string, unknown>) => boolean | void
  /** Replace an API's behaviour (permission checks still apply to template code). */
  mocks?: Record<string, unknown>
}

export interface Run {
  calls: Call[]
  window: Record<string, unknown>
  usage: Usage
  logs: unknown[][]
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

// Values cross into and out of the sandbox as copies; functions stay callable.
export const copy = (v: unknown): unknown =>
  typeof v == 'function' ? v : Array.isArray(v) ? Array.from(v, copy) : v && typeof v == 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) : v

const pathGet = (w: Record<string, unknown>, path: string) => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), w)

/** The APIs a template may `require`, as fakes that record calls; `checked` applies the template's permissions. */
export const apis = (run: Run, permissions: Permission[], options: RunOptions, checked: boolean) => {
  const p = checker(permissions, run.usage)
  const w = run.window
  // What each API does once its permission is granted (see `permissionFor`).
  const impl: Record<string, (...args: never[]) => unknown> = {
    setDefaultConsentState() {},
    updateConsentState() {},
    gtagSet() {},
    getCookieValues: (name: string, decode = true) => (options.cookies?.[name] ?? []).map((v) => (decode ? decodeURIComponent(v) : v)),
    injectScript(url: string, onSuccess: () => void, onFailure: () => void) {
      if (options.onInject?.(url, w) === false) onFailure()
      else onSuccess()
    },
    setInWindow(key: string, value: unknown, override = false) {
      if (w[key] !== undefined && !override) return false
      w[key] = copy(value)
      return true
    },
    copyFromWindow: (key: string) => copy(pathGet(w, key)),
    callInWindow(path: string, ...args: unknown[]) {
      const fn = pathGet(w, path)
      return typeof fn == 'function' ? copy(fn(...args.map(copy))) : undefined
    },
    queryPermission: (id: string, ...args: unknown[]) => p.query(id, ...args),
    logToConsole: (...args: unknown[]) => void run.logs.push(args),
    getTimestampMillis: () => options.now ?? Date.now(),
    makeInteger: (v: unknown) => (Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : NaN),
    makeNumber: (v: unknown) => Number(v),
    makeString: (v: unknown) => String(v),
    getType: typeOf,
  }
  const objects: Record<string, unknown> = {
    // GTM's JSON.parse answers undefined for text that is not JSON; it does not throw.
    JSON: { parse: (s: string) => { try { return JSON.parse(s) } catch { return undefined } }, stringify: (v: unknown) => JSON.stringify(v) },
    Math: { abs: Math.abs, ceil: Math.ceil, floor: Math.floor, max: Math.max, min: Math.min, pow: Math.pow, round: Math.round, sqrt: Math.sqrt },
    Object: { keys: Object.keys, values: Object.values, entries: Object.entries, freeze: Object.freeze, delete: (o: Record<string, unknown>, k: string) => delete o[k] },
  }
  return (name: string): unknown => {
    if (name in objects) return objects[name]
    const f = impl[name] as ((...a: unknown[]) => unknown) | undefined
    if (!f) throw new Error(`require('${name}'): not an API this runner provides`)
    return (...args: unknown[]) => {
      run.calls.push({ api: name, args: args.map(copy) })
      // A mock replaces what the API does, never the permission it needs.
      if (checked) permissionFor(name, args, p.check)
      const mock = options.mocks?.[name]
      if (mock !== undefined) return typeof mock == 'function' ? (mock as (...a: unknown[]) => unknown)(...args) : mock
      return f(...args)
    }
  }
}

/** The permission each API checks before it acts (GTM: "Associated permissions"). */
const permissionFor = (name: string, args: unknown[], check: (id: string, ...a: unknown[]) => void) => {
  const [a] = args
  switch (name) {
    case 'setDefaultConsentState': for (const k of Object.keys(a as object)) if (k != 'region') check('access_consent', k, 'write'); break
    case 'updateConsentState': for (const k of Object.keys(a as object)) check('access_consent', k, 'write'); break
    case 'gtagSet': check('write_data_layer', a); break
    case 'getCookieValues': check('get_cookies', a); break
    case 'injectScript': check('inject_script', a); break
    case 'setInWindow': check('access_globals', a, 'write'); break
    case 'copyFromWindow': check('access_globals', a, 'read'); break
    case 'callInWindow': check('access_globals', a, 'execute'); break
    case 'logToConsole': check('logging'); break
  }
}

export const newRun = (window: Record<string, unknown> = {}): Run => ({ calls: [], window, usage: new Set(), logs: [] })

/** Refuses code the sandbox would refuse, with every problem in the message. */
const checked = new Map<string, string[]>()
export const assertSandboxed = (code: string, globals?: string[]) => {
  const key = String(globals) + '\n' + code
  if (!checked.has(key)) checked.set(key, checkSyntax(code, globals))
  const problems = checked.get(key)!
  if (problems.length) throw new SyntaxError('not sandboxed JavaScript:\n  ' + problems.join('\n  '))
}

// One realm for every run: the code is a function body, so runs share nothing
// but the (unused) global object, and compiling once keeps property tests fast.
const realm = vm.createContext({})
const compiled = new Map<string, (...a: unknown[]) => void>()
export const execute = (code: string, params: Record<string, unknown>) => {
  const names = Object.keys(params)
  const source = `(function (${names.join(', ')}) {\n${code}\n})`
  if (!compiled.has(source)) compiled.set(source, vm.runInContext(source, realm))
  compiled.get(source)!(...names.map((n) => params[n]))
}

/**
 * Runs the template's code once with `data` (plus gtmOnSuccess/gtmOnFailure,
 * which are recorded as calls), like a tag firing on a page.
 */
export const runTemplate = (template: Template, data: Record<string, unknown>, options: RunOptions = {}, run = newRun(options.window)): Run => {
  assertSandboxed(template.code)
  const require = apis(run, template.permissions, options, true)
  const record = (api: string) => () => void run.calls.push({ api, args: [] })
  execute(template.code, { data: { ...(copy(data) as object), gtmOnSuccess: record('gtmOnSuccess'), gtmOnFailure: record('gtmOnFailure') }, require })
  return run
}

/** The declared permission entries, in the form `Run.usage` records. */
export const declaredPermissions = (template: Template): string[] => checker(template.permissions, new Set()).declared()
