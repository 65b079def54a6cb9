/**
 * `consentry records serve` and `consentry records prune`. Loaded by the
 * `consentry` command only when a records command runs; the database engine
 * itself is loaded by openStore only when a store opens.
 */
import { createServer } from 'node:http'
import type { RecordStore, StoreOptions } from '../records/store/types.js'
import { keysFromEnv } from '../records/store/seal.js'
import { checkWebhookOptions } from '../records/webhooks/deliverer.js'
import { RECORDS_USAGE } from './records-usage.js'
import { parseWebhook, runWebhook, WEBHOOK_FLAGS, WEBHOOK_USAGE, WebhookUsageError, type WebhookCommand } from './webhooks.js'


class UsageError extends Error {}

interface Options {
  command: 'serve' | 'prune' | 'webhook'
  port: number
  host: string
  store: StoreOptions
  months: number
  webhooks: { retryHours?: number; timeoutMs?: number; allowLocal?: '*' | string[] }
  trustProxy: number
  webhook?: WebhookCommand
}

const SERVE_ONLY = ['--port', '--host', '--trust-proxy', '--webhook-retry-hours', '--webhook-timeout-ms', '--webhook-allow-local']

const integer = (flag: string, v: string, min: number, max: number): number => {
  const n = /^\d+$/.test(v) ? Number(v) : NaN
  if (!(n >= min && n <= max)) throw new UsageError(`${flag} must be an integer from ${min} to ${max}, not "${v}"`)
  return n
}

const decimal = (flag: string, v: string, max: number): number => {
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN
  if (!(n > 0 && n <= max)) throw new UsageError(`${flag} must be a number above 0 and up to ${max}, not "${v}"`)
  return n
}

/** `--webhook-allow-local`: `*`, or hosts separated by commas, as their URLs write them (checked as the service checks `allowLocal`). */
const hostList = (v: string): '*' | string[] => {
  const hosts = v.trim() == '*' ? '*' : v.split(',').map((h) => h.trim()).filter(Boolean)
  try {
    if (hosts.length) return checkWebhookOptions({ allowLocal: hosts }).allowLocal as '*' | string[]
  } catch {
    // Said below, in the flag's words.
  }
  throw new UsageError(`--webhook-allow-local must be * or hosts separated by commas (localhost,127.0.0.1), not "${v}"`)
}

