/**
 * A local stand-in for Google Tag Manager's template sandbox, for tests only.
 * It reads a Community Template (`.tpl`) export, refuses code outside the
 * documented sandboxed-JavaScript subset, runs the code in `node:vm` with fakes
 * of the GTM APIs that record every call, enforces the template's declared
 * `___WEB_PERMISSIONS___` the way GTM's permission checks do (an undeclared use
 * throws), and runs the template's own `___TESTS___` scenarios.
 *
 * What it knows of GTM comes from Google's docs: "Sandboxed JavaScript"
 * (ES5.1 plus arrow functions and const/let; no `new`, no `this`, no window
 * globals), "Standard library" (the methods each built-in type keeps), the
 * custom template APIs and their permissions, and "Tests" (mock, assertApi,
 * assertThat, runCode). It is stricter than GTM where the docs are silent.
 */
import { createRequire } from 'node:module'
import vm from 'node:vm'
import { parse } from 'acorn'
import { isDeepStrictEqual } from 'node:util'

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }

// ---------------------------------------------------------------- the file

export interface Permission {
  publicId: string
  /** The decoded `param` list: key → string, boolean, list or map. */
  params: Record<string, unknown>
}

export interface Template {
  sections: Record<string, string>
  info: Record<string, unknown>
  parameters: Record<string, unknown>[]
  code: string
  permissions: Permission[]
  tests: { setup?: string; scenarios: { name: string; code: string }[] }
}

/** Splits a `.tpl` into its `___NAME___` sections and parses the JSON and YAML ones. */
export const parseTemplate = (text: string): Template => {
  const sections: Record<string, string> = {}
  const parts = text.split(/^___([A-Z_]+)___$/m)
  for (let i = 1; i < parts.length; i += 2) sections[parts[i]!] = parts[i + 1]!.trim()
  for (const name of ['TERMS_OF_SERVICE', 'INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS', 'TESTS']) {
    if (!(name in sections)) throw new Error(`template: no ___${name}___ section`)
  }
  const tests = (yaml.load(sections.TESTS!) ?? { scenarios: [] }) as Template['tests']
  return {
    sections,
    info: JSON.parse(sections.INFO!),
    parameters: JSON.parse(sections.TEMPLATE_PARAMETERS!),
    code: sections.SANDBOXED_JS_FOR_WEB_TEMPLATE!,
    permissions: (JSON.parse(sections.WEB_PERMISSIONS!) as { instance: { key: { publicId: string }; param?: { key: string; value: unknown }[] } }[]).map(
      (p) => ({ publicId: p.instance.key.publicId, params: Object.fromEntries((p.instance.param ?? []).map((q) => [q.key, decodeValue(q.value)])) }),
    ),
    tests: { setup: tests.setup, scenarios: tests.scenarios ?? [] },
  }
}

/** GTM's typed values in permissions: 1 string, 2 list, 3 map, 8 boolean. */
const decodeValue = (v: unknown): unknown => {
  const x = v as { type: number; string?: string; boolean?: boolean; listItem?: unknown[]; mapKey?: unknown[]; mapValue?: unknown[] }
  switch (x.type) {
    case 1: return x.string
    case 8: return x.boolean
    case 2: return (x.listItem ?? []).map(decodeValue)
    case 3: return Object.fromEntries((x.mapKey ?? []).map((k, i) => [decodeValue(k), decodeValue(x.mapValue![i])]))
    default: throw new Error(`permission value of unknown type ${x.type}`)
  }
}

// ---------------------------------------------------------------- syntax

type AstNode = { type: string; start: number; [k: string]: unknown }

