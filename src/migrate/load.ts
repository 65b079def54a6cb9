/**
 * Reads a developer's vanilla-cookieconsent config file — JSON, CommonJS, an ES
 * module, or a browser script that calls `CookieConsent.run({…})` — for the
 * CLI (Node only; never bundled for browsers). JavaScript is executed: in a
 * fresh node:vm context with a recording `CookieConsent`, inert `window` and
 * `document` stubs, no `require`, no Node globals, and a time limit. node:vm is
 * not a security boundary: run it on your own files, as you would run them.
 */
import { runInContext, createContext } from 'node:vm'

/** The file cannot be read as a config. */
export class LoadError extends Error {
  override name = 'LoadError'
}

/** How long the file's top-level code (and its load handlers) may run. */
const TIMEOUT = 2000

/** Defined inside the context, so nothing the file touches belongs to this realm. */
const PRELUDE = `
(() => {
  const g = globalThis, noop = () => {}, runs = g.__consentryRuns = [], handlers = g.__consentryHandlers = []
  const on = (type, fn) => { if (typeof fn == 'function' && /^(load|DOMContentLoaded|readystatechange)$/.test(type)) handlers.push(fn) }
  const element = () => ({ style: {}, dataset: {}, classList: { add: noop, remove: noop, toggle: noop, contains: () => false },
    setAttribute: noop, getAttribute: () => null, appendChild: (c) => c, append: noop, prepend: noop, remove: noop,
    addEventListener: noop, removeEventListener: noop, querySelector: () => null, querySelectorAll: () => [] })
  const cc = {
    run(config) { runs.push(config); return Promise.resolve() },
    show: noop, hide: noop, showPreferences: noop, hidePreferences: noop, acceptCategory: noop, acceptService: noop,
    acceptedCategory: () => false, acceptedService: () => false, validConsent: () => false, validCookie: () => false,
    eraseCookies: noop, loadScript: () => Promise.resolve(true), setCookieData: () => false, getCookie: () => undefined,
    getConfig: () => runs[runs.length - 1], getUserPreferences: () => ({ acceptType: 'necessary', acceptedCategories: [], rejectedCategories: [], acceptedServices: {}, rejectedServices: {} }),
    setLanguage: () => Promise.resolve(false), reset: noop,
  }
  const storage = { getItem: () => null, setItem: noop, removeItem: noop, clear: noop, key: () => null, length: 0 }
  Object.assign(g, {
    window: g, self: g, CookieConsent: cc,
    initCookieConsent() { g.__consentryV2 = true; return { run: noop, show: noop, hide: noop, showSettings: noop, allowedCategory: () => false } },
    document: Object.assign(element(), { readyState: 'loading', cookie: '', documentElement: Object.assign(element(), { lang: '' }),
      head: element(), body: element(), createElement: element, getElementById: () => null, addEventListener: on, removeEventListener: noop }),
    navigator: { language: 'en', languages: ['en'], userAgent: 'consentry-migrate', cookieEnabled: true },
    location: { href: 'https://localhost/', hostname: 'localhost', host: 'localhost', pathname: '/', protocol: 'https:', origin: 'https://localhost', search: '', hash: '' },
    localStorage: storage, sessionStorage: storage,
    console: { log: noop, info: noop, warn: noop, error: noop, debug: noop },
    addEventListener: on, removeEventListener: noop, dispatchEvent: () => true, CustomEvent: function CustomEvent() {},
    setTimeout: () => 0, clearTimeout: noop, setInterval: () => 0, clearInterval: noop, requestAnimationFrame: () => 0,
    gtag: noop, dataLayer: [], module: { exports: {} }, __consentryExports: {},
  })
  g.exports = g.module.exports
})()`

/**
 * ES module syntax → plain script, for the shapes config files have:
 * `import … from 'vanilla-cookieconsent'` binds the recording object, CSS and
 * other side-effect imports are dropped, `export default` / `export const`
 * are collected. Any other import cannot be resolved here: it is an error
 * that says what to do.
 */