const parse = (argv: string[], env: Record<string, string | undefined>): Options | 'help' => {
  const rest: string[] = []
  const seen: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const eq = a.startsWith('--') ? a.indexOf('=') : -1
    const flag = eq > 0 ? a.slice(0, eq) : a
    if (flag == '-h' || flag == '--help') return 'help'
    if (!flag.startsWith('-')) {
      rest.push(a)
      continue
    }
    if (![...SERVE_ONLY, '--data', '--database', '--retention-months', ...WEBHOOK_FLAGS].includes(flag)) throw new UsageError(`unknown option ${flag}`)
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i]
    if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`)
    seen[flag] = v
  }
  const [command, ...extra] = rest
  if (!command) throw new UsageError('missing command: consentry records serve, prune or webhook')
  if (command != 'serve' && command != 'prune' && command != 'webhook') throw new UsageError(`unknown command "records ${command}": the records commands are serve, prune and webhook`)
  const webhookFlags = Object.fromEntries(Object.entries(seen).filter(([f]) => WEBHOOK_FLAGS.includes(f)))
  if (command != 'webhook' && extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const serveOnly = SERVE_ONLY.find((f) => seen[f])
  if (command != 'serve' && serveOnly) throw new UsageError(`${serveOnly} is for serve only`)
  if (command == 'webhook' && seen['--retention-months']) throw new UsageError('--retention-months is for serve and prune only')
  const webhookOnly = Object.keys(webhookFlags)[0]
  if (command != 'webhook' && webhookOnly) throw new UsageError(`${webhookOnly} is for records webhook only`)
  if (seen['--data'] && seen['--database']) throw new UsageError('--data and --database: choose one (an embedded database or PostgreSQL)')
  const url = seen['--database'] ?? (seen['--data'] ? undefined : env.DATABASE_URL || undefined)
  if (url && !/^postgres(ql)?:\/\//i.test(url)) throw new UsageError(`--database must be a postgres:// or postgresql:// URL${seen['--database'] ? '' : ' (from DATABASE_URL)'}`)
  // Checked when the store opens.
  const secretKey = keysFromEnv(env.CONSENTRY_SECRET_KEY)
  return {
    command,
    port: integer('--port', seen['--port'] ?? '8787', 0, 65535),
    host: seen['--host'] ?? '127.0.0.1',
    store: {
      ...(url ? { engine: 'postgres', url } : { engine: 'pglite', dataDir: seen['--data'] ?? './consentry-data' }),
      ...(secretKey ? { secretKey } : {}),
    },
    months: integer('--retention-months', seen['--retention-months'] ?? '24', 1, 1200),
    trustProxy: integer('--trust-proxy', seen['--trust-proxy'] ?? '0', 0, 100),
    webhooks: {
      ...(seen['--webhook-retry-hours'] ? { retryHours: decimal('--webhook-retry-hours', seen['--webhook-retry-hours'], 8760) } : {}),
      ...(seen['--webhook-timeout-ms'] ? { timeoutMs: integer('--webhook-timeout-ms', seen['--webhook-timeout-ms'], 1, 600_000) } : {}),
      ...(seen['--webhook-allow-local'] ? { allowLocal: hostList(seen['--webhook-allow-local']) } : {}),
    },
    ...(command == 'webhook' ? { webhook: parseWebhook(extra, webhookFlags) } : {}),
  }
}

/** Where the store is, for a log line: a PostgreSQL URL without its password. */
const describeStore = (s: StoreOptions): string => {
  if (s.engine != 'postgres') return `PGlite in ${s.dataDir}`
  try {
    const u = new URL(s.url)
    if (u.password) u.password = '***'
    return `PostgreSQL at ${u.href}`
  } catch {
    return 'PostgreSQL'
  }
}

export interface Io {
  out: (s: string) => void
  err: (s: string) => void
  env?: Record<string, string | undefined>
  /** Resolves when serve should stop; default: SIGINT or SIGTERM. */
  stopped?: Promise<string>
}

const signal = (): Promise<string> =>
  new Promise((ok) => {
    const on = (name: string) => () => ok(name)
    process.once('SIGINT', on('SIGINT'))
    process.once('SIGTERM', on('SIGTERM'))
  })

/** Runs `consentry records …`; resolves with the exit code (serve: once stopped). */
export const records = async (argv: string[], io: Io): Promise<number> => {
  const say = (s: string) => io.err(s + '\n')
  let opts: ReturnType<typeof parse>
  try {
    opts = parse(argv, io.env ?? process.env)
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof WebhookUsageError)) throw e
    say(`consentry: ${e.message}\n\n${e instanceof WebhookUsageError ? WEBHOOK_USAGE : RECORDS_USAGE}`)
    return 2
  }
  if (opts == 'help') return io.out(RECORDS_USAGE + '\n'), 0
  const { openStore, createRecordsService, nodeListener } = await import('../records/index.js')
  let store: RecordStore
  try {
    store = await openStore(opts.store)
  } catch (e) {
    const message = (e as Error).message.replace(/^\[consentry\] /, '')
    say(`consentry: cannot open the records database (${describeStore(opts.store)}): ${message}${message.startsWith('secretKey') && !message.includes('CONSENTRY_SECRET_KEY') ? ' (CONSENTRY_SECRET_KEY)' : ''}`)
    return 1
  }
  if (opts.webhook) {
    try {
      return await runWebhook(opts.webhook, store, io.out, say)
    } catch (e) {
      say(`consentry: webhook ${opts.webhook.action} failed: ${(e as Error).message.replace(/^\[consentry\] /, '')}`)
      return (e as { code?: string }).code == 'invalid-query' ? 2 : 1
    } finally {
      await store.close().catch(() => {})
    }
  }
  if (opts.command == 'prune') {
    try {
      const n = await store.prune(opts.months)
      say(`consentry: pruned ${n} record${n == 1 ? '' : 's'} older than ${opts.months} months (${describeStore(opts.store)}); each visitor's decision in force is kept`)
      return 0
    } catch (e) {
      say(`consentry: prune failed: ${(e as Error).message}`)
      return 1
    } finally {
      await store.close().catch(() => {})
    }
  }
  return serve(opts, store, io, { createRecordsService, nodeListener })
}

