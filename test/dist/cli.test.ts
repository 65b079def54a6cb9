// The `consentry` command as users run it: the built dist/cli.mjs, through node and through its bin.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { readConsent } from 'consentry/server'

const root = fileURLToPath(new URL('../../', import.meta.url))
const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'))
const tmp = root + '.tmp/cli-test/'
const FIXTURES = 'test/dist/fixtures/vcc/'
mkdirSync(tmp, { recursive: true })
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/cli.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const migrate = (file: string, ...args: string[]) => cli('migrate', 'vanilla-cookieconsent', FIXTURES + file, ...args)

describe('the consentry bin', () => {
  it('package.json bin points to dist/cli.mjs, an ES module with a node shebang', () => {
    expect(pkg.bin).toEqual({ consentry: './dist/cli.mjs' })
    const text = readFileSync(root + pkg.bin.consentry, 'utf8')
    expect(text.split('\n')[0]).toBe('#!/usr/bin/env node')
    expect(text).not.toMatch(/\brequire\(/)
  })

  it('runs from its shebang once installed as an executable, as npm installs bins', () => {
    // npm (bin-links) links the bin into node_modules/.bin and makes it executable (0755).
    const bin = tmp + 'consentry'
    copyFileSync(root + pkg.bin.consentry, bin)
    chmodSync(bin, 0o755)
    expect(statSync(bin).mode & 0o111).toBeTruthy()
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' })
    expect([r.status, r.stdout.trim()]).toEqual([0, pkg.version])
  })

  it('--help prints the usage, says the config file is executed, and exits 0', () => {
    const { code, out } = cli('--help')
    expect(code).toBe(0)
    expect(out).toMatch(/consentry migrate <tool> <config-file> \[--out <file>\] \[--format json\|js\]/)
    expect(out).toMatch(/executed/)
  })
})

describe('consentry migrate vanilla-cookieconsent', () => {
  it.each([
    ['run.js', 'its CookieConsent.run() call', 3],
    ['module.mjs', 'its CookieConsent.run() call', 3],
    ['esm.mjs', 'its export', 3],
    ['cjs.cjs', 'module.exports', 3],
    ['config.json', 'JSON', 2],
  ])('%s → a valid Consentry config on stdout, warnings on stderr', (file, via, categories) => {
    const { code, out, err } = migrate(file)
    expect(code, err).toBe(0)
    const config = JSON.parse(out)
    expect(config.categories).toHaveLength(categories)
    // consentry/server validates the config as init does, and throws on a bad one.
    expect(readConsent(undefined, config).decided).toBe(false)
    expect(err).toContain(`(${via})`)
    expect(out).not.toContain('warning')
  })

  it('keeps what matters from the browser-script config', () => {
    const config = JSON.parse(migrate('run.js').out)
    expect(config).toMatchObject({ revision: 2, lifetime: 6, cookie: { domain: '.fernhill-books.example' }, ui: { layout: 'box', position: 'bottom-left', policyUrl: '/privacy' } })
    expect(config.categories[1].services[0]).toMatchObject({ id: 'ga', label: 'Google Analytics 4', cookies: ['_ga*', '_gid*'] })
    expect(config.ui.text.de.bannerTitle).toBe('Cookies bei Fernhill Books')
  })

  it('warns about each callback with the Consentry call to write instead', () => {
    const { err } = migrate('run.js')
    expect(err).toMatch(/onConsent: .*on\('ready'/)
    expect(err).toMatch(/categories\.ads\.services\.meta\.onAccept: .*whenGranted\('meta'\)/)
  })

  it('--format js --out writes an ES module that imports the languages it needs and keeps RegExps', async () => {
    const out = tmp + 'consentry.config.mjs'
    const { code, out: stdout } = migrate('run.js', '--format', 'js', '--out', out)
    expect(code).toBe(0)
    expect(stdout).toBe('')
    const text = readFileSync(out, 'utf8')
    expect(text).toContain("import { de } from 'consentry/i18n'")
    const config = (await import(out)).default
    expect(config.categories[1].services[0].cookies[0]).toBeInstanceOf(RegExp)
    expect(config.ui.translations.map((t: { lang: string }) => t.lang)).toEqual(['de'])
    expect(readConsent(undefined, config).revision).toBe(2)
  })

  it('picks the format from --out, and --format=json wins', () => {
    expect(migrate('esm.mjs', '--out', tmp + 'c.js').code).toBe(0)
    expect(readFileSync(tmp + 'c.js', 'utf8')).toContain('export default')
    expect(migrate('esm.mjs', '--out=' + tmp + 'c2.js', '--format=json').code).toBe(0)
    expect(JSON.parse(readFileSync(tmp + 'c2.js', 'utf8')).revision).toBe(1)
  })
})

describe('usage and input errors exit 2 with a message', () => {
  it.each([
    [['migrate', 'vanilla-cookieconsent', 'nope/missing.js'], /cannot read nope\/missing\.js: no such file/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'broken.js'], /broken\.js: running it failed: SyntaxError/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'not-a-config.js'], /found no config/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'endless.js'], /did not finish/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'v2.js'], /v2/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES], /a directory/],
    [['migrate', 'klaro', FIXTURES + 'run.js'], /unknown tool "klaro"/],
    [['migrate', 'vanilla-cookieconsent'], /missing config file/],
    [['migrate'], /missing tool/],
    [[], /missing command/],
    [['convert', 'x'], /unknown command "convert"/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'run.js', '--format', 'yaml'], /--format must be json or js/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'run.js', '--out'], /--out needs a value/],
    [['migrate', 'vanilla-cookieconsent', FIXTURES + 'run.js', '--verbose'], /unknown option --verbose/],
  ])('%j', (args, message) => {
    const { code, out, err } = cli(...args)
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toMatch(message)
  })
})
