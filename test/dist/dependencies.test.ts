// Every package that the repository's own tests and tools import is declared in package.json
// (dependencies or devDependencies), so `npm ci` on a clean clone installs it on purpose, not because some
// other package happened to pull it in. Imports are read with the TypeScript parser: static and type-only
// imports, re-exports, import(), require(), createRequire(…)(…), vi.mock(…) and `typeof import(…)`.
// Allowed besides: relative paths, `node:` builtins (always with the prefix) and the package's own name
// (`consentry/server`, resolved through its exports map).
//
// Read: test/** (except fixtures, which are a site's files the migration tool reads, not code we run),
// src/**/*.test.ts(x) and the test helpers beside them (src/testing/, src/**/testing.ts), scripts/,
// bench/ and the root config files.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})])

const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    // Dot folders are scratch space (test/dist/.example-*, .vendors-*: the docs tests' temporary projects, which come
    // and go while this file runs beside them; bench/.build): nothing in them is the repository's code. Skipped
    // before they are even looked at, since one may be gone by then.
    if (name.startsWith('.')) return []
    if (statSync(path).isDirectory()) return name == 'node_modules' || name == 'fixtures' ? [] : walk(path)
    return CODE.test(name) ? [path] : []
  })

const files = [
  ...walk(join(root, 'test')),
  ...walk(join(root, 'src')).filter((f) => /\.test\.tsx?$|[/\\]testing(\.ts|[/\\])/.test(relative(root, f))),
  ...walk(join(root, 'scripts')),
  ...walk(join(root, 'bench')),
  ...['vitest.config.ts', 'rollup.config.mjs', '.size-limit.mjs'].map((f) => join(root, f)),
]

/** Every module specifier written as a string in `file`. */
const specifiers = (file: string): string[] => {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined)
  const found: string[] = []
  const literal = (node: ts.Node | undefined) => {
    if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) found.push(node.text)
  }
  const isRequire = (callee: ts.Expression): boolean =>
    (ts.isIdentifier(callee) && callee.text == 'require') ||
    // createRequire(import.meta.url)('js-yaml')
    (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text == 'createRequire') ||
    // vi.mock('x'), vi.importActual('x'), …
    (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text == 'vi' && /^(do)?[mM]ock$|^import(Actual|Mock)$/.test(callee.name.text))
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) literal(node.moduleSpecifier)
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression)
    else if (ts.isCallExpression(node) && (node.expression.kind == ts.SyntaxKind.ImportKeyword || isRequire(node.expression))) literal(node.arguments[0])
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The package a bare specifier names: `preact/hooks` → `preact`, `@scope/name/x` → `@scope/name`. */
const packageOf = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')

const undeclared = (spec: string): boolean => {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) return false
  const name = packageOf(spec)
  return name != pkg.name && !declared.has(name)
}

describe('declared dependencies', () => {
  it('reads the imports of every test, helper, script and config file (the parser sees them all)', () => {
    expect(files.length).toBeGreaterThan(60)
    const all = new Set(files.flatMap(specifiers).map((s) => (s.startsWith('.') ? '.' : packageOf(s))))
    // One of each kind the parser must find: static, type-only, createRequire, dynamic import, node: builtin, self-reference.
    expect([...all]).toEqual(expect.arrayContaining(['vitest', 'typescript', 'js-yaml', 'preact', 'node:fs', 'consentry', '.']))
  })

  it('every package a test or tool imports is in dependencies or devDependencies', () => {
    const missing = files.flatMap((f) => specifiers(f).filter(undeclared).map((s) => `${relative(root, f)}: ${s}`))
    expect(missing).toEqual([])
  })

  it('builtins are imported with the node: prefix', () => {
    const unprefixed = files.flatMap((f) => specifiers(f).filter((s) => builtinModules.includes(s)).map((s) => `${relative(root, f)}: ${s}`))
    expect(unprefixed).toEqual([])
  })
})