type Lib = Pick<typeof import('../records/index.js'), 'createRecordsService' | 'nodeListener'>

const serve = async (opts: Options, store: RecordStore, io: Io, lib: Lib): Promise<number> => {
  const say = (s: string) => io.err(s + '\n')
  const env = io.env ?? process.env
  let service
  try {
    service = lib.createRecordsService({
      store,
      retentionMonths: opts.months,
      adminToken: env.CONSENTRY_ADMIN_TOKEN,
      allowedOrigins: env.CONSENTRY_ALLOWED_ORIGINS,
      onInfo: (m) => say(`consentry: ${m}`),
      webhooks: opts.webhooks,
      trustProxy: opts.trustProxy,
    })
  } catch (e) {
    await store.close().catch(() => {})
    // The flags were checked when parsed; what is left comes from the environment.
    const message = (e as Error).message.replace(/^\[consentry\] /, '')
    say(`consentry: ${message}${message.startsWith('allowedOrigins') ? ' (CONSENTRY_ALLOWED_ORIGINS)' : ''}`)
    return 2
  }
  const server = createServer(lib.nodeListener(service))
  // A slow client cannot hold a connection open for ever (slowloris): headers within 10 s, the whole request within 30 s.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  const listening = await new Promise<Error | null>((ok) => server.once('error', ok).listen(opts.port, opts.host, () => ok(null)))
  if (listening) {
    await service.close()
    await store.close().catch(() => {})
    say(`consentry: cannot listen on ${opts.host}:${opts.port}: ${listening.message}`)
    return 1
  }
  const { port } = server.address() as { port: number }
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  io.out(`consentry records: listening on http://${host}:${port} (${describeStore(opts.store)}, retention ${opts.months} months)\n`)
  if (!env.CONSENTRY_ADMIN_TOKEN) say('consentry: CONSENTRY_ADMIN_TOKEN is not set: the admin endpoints and the dashboard refuse every request')
  else if (env.CONSENTRY_ADMIN_TOKEN.length < 24) say('consentry: CONSENTRY_ADMIN_TOKEN is short: use 24 characters or more (e.g. openssl rand -hex 24)')
  if (!env.CONSENTRY_ALLOWED_ORIGINS) say(`consentry: CONSENTRY_ALLOWED_ORIGINS is not set: only pages served from http://${host}:${port} itself may post records`)
  if (!env.CONSENTRY_SECRET_KEY) say('consentry: CONSENTRY_SECRET_KEY is not set: webhook signing secrets are kept in the database in plain text (set one: openssl rand -base64 32)')
  const why = await (io.stopped ?? signal())
  say(`consentry: ${why}: stopping (requests in progress get 10 s to finish)`)
  // Graceful: no new connections, idle ones closed now, busy ones when their response ends or after 10 s.
  const closed = new Promise((ok) => server.close(ok))
  server.closeIdleConnections()
  const force = setTimeout(() => server.closeAllConnections(), 10_000)
  await closed
  clearTimeout(force)
  await service.close()
  await store.close().catch((e) => say(`consentry: closing the database: ${(e as Error).message}`))
  say('consentry: stopped')
  return 0
}
