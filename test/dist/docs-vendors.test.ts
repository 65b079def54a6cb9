// The pages that show one vendor, one name (issue #19): their first TypeScript example type-checks against the
// published types, as a user's editor would check it, and uses the preset itself in connectDestinations.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(root + 'test/dist/.vendors-')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const typeErrors = (code: string): string[] => {
  const file = dir + '/example.ts'
  writeFileSync(file, code + '\nexport {}\n')
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], skipLibCheck: true, types: [] }
  return ts.getPreEmitDiagnostics(ts.createProgram([file], options)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

const PAGES = [
  ['docs/recipes/meta.md', 'metaPixel'],
  ['docs/recipes/segment.md', 'segment'],
  ['docs/recipes/posthog.md', 'posthog'],
  ['docs/destinations.md', 'metaPixel'],
] as const

describe.each(PAGES)('%s', (page, vendor) => {
  const block = /```ts\n([\s\S]*?)```/.exec(readFileSync(root + page, 'utf8'))?.[1] ?? ''
  const imports = block.includes("from 'consentry'") ? '' : "import { init } from 'consentry'\n"

  it(`passes the ${vendor} preset itself to connectDestinations, and type-checks`, () => {
    expect(block).toContain(`from 'consentry/presets'`)
    expect(block).toMatch(new RegExp(`connectDestinations\\(\\[[^\\]]*\\b${vendor}\\b(?!\\()`))
    expect(typeErrors(imports + block)).toEqual([])
  }, 60_000)

  it('would fail with a preset that tells no vendor', () => {
    expect(typeErrors(imports + block.replace(/connectDestinations\(\[/, "import { youtube as _yt } from 'consentry/presets'\nconnectDestinations([_yt, "))).not.toEqual([])
  }, 60_000)
})
