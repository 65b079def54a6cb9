/**
 * A converted config as a file: JSON (the script tag's `data-consentry-config`
 * block, where a RegExp becomes a `*` pattern when it can), or an ES module
 * (RegExps kept, Consentry's translations imported for bundlers).
 */
import type { ConsentryConfig } from '../config/types.js'
import { LANGUAGES } from '../ui/i18n/pick.js'
import { isRegExp } from './util.js'

/**
 * A RegExp as `*` patterns (JSON cannot carry a RegExp; Consentry reads `*` as
 * any run of characters), or null when it says more than a pattern can: `/^_ga/`
 * → `_ga*`, `/^_pk_id\./` → `_pk_id.*`, `/^(_ga|_gid)$/` → `_ga`, `_gid`.
 */
export const toGlobs = (re: RegExp): string[] | null => {
  if (/[^gmsuyd]/.test(re.flags)) return null
  let src = re.source
  const start = src.startsWith('^')
  const end = src.endsWith('$') && !src.endsWith('\\$')
  src = src.slice(start ? 1 : 0, end ? -1 : undefined)
  // One group of alternatives, e.g. ^(_ga|_gid) or ^(?:a|b)_x.
  const group = /^(.*?)\((?:\?:)?([^()]*)\)(.*)$/.exec(src)
  const variants = group ? group[2]!.split('|').map((alt) => group[1] + alt + group[3]) : [src]
  const out: string[] = []
  for (const v of variants) {
    let glob = ''
    for (let i = 0; i < v.length; i++) {
      const ch = v[i]!
      if (ch == '\\') {
        const next = v[++i]
        if (next === undefined || /[\w*]/.test(next)) return null
        glob += next
      } else if (ch == '.' && (v[i + 1] == '*' || v[i + 1] == '+')) (glob += '*'), i++
      else if (/[\w-]/.test(ch) || ch == '=' || ch == ':' || ch == '@') glob += ch
      else return null
    }
    out.push((start ? '' : '*') + glob + (end ? '' : '*'))
  }
  return out.map((g) => g.replace(/\*+/g, '*'))
}

/** The config as JSON; warnings for RegExps that no `*` pattern can express (left out). */
export const toJson = (config: ConsentryConfig): { text: string; warnings: string[] } => {
  const warnings: string[] = []
  const text = JSON.stringify(
    config,
    function (this: { id?: unknown }, key, value: unknown) {
      if (!Array.isArray(value) || !value.some(isRegExp)) return value
      return value.flatMap((m: unknown) => {
        if (!isRegExp(m)) return [m]
        const globs = toGlobs(m)
        if (globs) return globs
        warnings.push(`${typeof this.id == 'string' ? `${this.id}.` : ''}${key}: ${String(m)} has no * pattern equivalent and JSON cannot hold a RegExp: left out; use --format js to keep it`)
        return []
      })
    },
    2,
  )
  return { text: text + '\n', warnings }
}

/** Marks a value printed as code, not as data (an imported name). */
class Code {
  constructor(readonly code: string) {}
}

const KEY = /^[A-Za-z_$][\w$]*$/

const print = (v: unknown, indent: string): string => {
  if (v instanceof Code) return v.code
  if (isRegExp(v)) return String(v)
  if (Array.isArray(v)) {
    if (!v.length) return '[]'
    const inner = indent + '  '
    return `[\n${v.map((x) => inner + print(x, inner)).join(',\n')},\n${indent}]`
  }
  if (typeof v == 'object' && v !== null) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined)
    if (!entries.length) return '{}'
    const inner = indent + '  '
    return `{\n${entries.map(([k, x]) => `${inner}${KEY.test(k) ? k : JSON.stringify(k)}: ${print(x, inner)}`).join(',\n')},\n${indent}}`
  }
  return JSON.stringify(v)
}

/**
 * The config as an ES module with `export default`. Languages with texts in
 * `ui.text` that Consentry ships are imported from `consentry/i18n` and listed
 * in `ui.translations`, which a bundled `init` needs to show them.
 */
export const toModule = (config: ConsentryConfig): string => {
  const langs = Object.keys(config.ui?.text ?? {}).filter((l) => l != 'en' && LANGUAGES.includes(l))
  let out: ConsentryConfig = config
  if (langs.length) out = { ...config, ui: { ...config.ui, translations: [...(config.ui?.translations ?? []), ...langs.map((l) => new Code(l))] } }
  const head = ['// Converted from vanilla-cookieconsent by `consentry migrate`: review the warnings it printed.']
  if (langs.length) head.push(`import { ${langs.join(', ')} } from 'consentry/i18n'`)
  head.push('', "/** @type {import('consentry').ConsentryConfig} */")
  return `${head.join('\n')}\nexport default ${print(out, '')}\n`
}