/** Node types outside ES5.1 + arrow functions + const/let, or named as absent by the docs. */
const FORBIDDEN: Record<string, string> = {
  NewExpression: '`new` does not exist in sandboxed JavaScript',
  ThisExpression: 'functions have no `this` in sandboxed JavaScript',
  ClassDeclaration: 'classes are not sandboxed JavaScript', ClassExpression: 'classes are not sandboxed JavaScript',
  TemplateLiteral: 'template literals are not among the ES6 features the sandbox has',
  TaggedTemplateExpression: 'template literals are not among the ES6 features the sandbox has',
  ForOfStatement: 'for…of is ES6', ForInStatement: 'for…in is not relied on (use Object.keys)',
  SpreadElement: 'spread is ES6', RestElement: 'rest parameters are ES6',
  ObjectPattern: 'destructuring is ES6', ArrayPattern: 'destructuring is ES6', AssignmentPattern: 'default parameters are ES6',
  AwaitExpression: 'async is ES2017', YieldExpression: 'generators are ES6', ImportExpression: 'import() is not available',
  ImportDeclaration: 'modules are not sandboxed JavaScript', ExportNamedDeclaration: 'modules are not sandboxed JavaScript',
  TryStatement: 'try/catch is not relied on: sandbox APIs report failure by their return value',
  ThrowStatement: 'throw is not relied on in templates', WithStatement: '`with` is not sandboxed JavaScript',
  ChainExpression: 'optional chaining is ES2020', MetaProperty: 'new.target/import.meta are not available',
}
/** Bitwise operators are not documented for the sandbox; the template does its arithmetic without them. */
const BITWISE = new Set(['&', '|', '^', '<<', '>>', '>>>', '~', '&=', '|=', '^=', '<<=', '>>=', '>>>=', '**', '**=', '??', '??='])
/** Methods the standard library keeps on built-in types, and those of the JSON, Math and Object APIs. */
const METHODS = new Set([
  // Array
  'concat', 'every', 'filter', 'forEach', 'indexOf', 'join', 'lastIndexOf', 'map', 'pop', 'push', 'reduce', 'reduceRight',
  'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toString', 'unshift',
  // String
  'charAt', 'match', 'replace', 'search', 'split', 'substring', 'toLowerCase', 'toLocaleLowerCase', 'toUpperCase',
  'toLocaleUpperCase', 'trim',
  // JSON, Math, Object
  'parse', 'stringify', 'abs', 'ceil', 'floor', 'max', 'min', 'pow', 'round', 'sqrt', 'keys', 'values', 'entries', 'freeze', 'delete',
  // data, and the test API's fluent assertions
  'gtmOnSuccess', 'gtmOnFailure', 'wasCalled', 'wasNotCalled', 'wasCalledWith', 'wasNotCalledWith', 'isEqualTo', 'isNotEqualTo',
  'isTrue', 'isFalse', 'isUndefined', 'isDefined', 'isNull', 'isNotNull', 'contains', 'doesNotContain', 'isStrictlyEqualTo',
])

/** Every method the built-in types have in Node, so those the sandbox removed can be told from a template's own functions. */
const NATIVE = new Set(
  [String.prototype, Array.prototype, Number.prototype, Boolean.prototype, Object.prototype, Function.prototype, Math, JSON, Object]
    .flatMap((o) => Object.getOwnPropertyNames(o)),
)

const children = (node: AstNode): AstNode[] =>
  Object.entries(node).flatMap(([k, v]) =>
    k == 'loc' ? [] : Array.isArray(v) ? v.filter((c): c is AstNode => !!c && typeof c.type == 'string') : v && typeof (v as AstNode).type == 'string' ? [v as AstNode] : [],
  )

/**
 * What in `code` the sandbox would refuse: syntax outside the subset, a method
 * the standard library does not keep, or a free name other than `data` and
 * `require` (there is no `window`, `Date`, `parseInt`, `console`…). Scenario
 * code also has the test API's names.
 */
