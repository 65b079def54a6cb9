/**
 * The `consentry` command (dist/cli.mjs, package.json `bin`). Node only.
 *
 *   consentry migrate vanilla-cookieconsent <config-file> [--out file] [--format json|js]
 *   consentry records serve|prune [options]   (src/cli/records.ts, loaded only for these)
 *
 * Exit codes: 0 converted (warnings, if any, on stderr), 2 a usage or input
 * error, 1 a converted config that fails Consentry's own validation (a bug:
 * please report it). The records commands follow the same scheme.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { resolveConfig } from '../config/index.js'
import { UI } from '../ui/config.js'
import { signalsPart } from '../signals/settings.js'
import { LANGUAGES } from '../ui/i18n/pick.js'
import { VERSION } from '../version.js'
import { fromVanillaCookieConsent, loadConfig, toJson, toModule } from '../migrate/index.js'

const TOOLS = ['vanilla-cookieconsent']

const USAGE = `Usage: consentry migrate <tool> <config-file> [--out <file>] [--format json|js]

Converts another consent tool's config into a Consentry config.

Tools:
  vanilla-cookieconsent   a vanilla-cookieconsent v3 config: a script calling
                          CookieConsent.run({…}), an ES module (export default),
                          CommonJS (module.exports) or JSON

Options:
  --out <file>       write the config there instead of to standard output
  --format json|js   json: for <script type="application/json" data-consentry-config>
                     (RegExps become * patterns where they can); js: an ES module
                     for bundlers (RegExps kept, translations imported from
                     consentry/i18n). Default: from --out's extension, else json
  -h, --help         this text
  -v, --version      Consentry's version

A JavaScript config file is executed to read it: in a node:vm sandbox with a
recording CookieConsent object and inert window/document stubs, for at most
2 seconds. It is not a security boundary: convert only your own files.
Functions in the config cannot be converted; each gets a warning that names
the Consentry call to use instead. Warnings go to standard error.

Exit codes: 0 converted, 2 usage or input error, 1 internal error.
Guide: docs/migrate/vanilla-cookieconsent.md in the consentry package repository.

The proof-of-consent records service: consentry records serve|prune
(consentry records --help for its options).`

class UsageError extends Error {}

interface Options {
  tool: string
  file: string
  out?: string
  format?: 'json' | 'js'
}

const parse = (argv: string[]): Options | 'help' | 'version' => {
  const rest: string[] = []
  let out: string | undefined
  let format: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
      return v
    }
    if (flag == '-h' || flag == '--help') return 'help'
    if (flag == '-v' || flag == '--version') return 'version'
    if (flag == '--out' || flag == '-o') out = value()
    else if (flag == '--format' || flag == '-f') format = value()
    else if (flag.startsWith('-') && flag != '-') throw new UsageError(`unknown option ${flag}`)
    else rest.push(a)
  }
  if (!rest.length) throw new UsageError('missing command: consentry migrate <tool> <config-file>')
  const [command, tool, file, ...extra] = rest
  if (command != 'migrate') throw new UsageError(`unknown command "${command}": the commands are migrate and records`)
  if (!tool) throw new UsageError(`missing tool: consentry migrate <tool> <config-file>, where <tool> is ${TOOLS.join(' or ')}`)
  if (!TOOLS.includes(tool)) throw new UsageError(`unknown tool "${tool}": consentry migrate converts from ${TOOLS.join(', ')}`)
  if (!file) throw new UsageError(`missing config file: consentry migrate ${tool} <config-file>`)
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`)
  if (format !== undefined && format != 'json' && format != 'js') throw new UsageError(`--format must be json or js, not "${format}"`)
  const byExtension = out && /\.(m?js|ts)$/i.test(out) ? 'js' : undefined
  return { tool, file, out, format: (format as Options['format']) ?? byExtension ?? 'json' }
}

/** Runs the command; returns the exit code (a promise of it for the records commands). `io` is injectable for tests. */
export const main = (argv: string[], io = { out: (s: string) => void process.stdout.write(s), err: (s: string) => void process.stderr.write(s) }): number | Promise<number> => {
  // The records service (and, through it, a database engine) is loaded only for its own commands.
  if (argv[0] == 'records') return import('./records.js').then((m) => m.records(argv.slice(1), io))
  const say = (s: string) => io.err(s + '\n')
  let opts: ReturnType<typeof parse>
  try {
    opts = parse(argv)
  } catch (e) {
    say(`consentry: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (opts == 'help') return io.out(USAGE + '\n'), 0
  if (opts == 'version') return io.out(VERSION + '\n'), 0

  let source: string
  try {
    source = readFileSync(opts.file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    say(`consentry: cannot read ${opts.file}: ${code == 'ENOENT' ? 'no such file' : code == 'EISDIR' ? 'a directory, not a file' : (e as Error).message}`)
    return 2
  }
  let result
  let via: string
  try {
    const loaded = loadConfig(source, basename(opts.file))
    via = loaded.via
    result = fromVanillaCookieConsent(loaded.config)
  } catch (e) {
    say(`consentry: ${opts.file}: ${(e as Error).message}`)
    return 2
  }
  const { config, warnings } = result
  try {
    resolveConfig(config, { ui: UI, signals: signalsPart })
  } catch (e) {
    say(`consentry: internal error: the converted config fails Consentry's validation (${(e as Error).message}); please report it with your config`)
    return 1
  }
  let text: string
  if (opts.format == 'js') text = toModule(config)
  else {
    const json = toJson(config)
    text = json.text
    warnings.push(...json.warnings)
    const langs = Object.keys(config.ui?.text ?? {}).filter((l) => l != 'en' && LANGUAGES.includes(l))
    if (langs.length)
      warnings.push(`ui.text: ${langs.join(', ')}: the script tag loads Consentry's own ${langs.join(', ')} texts beside them; with npm add import { ${langs.join(', ')} } from 'consentry/i18n' and ui.translations: [${langs.join(', ')}] (--format js writes that for you)`)
  }
  if (opts.out)
    try {
      writeFileSync(opts.out, text)
    } catch (e) {
      say(`consentry: cannot write ${opts.out}: ${(e as Error).message}`)
      return 2
    }
  else io.out(text)
  const services = config.categories.reduce((n, c) => n + (c.services?.length ?? 0), 0)
  const from = { run: 'its CookieConsent.run() call', module: 'its export', commonjs: 'module.exports', json: 'JSON' }[via] ?? via
  if (warnings.length) say(`${warnings.length} warning${warnings.length > 1 ? 's' : ''} (what was not carried over, or needs you):\n${warnings.map((w) => `  - ${w}`).join('\n')}`)
  say(`consentry: converted ${opts.file} (${from}) → ${config.categories.length} categories, ${services} services, ${opts.format}${opts.out ? ` in ${opts.out}` : ''}`)
  return 0
}

// Run when executed as the bin (dist/cli.mjs), not when imported by a test.
const self = typeof process != 'undefined' ? process.argv[1] ?? '' : ''
if (/(^|[\\/])(cli\.mjs|consentry)$/.test(self))
  void Promise.resolve(main(process.argv.slice(2))).then(
    (code) => void (process.exitCode = code),
    (e) => {
      process.stderr.write(`consentry: internal error: ${(e as Error)?.stack ?? e}\n`)
      process.exitCode = 1
    },
  )
