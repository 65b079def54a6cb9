#!/usr/bin/env node
/**
 * Byte figures in the docs, kept equal to size-limit's.
 *
 * Every figure the docs (README.md and docs/**\/*.md) quote for one of
 * Consentry's own files carries a marker naming the size-limit entry it comes
 * from, and the figure follows the marker directly:
 *
 *   <!-- size: dist/consentry.min.js -->12.31 kB    the entry's measured size
 *   <!-- limit: dist/consentry.min.js -->12.35 kB   the entry's budget in .size-limit.mjs
 *
 * The key is an entry's full name in .size-limit.mjs, or the start of it up
 * to a space, a colon or a parenthesis (`consentry/server`, `consentry`,
 * `consentry/headless: own code`), and must name exactly one entry. A figure
 * is `<number> kB` (1 kB = 1,000 bytes, as size-limit counts) or `<number> B`;
 * the number is compared at the precision it is written with, so `1.2 kB`
 * matches 1,163 bytes and `1.16 kB` would too, but `1.17 kB` would not.
 *
 * Figures that are not measurements of Consentry's build (a rival's size, a
 * benchmark, a limit in the code such as the 16 KB sync body) are marked as
 * such, one by one or as a region:
 *
 *   <!-- not-size -->15.5 KB
 *   <!-- not-sizes --> … a table of rivals … <!-- /not-sizes -->
 *
 * Any other byte figure outside code is an error, so a new figure cannot slip
 * in unchecked. Code blocks and `inline code` are not read.
 *
 *   node scripts/doc-sizes.mjs           rewrite every marked figure from `npx size-limit --json`
 *   node scripts/doc-sizes.mjs --check   report stale, unknown or unmarked figures; exit 1 if any
 *   --json FILE                          read size-limit's JSON output from FILE instead of running it
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const NUMBER = String.raw`(\d+(?:\.\d+)?)`
const UNIT = String.raw`(kB|KB|B)\b`
/** A marked figure: kind, key, the space between marker and figure, number, unit. */
const MARKED = new RegExp(String.raw`<!--\s*(size|limit):\s*([^>]*?)\s*-->(\s?)` + NUMBER + String.raw`(\s?)` + UNIT, 'g')
const EXEMPT = new RegExp(String.raw`<!--\s*not-size\s*-->\s?\d[\d,]*(?:\.\d+)?\s?(?:kB|KB|KiB|MB|MiB|B|bytes)\b`, 'g')
const REGION = /<!--\s*not-sizes\s*-->[\s\S]*?<!--\s*\/not-sizes\s*-->/g
/** Anything that reads as a quantity of bytes. */
const ANY = /(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:kB|KB|KiB|MB|MiB|B|bytes)\b/g

const blank = (s) => s.replace(/[^\n]/g, ' ')

