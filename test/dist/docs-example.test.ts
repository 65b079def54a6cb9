// The README's example is what most people copy first: it must type-check
// against the published types, as a user's editor would check it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(root + 'README.md', 'utf8')
const dir = mkdtempSync(root + 'test/dist/.example-')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Type errors of a module that imports `consentry/*` the way a user's project resolves it (this package's exports). */
const typeErrors = (code: string): string[] => {
  const file = dir + '/example.ts'
  writeFileSync(file, code)
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], skipLibCheck: true, types: [] }
  const program = ts.createProgram([file], options)
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

const declared = 'declare const startMyAnalytics: () => void\ndeclare const loadRetargeting: () => void\n'

describe('the README example', () => {
  const block = /## Example\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1]

  it('is there, about 20 lines', () => {
    expect(block).toBeDefined()
    expect(block!.trim().split('\n').length).toBeLessThanOrEqual(25)
  })

  it('type-checks against the built types (only the page\'s own functions are declared)', () => {
    expect(typeErrors(declared + block + '\nexport {}\n')).toEqual([])
  })

  it('a wrong call in it would be caught', () => {
    const errors = typeErrors(declared + block!.replace("has('analytics')", 'has(42)') + '\nexport {}\n')
    expect(errors).toEqual([expect.stringContaining("'number' is not assignable")])
  })
})
