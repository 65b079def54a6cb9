// What npm users get: the tarball's contents, and what publint and
// arethetypeswrong say about the exports map and the types behind it.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'))
// Packing runs no lifecycle script: dist/ is built already, and `prepack` would rebuild it under the other suites' feet.
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: root, env: { ...process.env, npm_config_ignore_scripts: 'true' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 })

/**
 * Files the exports map offers for serving, not for importing: the script-tag
 * builds (classic scripts) and the modules they load on demand by URL. They
 * have no types on purpose, so arethetypeswrong is not asked about them.
 */
const ASSETS = Object.keys(pkg.exports)
  .filter((k) => /\.(m?js)$/.test(k))
  .map((k) => k.slice(2))

describe('the npm package', () => {
  const packed = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']))[0] as { files: { path: string }[] }
  const files = packed.files.map((f) => f.path)

  it('holds only dist/, the README, the licence and package.json', () => {
    const stray = files.filter((f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f))
    expect(stray).toEqual([])
    expect(files).toContain('LICENSE')
    expect(files).toContain('README.md')
    // No tests, sources or fixtures slip into dist/.
    expect(files.filter((f) => /\.test\.|\/src\/|fixtures/.test(f))).toEqual([])
  })

  it('ships types for every importable entry, ESM and CJS, and the bin', () => {
    for (const [key, value] of Object.entries(pkg.exports as Record<string, unknown>)) {
      if (typeof value == 'string') continue
      const { import: esm, require: cjs } = value as Record<string, Record<string, string>>
      for (const target of [esm!.types, esm!.default, cjs!.types, cjs!.default]) {
        expect(files, `${key} → ${target}`).toContain(target!.slice(2))
      }
    }
    expect(files).toContain(pkg.bin.consentry.slice(2))
  })

  it('publint finds nothing, not even a suggestion', async () => {
    const { messages } = await publint({ pkgDir: root, level: 'suggestion', pack: 'npm' })
    expect(messages).toEqual([])
  })

  it('arethetypeswrong finds no problem in any resolution mode (node10, node16 CJS and ESM, bundler)', () => {
    const out = run('npx', ['--no-install', 'attw', '--pack', '.', '--format', 'json', '--exclude-entrypoints', ...ASSETS])
    const { analysis } = JSON.parse(out) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } }
    expect(analysis.problems).toEqual([])
    // Every importable subpath was checked, including the hooks.
    expect(Object.keys(analysis.entrypoints)).toEqual(expect.arrayContaining(['.', './headless', './server', './preact', './react', './package.json']))
  })
}, 120_000)
