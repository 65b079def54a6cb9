// docs/api.md stays in sync with what every entry point really exports: the
// runtime names of dist/<entry>.mjs and every name (types included) of
// dist/<entry>.d.ts appear in that entry's section, and every name the section
// lists exists.
//
// How docs/api.md lists names: each entry has a `## \`consentry/…\`` section;
// inside it, a name is listed by a heading whose code spans start with it
// (`### \`init(config)\``, `### \`show()\` / \`hide()\``) or by the first cell of
// a table whose header's first cell is "export". Other tables are free text.
import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'))
const api = readFileSync(root + 'docs/api.md', 'utf8')

/** Every entry with types in the exports map: `consentry`, `consentry/headless`, … with its built files. */
const ENTRIES = Object.entries(pkg.exports as Record<string, unknown>)
  .filter(([, v]) => typeof v == 'object' && v && (v as { import?: { types?: string } }).import?.types)
  .map(([sub, v]) => {
    const esm = (v as { import: { types: string; default: string } }).import
    return { name: sub == '.' ? 'consentry' : 'consentry/' + sub.slice(2), js: esm.default, types: esm.types }
  })

const IDENT = /^[$A-Za-z_][\w$]*/
const codeSpans = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim())

/** `## ` sections of a markdown text, by the heading's first code span (or its text). */
export const sections = (md: string): Map<string, string> => {
  const out = new Map<string, string>()
  const text = md.replace(/^```[\s\S]*?^```/gm, '')
  for (const part of text.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n'))
    out.set(codeSpans(heading)[0] ?? heading.trim(), part)
  }
  return out
}

/** The names a section lists: heading code spans, and first cells of tables headed "export" (or `header`). */
export const listed = (section: string, header = 'export'): string[] => {
  const names: string[] = []
  const lines = section.split('\n')
  let inTable = false
  lines.forEach((line, i) => {
    if (/^#{3,6} /.test(line)) for (const c of codeSpans(line)) names.push(c.match(IDENT)?.[0] ?? c)
    if (!line.trim().startsWith('|')) return void (inTable = false)
    const prev = lines[i - 1]?.trim() ?? ''
    if (!prev.startsWith('|') && /^\|\s*:?-/.test(lines[i + 1]?.trim() ?? '')) inTable = cells(line)[0]!.toLowerCase() == header
    else if (inTable && !/^\|\s*:?-/.test(line.trim())) for (const c of codeSpans(cells(line)[0]!)) names.push(c.match(IDENT)?.[0] ?? c)
  })
  return names
}

// One program for every entry's .d.ts, built once while the file is collected (it is the slow part).
const program = ts.createProgram(
  ENTRIES.map((e) => root + e.types),
  { noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 },
)
const checker = program.getTypeChecker()

/** Every name a .d.ts exports, types included, read with the TypeScript compiler. */
const typeExports = (file: string): string[] => {
  const source = program.getSourceFile(file)
  const module = source && checker.getSymbolAtLocation(source)
  return module ? checker.getExportsOfModule(module).map((s) => s.name) : []
}

const SECTIONS = sections(api)

describe('docs/api.md', () => {
  it('has a section for every entry point in the exports map', () => {
    expect(ENTRIES.map((e) => e.name)).toEqual(expect.arrayContaining(['consentry', 'consentry/headless', 'consentry/server', 'consentry/preact', 'consentry/react']))
    for (const e of ENTRIES) expect(SECTIONS.has(e.name), `## \`${e.name}\``).toBe(true)
  })

  it.each(ENTRIES.map((e) => [e.name, e] as const))('%s: lists exactly what it exports, at runtime and in its types', async (name, e) => {
    const runtime = Object.keys(await import(pathToFileURL(root + e.js).href)).filter((k) => k != 'default' && k != '__esModule')
    const types = typeExports(root + e.types)
    const exported = [...new Set([...runtime, ...types])].sort()
    const documented = [...new Set(listed(SECTIONS.get(name) ?? ''))].sort()
    expect(exported.length, `${name} exports something`).toBeGreaterThan(0)
    expect({ name, missingFromDocs: exported.filter((n) => !documented.includes(n)), notExported: documented.filter((n) => !exported.includes(n)) }).toEqual({ name, missingFromDocs: [], notExported: [] })
  }, 60_000)

  it('lists only real members of the `consentry` API for the window.Consentry global', async () => {
    const section = [...SECTIONS].find(([k]) => k.includes('window.Consentry'))?.[1]
    expect(section).toBeDefined()
    const members = listed(section!, 'member')
    const consentry = await import(pathToFileURL(root + 'dist/index.mjs').href)
    expect(members.length).toBeGreaterThan(10)
    for (const m of members) expect(Object.keys(consentry), m).toContain(m)
  }, 60_000)

  it('the listing rules read headings and export tables, and nothing else', () => {
    const md = ['## `consentry/x`', '### `init(config)`', '### `show()` / `hide()`', '| field | type |', '|---|---|', '| `decided` | boolean |', '', '| export | does |', '|---|---|', '| `a` / `b` | … |'].join('\n')
    expect(listed(sections(md).get('consentry/x')!)).toEqual(['init', 'show', 'hide', 'a', 'b'])
  })
})