export const checkSyntax = (code: string, globals: string[] = ['data', 'require']): string[] => {
  let ast: AstNode
  try {
    ast = parse(code, { ecmaVersion: 2022, allowReturnOutsideFunction: true, sourceType: 'script' }) as unknown as AstNode
  } catch (e) {
    return [`does not parse: ${(e as Error).message}`]
  }
  const problems: string[] = []
  const at = (n: AstNode) => `${code.slice(0, n.start).split('\n').length}`
  const declared = new Set<string>(['undefined', ...globals])
  const visit = (n: AstNode, f: (n: AstNode) => void) => (f(n), children(n).forEach((c) => visit(c, f)))
  visit(ast, (n) => {
    if (n.type == 'VariableDeclarator' && (n.id as AstNode).type == 'Identifier') declared.add((n.id as { name: string }).name)
    if (/Function/.test(n.type)) for (const p of n.params as AstNode[]) if (p.type == 'Identifier') declared.add((p as { name: string } & AstNode).name)
    if (n.type == 'FunctionDeclaration') declared.add((n.id as { name: string }).name)
  })
  visit(ast, (n) => {
    if (FORBIDDEN[n.type]) problems.push(`line ${at(n)}: ${FORBIDDEN[n.type]}`)
    if ((n.type == 'BinaryExpression' || n.type == 'AssignmentExpression' || n.type == 'UnaryExpression' || n.type == 'LogicalExpression') && BITWISE.has(n.operator as string)) {
      problems.push(`line ${at(n)}: operator ${n.operator as string} is not documented for the sandbox`)
    }
    if (n.type == 'Literal' && 'regex' in n) problems.push(`line ${at(n)}: regular expression literals are not documented for the sandbox`)
    if ((n.type == 'FunctionExpression' || n.type == 'ArrowFunctionExpression' || n.type == 'FunctionDeclaration') && (n.async || n.generator)) {
      problems.push(`line ${at(n)}: async functions and generators are not sandboxed JavaScript`)
    }
    if (n.type == 'Property' && (n.shorthand || n.method || n.computed || n.kind != 'init')) problems.push(`line ${at(n)}: ES6 object literal forms are not sandboxed JavaScript`)
    if (n.type == 'CallExpression') {
      const callee = n.callee as AstNode
      if (callee.type == 'MemberExpression' && !callee.computed) {
        const name = (callee.property as { name: string }).name
        if (NATIVE.has(name) && !METHODS.has(name)) problems.push(`line ${at(n)}: .${name}() is not in the sandbox's standard library`)
      }
    }
    if (n.type == 'Identifier' && !declared.has(n.name as string)) problems.push(`line ${at(n)}: \`${n.name as string}\` is not defined in the sandbox`)
  })
  // Identifiers that are property names or object keys are not references.
  return problems.filter((p, i, all) => all.indexOf(p) == i).filter((p) => !/is not defined/.test(p) || isReference(ast, p))
}

// Keeps "not defined" only for identifiers used as values (not `a.name`, not `{ name: … }`).
const isReference = (ast: AstNode, problem: string): boolean => {
  const name = /`(.+)`/.exec(problem)![1]
  let used = false
  const visit = (n: AstNode, parent?: AstNode, key?: string) => {
    if (n.type == 'Identifier' && n.name == name) {
      const asProperty = parent && ((parent.type == 'MemberExpression' && key == 'property' && !parent.computed) || (parent.type == 'Property' && key == 'key'))
      if (!asProperty) used = true
    }
    for (const [k, v] of Object.entries(n)) {
      if (Array.isArray(v)) v.forEach((c) => c && typeof c.type == 'string' && visit(c, n, k))
      else if (v && typeof (v as AstNode).type == 'string') visit(v as AstNode, n, k)
    }
  }
  visit(ast)
  return used
}

// ---------------------------------------------------------------- permissions

export class PermissionError extends Error {}

/** GTM URL patterns: https only, `*` matches any run of characters. */
const urlMatches = (pattern: string, url: string) =>
  url.startsWith('https://') && new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$').test(url)

/** Which declared permission entries a run used, to show none is unneeded. */
export type Usage = Set<string>