/** The text with code blocks, inline code and ordinary comments blanked out (same length, same lines). */
const readable = (text) =>
  text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]+`/g, blank)
    .replace(/<!--(?!\s*(?:size|limit|not-size|not-sizes|\/not-sizes)\b)[\s\S]*?-->/g, blank)

const lineAt = (text, index) => text.slice(0, index).split('\n').length

/**
 * Every byte figure in a markdown text: `marked` (with kind, key, value, unit,
 * decimals, where the number starts) and `unmarked` (figures with no marker
 * outside an exempt region).
 */
export const findFigures = (text) => {
  const t = readable(text)
  const marked = []
  for (const m of t.matchAll(MARKED)) {
    const [all, kind, key, , value, , unit] = m
    marked.push({
      kind,
      key,
      value,
      unit,
      decimals: (value.split('.')[1] ?? '').length,
      index: m.index + all.length - value.length - m[5].length - unit.length,
      line: lineAt(text, m.index),
      text: all,
    })
  }
  const rest = t.replace(MARKED, blank).replace(EXEMPT, blank).replace(REGION, blank)
  const unmarked = [...rest.matchAll(ANY)].map((m) => ({ text: m[0], line: lineAt(text, m.index) }))
  return { marked, unmarked }
}

/** The one size-limit entry a key names, or a reason why there is none. */
export const entryFor = (key, entries) => {
  const exact = entries.filter((e) => e.name === key)
  const found = exact.length ? exact : entries.filter((e) => e.name.startsWith(key) && /^[\s:(]/.test(e.name.slice(key.length)))
  if (found.length === 1) return { entry: found[0] }
  return { problem: found.length ? `"${key}" names ${found.length} size-limit entries: ${found.map((e) => `"${e.name}"`).join(', ')}` : `"${key}" names no size-limit entry` }
}

/** A byte count written the way a figure is: same unit, same number of decimals. */
export const formatBytes = (bytes, unit, decimals) => (unit === 'B' ? String(Math.round(bytes)) : (bytes / 1000).toFixed(decimals))

const expectedOf = (figure, entries) => {
  const { entry, problem } = entryFor(figure.key, entries)
  if (!entry) return { problem }
  const bytes = figure.kind === 'size' ? entry.size : entry.sizeLimit
  if (typeof bytes != 'number') return { problem: `size-limit gives no ${figure.kind === 'size' ? 'size' : 'limit'} for "${entry.name}"` }
  return { value: formatBytes(bytes, figure.unit, figure.decimals), bytes }
}

/**
 * Problems with the figures of one file, as strings naming file and line:
 * stale figures, keys that name no entry (or several), unmarked figures.
 * `entries` is size-limit's JSON output: `[{ name, size, sizeLimit }]`.
 */
export const checkText = (text, entries, file = 'text') => {
  const { marked, unmarked } = findFigures(text)
  const problems = []
  for (const f of marked) {
    const { value, bytes, problem } = expectedOf(f, entries)
    if (problem) problems.push(`${file}:${f.line}: ${problem}`)
    else if (value !== f.value)
      problems.push(`${file}:${f.line}: "${f.key}" ${f.kind === 'size' ? 'is' : 'has a budget of'} ${bytes} bytes (${value} ${f.unit}); the docs say ${f.value} ${f.unit}`)
  }
  for (const u of unmarked)
    problems.push(`${file}:${u.line}: byte figure "${u.text}" has no marker: <!-- size: ENTRY --> for Consentry's own files, <!-- not-size --> for anything else`)
  return problems
}

/** The text with every marked figure rewritten from `entries`; figures whose key names no one entry are left as they are. */
export const rewriteText = (text, entries) => {
  let out = ''
  let at = 0
  for (const f of findFigures(text).marked) {
    const { value } = expectedOf(f, entries)
    if (value === undefined) continue
    out += text.slice(at, f.index) + value
    at = f.index + f.value.length
  }
  return out + text.slice(at)
}

/** README.md and every markdown file under docs/, relative to `root`. */
export const docFiles = (root) => {
  const out = ['README.md']
  const walk = (dir) => {
    let names = []
    try {
      names = readdirSync(join(root, dir), { withFileTypes: true })
    } catch {
      return
    }
    for (const d of names.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, d.name)
      if (d.isDirectory()) walk(path)
      else if (d.name.endsWith('.md')) out.push(path.split('\\').join('/'))
    }
  }
  walk('docs')
  return out
}

/**
 * size-limit's measurements: runs `npx size-limit --json` in `root` (the build
 * must exist). A budget that is exceeded makes size-limit exit 1 but still
 * print every entry, so its output is read either way.
 */
export const sizeLimitEntries = (root) => {
  let stdout
  try {
    stdout = execFileSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 })
  } catch (e) {
    stdout = e.stdout
    if (!stdout) throw e
  }
  const start = stdout.indexOf('[')
  return JSON.parse(stdout.slice(start))
}

const main = (argv) => {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const check = argv.includes('--check')
  const jsonAt = argv.indexOf('--json')
  const entries = jsonAt >= 0 ? JSON.parse(readFileSync(argv[jsonAt + 1], 'utf8')) : sizeLimitEntries(root)
  let problems = []
  let changed = 0
  for (const file of docFiles(root)) {
    const path = join(root, file)
    const text = readFileSync(path, 'utf8')
    if (!check) {
      const next = rewriteText(text, entries)
      if (next !== text) writeFileSync(path, next), changed++, console.log(`updated ${relative(root, path)}`)
      problems.push(...checkText(next, entries, file))
    } else problems.push(...checkText(text, entries, file))
  }
  for (const p of problems) console.error(p)
  if (!check) console.log(`${changed} file(s) updated`)
  if (problems.length) process.exitCode = 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2))