const fromModule = (source: string): string => {
  const named: string[] = []
  let body = source.replace(/^[ \t]*import\s+([^'"]*?)\s+from\s+(['"])([^'"]+)\2[ \t]*;?/gm, (_m, what: string, _q, from: string) => {
    if (!/^vanilla-cookieconsent(\/|$)/.test(from))
      throw new LoadError(`imports "${from}", which the converter cannot load: inline what the config needs from it, or pass the config object alone (JSON, or a file with export default {…})`)
    const ns = /\*\s+as\s+([\w$]+)/.exec(what)?.[1]
    const def = /^([\w$]+)/.exec(what)?.[1]
    const names = /\{([^}]*)\}/.exec(what)?.[1]
    // The sandbox's global is already called CookieConsent: bind other names to it.
    const lines = [ns, def].filter((n) => n && n != 'CookieConsent').map((n) => `const ${n} = CookieConsent;`)
    for (const part of names ? names.split(',') : []) {
      const [orig, alias] = part.trim().split(/\s+as\s+/)
      if (orig) lines.push(`const ${alias ?? orig} = CookieConsent.${orig};`)
    }
    return lines.join(' ')
  })
  body = body.replace(/^[ \t]*import\s*(['"])[^'"]+\1[ \t]*;?/gm, '')
  body = body.replace(/^([ \t]*)export\s+default\s+/gm, '$1__consentryExports.default = ')
  body = body.replace(/^([ \t]*)export\s+(const|let|var)\s+([\w$]+)/gm, (_m, sp: string, kind: string, name: string) => (named.push(name), `${sp}${kind} ${name}`))
  body = body.replace(/^([ \t]*)export\s+(function|class)\s+([\w$]+)/gm, (_m, sp: string, kind: string, name: string) => (named.push(name), `${sp}${kind} ${name}`))
  body = body.replace(/^[ \t]*export\s*\{([^}]*)\}\s*;?/gm, (_m, list: string) => {
    for (const part of list.split(',')) {
      const [orig, alias] = part.trim().split(/\s+as\s+/)
      if (orig) named.push(alias == 'default' ? `default:${orig}` : orig)
    }
    return ''
  })
  const collect = named.map((n) => (n.startsWith('default:') ? `__consentryExports.default = ${n.slice(8)};` : `__consentryExports.${n} = ${n};`))
  return `${body}\n;${collect.join('\n')}`
}

const looksLikeModule = (source: string) => /^[ \t]*(import\s*[\w{*'"]|export\s)/m.test(source)

/** What the file gave: the config, and how it was found. */
export interface Loaded {
  config: unknown
  /** `json`, `run` (a CookieConsent.run call), `module` or `commonjs`. */
  via: 'json' | 'run' | 'module' | 'commonjs'
}

/**
 * The vanilla-cookieconsent config in `source` (the text of `filename`).
 * JSON is parsed; JavaScript is run (see the module comment). Throws a
 * {@link LoadError} that says what went wrong.
 */
export const loadConfig = (source: string, filename = 'config.js'): Loaded => {
  const text = source.replace(/^\uFEFF/, '').replace(/^#!.*/, '')
  if (/^\s*[{[]/.test(text) || filename.endsWith('.json'))
    try {
      return { config: JSON.parse(text), via: 'json' }
    } catch (e) {
      if (filename.endsWith('.json')) throw new LoadError(`not valid JSON: ${(e as Error).message}`)
    }
  const isModule = looksLikeModule(text)
  const code = isModule ? fromModule(text) : text
  const context = createContext({}, { name: 'consentry migrate', codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' })
  const g = context as Record<string, any>
  try {
    runInContext(PRELUDE, context)
    runInContext(code, context, { filename, timeout: TIMEOUT, displayErrors: false })
    // Configs often wait for the page: run what they registered for load / DOMContentLoaded.
    runInContext('for (const f of __consentryHandlers.splice(0)) f.call(window, { type: "load", target: document })', context, { timeout: TIMEOUT })
  } catch (e) {
    const err = e as Error
    if (/timed out/i.test(String(err?.message))) throw new LoadError(`did not finish within ${TIMEOUT / 1000} s (an endless loop?)`)
    throw new LoadError(`running it failed: ${err?.name ?? 'Error'}: ${err?.message ?? String(e)} (it runs in an empty sandbox with only CookieConsent, window and document stubs)`)
  }
  if (g.__consentryV2) throw new LoadError('it calls initCookieConsent(), which is vanilla-cookieconsent v2; the converter reads v3 configs (CookieConsent.run)')
  const runs = g.__consentryRuns as unknown[]
  if (runs.length) return { config: runs[runs.length - 1], via: 'run' }
  const exported = g.__consentryExports as Record<string, unknown>
  const cjs = g.module.exports as Record<string, unknown>
  const looks = (x: unknown) => typeof x == 'object' && x !== null && 'categories' in x
  if (isModule) {
    const found = looks(exported.default) ? exported.default : Object.values(exported).find(looks)
    if (found) return { config: found, via: 'module' }
  }
  for (const candidate of [cjs, cjs?.default, ...Object.values(cjs ?? {})]) if (looks(candidate)) return { config: candidate, via: 'commonjs' }
  throw new LoadError('found no config: expected CookieConsent.run({…}), export default {…}, module.exports = {…} or JSON, with a categories object')
}