const checker = (permissions: Permission[], usage: Usage) => {
  const find = (id: string) => permissions.find((p) => p.publicId == id)
  const allow = (ok: boolean, entry: string, message: string) => {
    if (!ok) throw new PermissionError(`permission denied: ${message}`)
    usage.add(entry)
  }
  const checks: Record<string, (...args: unknown[]) => void> = {
    access_consent(type, mode) {
      const p = find('access_consent')
      const row = ((p?.params.consentTypes as Record<string, unknown>[] | undefined) ?? []).find((r) => r.consentType == type)
      allow(!!row && row[mode as string] === true, `access_consent:${String(type)}:${String(mode)}`, `${String(mode)} consent type ${String(type)}`)
    },
    write_data_layer(key) {
      const patterns = (find('write_data_layer')?.params.keyPatterns as string[] | undefined) ?? []
      const hit = patterns.find((k) => k == key || (k.endsWith('.*') && String(key).startsWith(k.slice(0, -1))))
      allow(!!hit, `write_data_layer:${hit}`, `write data layer key ${String(key)}`)
    },
    get_cookies(name) {
      const p = find('get_cookies')
      const any = p?.params.cookieAccess == 'any'
      allow(!!p && (any || ((p.params.cookieNames as string[] | undefined) ?? []).includes(name as string)), `get_cookies:${any ? '*' : String(name)}`, `read cookie ${String(name)}`)
    },
    inject_script(url) {
      const hit = ((find('inject_script')?.params.urls as string[] | undefined) ?? []).find((u) => urlMatches(u, url as string))
      allow(!!hit, `inject_script:${hit}`, `inject script ${String(url)}`)
    },
    access_globals(key, mode) {
      const row = ((find('access_globals')?.params.keys as Record<string, unknown>[] | undefined) ?? []).find((r) => r.key == key)
      allow(!!row && row[mode as string] === true, `access_globals:${String(key)}:${String(mode)}`, `${String(mode)} window.${String(key)}`)
    },
    logging() {
      const env = find('logging')?.params.environments
      allow(env == 'debug' || env == 'all', 'logging', 'log to the console')
    },
  }
  const check = (id: string, ...args: unknown[]) => checks[id]!(...args)
  const query = (id: string, ...args: unknown[]): boolean => {
    try {
      // Asking is not using: queryPermission records nothing.
      const scratch = new Set<string>()
      checker(permissions, scratch).check(id, ...args)
      return true
    } catch {
      return false
    }
  }
  /** Every entry the template declares, in the form `usage` records. */
  const declared = (): string[] =>
    permissions.flatMap((p) => {
      const P = p.params
      switch (p.publicId) {
        case 'access_consent': return (P.consentTypes as Record<string, unknown>[]).flatMap((r) => ['read', 'write'].filter((m) => r[m] === true).map((m) => `access_consent:${String(r.consentType)}:${m}`))
        case 'write_data_layer': return (P.keyPatterns as string[]).map((k) => `write_data_layer:${k}`)
        case 'get_cookies': return P.cookieAccess == 'any' ? ['get_cookies:*'] : (P.cookieNames as string[]).map((n) => `get_cookies:${n}`)
        case 'inject_script': return (P.urls as string[]).map((u) => `inject_script:${u}`)
        case 'access_globals': return (P.keys as Record<string, unknown>[]).flatMap((r) => ['read', 'write', 'execute'].filter((m) => r[m] === true).map((m) => `access_globals:${String(r.key)}:${m}`))
        case 'logging': return ['logging']
        default: return [`${p.publicId}:?`]
      }
    })
  return { check, query, declared }
}

// ---------------------------------------------------------------- the APIs

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
const copy = (v: unknown): unknown =>
  typeof v == 'function' ? v : Array.isArray(v) ? Array.from(v, copy) : v && typeof v == 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) : v

const pathGet = (w: Record<string, unknown>, path: string) => path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), w)

