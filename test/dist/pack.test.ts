// `npm pack` on a fresh clone, which has no dist/ (it is not in git): what `npm publish` packs, and what
// npm packs when it installs Consentry from git (`npm install github:…`: npm installs the clone's
// dependencies, dev ones included, because it has a `prepack` script, then packs it). `prepack` builds
// dist/ first, so the tarball holds every file package.json points at. It is `prepack` rather than
// `prepare`, which npm also runs on every plain `npm install` and `npm ci` here: CI would build twice.
//
// The clone is this checkout's tracked files as they are now (uncommitted edits included; untracked and
// ignored ones, dist/ and node_modules/ among them, left out). Its node_modules is a link to this
// checkout's, which `npm ci` installed from the same lockfile: a fresh install would fetch the same files
// again, and the build is what is under test. So the test takes as long as one build.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/ui/i18n/pick.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
// The outer `npm test` passes its own npm_* settings down (ignore-scripts among them, in the other dist tests'
// runs); this pack must see only npm's defaults, as a user's would.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))

interface Pkg {
  main: string
  module: string
  types: string
  unpkg: string
  bin: Record<string, string>
  exports: Record<string, string | Record<string, Record<string, string>>>
  typesVersions: Record<string, Record<string, string[]>>
  sideEffects: string[]
}

let tmp: string
let clone: string
let hadDist: boolean
let files: string[]

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'consentry-pack-'))
  clone = join(tmp, 'consentry')
  for (const file of execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0')) {
    // Listed but deleted in the working tree: a commit of it would not have it either.
    if (!file || !existsSync(join(root, file))) continue
    mkdirSync(dirname(join(clone, file)), { recursive: true })
    copyFileSync(join(root, file), join(clone, file))
  }
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir')
  hadDist = existsSync(join(clone, 'dist'))
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: clone, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })) as { filename: string }[]
  // What the tarball holds, read from the tarball itself.
  files = execFileSync('tar', ['-tzf', join(tmp, packed!.filename)], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''))
}, 600_000)
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('npm pack on a fresh clone', () => {
  it('starts from no dist/ and packs a built one', () => {
    expect(hadDist).toBe(false)
    expect(files.filter((f) => f.startsWith('dist/')).length).toBeGreaterThan(50)
  })

  it('packs every file package.json names: main, module, types, unpkg, the bin, every export, typesVersions and sideEffects', () => {
    const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as Pkg
    const named = [
      pkg.main,
      pkg.module,
      pkg.types,
      pkg.unpkg,
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((e) => (typeof e == 'string' ? [e] : Object.values(e).flatMap((c) => Object.values(c)))),
      ...Object.values(pkg.typesVersions['*']!).flat(),
      ...pkg.sideEffects,
    ].map((f) => f.replace(/^\.\//, ''))
    expect(named.length).toBeGreaterThan(60)
    const missing = named.filter((f) => (f.includes('*') ? !files.some((x) => new RegExp(`^${f.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`).test(x)) : !files.includes(f)))
    expect(missing).toEqual([])
  })

  it('packs every language the script tag loads on demand', () => {
    const languages = files.filter((f) => /^dist\/i18n\/[a-z]{2}\.mjs$/.test(f))
    expect(languages.sort()).toEqual(LANGUAGES.map((l) => `dist/i18n/${l}.mjs`).sort())
  })
})
