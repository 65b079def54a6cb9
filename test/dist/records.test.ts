// consentry/records as a browser-only site installs the package: the packed tarball with npm into a temporary
// app, which gets neither database engine (they are optional peer dependencies). Importing the entry, in ESM and
// CJS, must not need them; opening a store must fail with the error that names the install command. Needs the
// registry (or npm's cache) for consentry's own dependencies, and the built dist/.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
// The outer `npm test` passes its own npm_* settings down; the app's install must see only its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

let app: string
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'consentry-records-'))
  // --ignore-scripts: dist/ is built already (npm test builds first); prepack would build it again in the hook's time.
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], root)) as { filename: string }[]
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'site', private: true }))
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', join(app, packed!.filename)], app)
}, 180_000)
afterAll(() => rmSync(app, { recursive: true, force: true }))

/** What a site's server sees: the import, then openStore on each engine. */
const probe = (esm: boolean) => `
${esm ? "import { openStore } from 'consentry/records'" : "const { openStore } = require('consentry/records')"}
;(async () => {
  const out = { imported: typeof openStore }
  for (const [engine, options] of [['pglite', {}], ['postgres', { engine: 'postgres', url: 'postgres://127.0.0.1:1/x' }]]) {
    try { await openStore(options); out[engine] = 'opened' }
    catch (e) { out[engine] = { name: e.name, code: e.code, message: e.message } }
  }
  console.log(JSON.stringify(out))
})()`

describe('consentry/records without a database engine installed', () => {
  it('npm installs neither engine with consentry', () => {
    expect(existsSync(join(app, 'node_modules/consentry/dist/records.mjs'))).toBe(true)
    expect(existsSync(join(app, 'node_modules/pg'))).toBe(false)
    expect(existsSync(join(app, 'node_modules/@electric-sql/pglite'))).toBe(false)
  })

  it.each(['probe.mjs', 'probe.cjs'])('%s: imports cleanly; opening a store names the npm install command', (file) => {
    writeFileSync(join(app, file), probe(file.endsWith('.mjs')))
    const out = JSON.parse(run('node', [file], app))
    expect(out.imported).toBe('function')
    expect(out.pglite).toMatchObject({ name: 'ConsentryError', code: 'missing-package', message: expect.stringContaining('npm install @electric-sql/pglite') })
    expect(out.postgres).toMatchObject({ name: 'ConsentryError', code: 'missing-package', message: expect.stringContaining('npm install pg') })
  })
})