/** The APIs a template may `require`, as fakes that record calls; `checked` applies the template's permissions. */
const apis = (run: Run, permissions: Permission[], options: RunOptions, checked: boolean) => {
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

const newRun = (window: Record<string, unknown> = {}): Run => ({ calls: [], window, usage: new Set(), logs: [] })

/** Refuses code the sandbox would refuse, with every problem in the message. */
const checked = new Map<string, string[]>()
const assertSandboxed = (code: string, globals?: string[]) => {
  const key = String(globals) + '\n' + code
  if (!checked.has(key)) checked.set(key, checkSyntax(code, globals))
  const problems = checked.get(key)!
  if (problems.length) throw new SyntaxError('not sandboxed JavaScript:\n  ' + problems.join('\n  '))
}

// One realm for every run: the code is a function body, so runs share nothing
// but the (unused) global object, and compiling once keeps property tests fast.
const realm = vm.createContext({})
const compiled = new Map<string, (...a: unknown[]) => void>()
const execute = (code: string, params: Record<string, unknown>) => {
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

// ---------------------------------------------------------------- ___TESTS___

const TEST_API = ['mock', 'mockObject', 'assertApi', 'assertThat', 'runCode', 'fail', 'require']

export interface ScenarioResult {
  name: string
  passed: boolean
  error?: string
}

/** Runs every `___TESTS___` scenario (after `setup`) with GTM's test API. */
export const runScenarios = (template: Template): ScenarioResult[] =>
  template.tests.scenarios.map(({ name, code }) => {
    const source = (template.tests.setup ?? '') + '\n' + code
    try {
      assertSandboxed(source, TEST_API)
      const mocks: Record<string, unknown> = {}
      const run = newRun()
      const options: RunOptions = { mocks }
      const fail = (message: string) => {
        throw new Error(message)
      }
      const calls = (api: string) => run.calls.filter((c) => c.api == api)
      const same = (a: unknown, b: unknown) => isDeepStrictEqual(copy(a), copy(b))
      const api = {
        mock: (name: string, value: unknown) => void (mocks[name] = value),
        mockObject: (name: string, value: unknown) => void (mocks[name] = value),
        runCode: (data: Record<string, unknown>) => void runTemplate(template, data, options, run),
        fail,
        require: apis(run, template.permissions, options, false),
        assertApi: (name: string) => ({
          wasCalled: () => calls(name).length || fail(`${name} was not called`),
          wasNotCalled: () => !calls(name).length || fail(`${name} was called: ${JSON.stringify(calls(name)[0]!.args)}`),
          wasCalledWith: (...args: unknown[]) =>
            calls(name).some((c) => same(c.args, args)) || fail(`${name} was not called with ${JSON.stringify(args)}; calls: ${JSON.stringify(calls(name).map((c) => c.args))}`),
          wasNotCalledWith: (...args: unknown[]) => !calls(name).some((c) => same(c.args, args)) || fail(`${name} was called with ${JSON.stringify(args)}`),
        }),
        assertThat: (actual: unknown, message?: string) => {
          const is = (ok: boolean, what: string) => ok || fail(message ?? `expected ${JSON.stringify(actual)} ${what}`)
          return {
            isEqualTo: (x: unknown) => is(same(actual, x), `to equal ${JSON.stringify(x)}`),
            isNotEqualTo: (x: unknown) => is(!same(actual, x), `not to equal ${JSON.stringify(x)}`),
            isStrictlyEqualTo: (x: unknown) => is(actual === x, `to be ${JSON.stringify(x)}`),
            isTrue: () => is(actual === true, 'to be true'),
            isFalse: () => is(actual === false, 'to be false'),
            isUndefined: () => is(actual === undefined, 'to be undefined'),
            isDefined: () => is(actual !== undefined, 'to be defined'),
            isNull: () => is(actual === null, 'to be null'),
            isNotNull: () => is(actual !== null, 'not to be null'),
            contains: (...xs: unknown[]) => is(xs.every((x) => (actual as unknown[]).some((a) => same(a, x))), `to contain ${JSON.stringify(xs)}`),
            doesNotContain: (...xs: unknown[]) => is(!xs.some((x) => (actual as unknown[]).some((a) => same(a, x))), `not to contain ${JSON.stringify(xs)}`),
          }
        },
      }
      execute(source, api)
      return { name, passed: true }
    } catch (e) {
      return { name, passed: false, error: (e as Error).message }
    }
  })
