// docs/config.md documents every option of ConsentryConfig, found by walking
// the published types (dist/index.d.ts) with the TypeScript compiler, plus the
// `signals` settings (typed loosely in the config, so read from
// `consentry/signals` at runtime), and lists no option that does not exist.
//
// How docs/config.md lists options: tables whose header's first cell is
// "option", one row per option, its full path in a code span
// (`cookie.domain`, `categories[].services[].cookieTable[].name`), then type,
// default and description, none of them empty. The script tag's destinations
// block is a table headed "key": each destination's row names every option of
// its options type in code spans.
import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const doc = readFileSync(root + 'docs/config.md', 'utf8')

/** Every property path under the type `name` of a d.ts, recursing into object types declared there. */
const configPaths = (dts = root + 'dist/index.d.ts', name = 'ConsentryConfig'): string[] => {
  const program = ts.createProgram([dts], { noEmit: true, skipLibCheck: true, strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(dts)!
  const sym = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name == name)!
  const ours = (t: ts.Type) => (t.getSymbol() ?? t.aliasSymbol)?.declarations?.some((d) => d.getSourceFile() == source) ?? false
  const paths: string[] = []
  const walk = (type: ts.Type, prefix: string, seen: Set<ts.Type>) => {
    const parts = type.isUnion() ? type.types : [type]
    for (const t of parts) {
      if (checker.isArrayType(t)) walk(checker.getTypeArguments(t as ts.TypeReference)[0]!, prefix + '[]', seen)
      else if (t.flags & ts.TypeFlags.Object && !t.getCallSignatures().length && (ours(t) || t.getSymbol()?.name == '__type') && !seen.has(t)) {
        for (const p of t.getProperties()) {
          const path = prefix ? `${prefix}.${p.name}` : p.name
          paths.push(path)
          walk(checker.getNonNullableType(checker.getTypeOfSymbol(p)), path, new Set([...seen, t]))
        }
      }
    }
  }
  walk(checker.getDeclaredTypeOfSymbol(sym), '', new Set())
  return [...new Set(paths)]
}

/** Rows of every table headed `header`: each code span of the first cell → the other cells. */
const documented = (header = 'option'): Map<string, string[]> => {
  const rows = new Map<string, string[]>()
  const lines = doc.split('\n')
  let inTable = false
  const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim())
  lines.forEach((line, i) => {
    if (!line.trim().startsWith('|')) return void (inTable = false)
    if (!lines[i - 1]?.trim().startsWith('|') && /^\|\s*:?-/.test(lines[i + 1]?.trim() ?? '')) inTable = cells(line)[0]!.toLowerCase() == header
    else if (inTable && !/^\|\s*:?-/.test(line.trim())) {
      const [first, ...rest] = cells(line)
      for (const m of first!.matchAll(/`([^`]+)`/g)) rows.set(m[1]!, rest)
    }
  })
  return rows
}

describe('docs/config.md', () => {
  const paths = configPaths()
  const rows = documented()
  const signalsConfigKeys = Object.fromEntries([...rows.keys()].filter((r) => r.startsWith('signals.')).map((r) => [r.slice(8), true]))

  it('the type walk finds the nested options (categories, services, cookie tables, cookie, ui, quarantine)', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['categories', 'categories[].id', 'categories[].services[].hosts', 'categories[].services[].cookieTable[].lifetime', 'cookie.sameSite', 'ui.layout', 'ui.assetsUrl', 'quarantine.requests', 'region', 'signals']),
    )
    expect(paths.some((p) => /lastIndex|source|flags/.test(p))).toBe(false)
  })

  it('documents every option of ConsentryConfig', () => {
    expect(paths.filter((p) => !rows.has(p))).toEqual([])
  })

  it('documents every `signals` setting that consentry/signals accepts', async () => {
    const { signalsConfig } = await import(pathToFileURL(root + 'dist/signals.mjs').href)
    const keys = Object.keys(signalsConfig({ signals: true, limitSensitive: false })).filter((k) => k != 'limitSensitive')
    expect(keys.length).toBeGreaterThan(10)
    expect(keys.map((k) => 'signals.' + k).filter((p) => !rows.has(p))).toEqual([])
  }, 60_000)

  it('lists no option that does not exist, and gives each a type, a default and a description', async () => {
    const { signalsConfig } = await import(pathToFileURL(root + 'dist/signals.mjs').href)
    const known = new Set([...paths, ...Object.keys(signalsConfig({ signals: true, limitSensitive: false })).map((k) => 'signals.' + k)])
    expect([...rows.keys()].filter((p) => !known.has(p))).toEqual([])
    for (const [path, rest] of rows) expect(rest.length >= 3 && rest.slice(0, 3).every((c) => c.length > 0), path).toBe(true)
  }, 60_000)

  it('is the order init reports problems in: a config wrong in every option gets one error listing each, row by row', async () => {
    const { init } = await import(pathToFileURL(root + 'dist/index.mjs').href)
    const { enableStrictBlocking } = await import(pathToFileURL(root + 'dist/strict.mjs').href)
    enableStrictBlocking()
    const bad = { label: 1, description: 1, provider: 1 }
    const config = {
      categories: [{ id: 7, ...bad, necessary: 'x', default: 'x', optOut: 'x', ukExemption: 'x', services: [{ id: 7, ...bad, hosts: [1], cookies: [1], localStorage: [1], cookieTable: [{ name: 1, purpose: 1, lifetime: 1, provider: 1 }] }] }],
      revision: -1,
      lifetime: 0,
      mode: 'x',
      region: 1,
      jurisdiction: 1,
      regions: 1,
      fallbackMode: 'x',
      gpcEverywhere: 'x',
      limitSensitive: 'x',
      reloadOnWithdraw: 'x',
      hideFromBots: 'x',
      blocking: 'x',
      quarantine: { requests: 0, bytes: -1 },
      cookie: { name: ' ', domain: ' ', path: 'x', sameSite: 'x', secure: 'x', lifetime: 0, serverSet: 'x' },
      ui: { layout: 'x', position: 1, backdrop: 'x', theme: 'x', floatingButton: 'x', policyUrl: 'javascript:', language: '1', translations: 1, text: 1, nonce: ' ', assetsUrl: 'javascript:' },
      signals: Object.fromEntries(Object.keys(signalsConfigKeys).map((k) => [k, 'x'])),
    }
    const error = await init(config).then(
      () => null,
      (e: { code: string; problems: { path: string }[] }) => e,
    )
    expect(error?.code).toBe('invalid-config')
    const reported = error!.problems.map((p: { path: string }) => p.path.replace(/^config\./, '').replace(/\[\d+\]/g, '[]').replace(/\[\]$/, ''))
    // An item of a list is reported under the list's row (`hosts[0]`: `hosts`). Every row but those whose fields
    // have rows of their own (categories, cookie, ui…), which cannot be wrong as well.
    const rowsInOrder = [...rows.keys()].filter((r) => ![...rows.keys()].some((o) => o.startsWith(r + '.') || o.startsWith(r + '[].')))
    expect(reported).toEqual(rowsInOrder)
  }, 60_000)

  it('documents every option of the destinations a script-tag site switches on by name', () => {
    const block = documented('key')
    const dts = root + 'dist/destinations.d.ts'
    for (const [key, type] of [['googleConsentMode', 'ConsentModeOptions'], ['serverSync', 'SyncOptions']] as const) {
      const row = block.get(key)?.join(' ') ?? ''
      expect(row, key).not.toBe('')
      const options = configPaths(dts, type).filter((p) => !p.includes('.'))
      expect(options.length).toBeGreaterThan(3)
      expect(options.filter((o) => !row.includes('`' + o + '`')), key).toEqual([])
    }
  }, 60_000)
})
