// `consentry records serve|prune` as users run them: the built dist/cli.mjs, a real port, PGlite in a temp directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const TOKEN = 'cli-test-token-0123456789abcdef0123'
const data = mkdtempSync(join(tmpdir(), 'consentry-records-cli-'))
afterAll(() => rmSync(data, { recursive: true, force: true }))

const env = { ...process.env, CONSENTRY_ADMIN_TOKEN: TOKEN, CONSENTRY_ALLOWED_ORIGINS: 'https://shop.example', DATABASE_URL: '' }
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/cli.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, env })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** Starts `records serve` on a free port; resolves once it says where it listens. */
const serve = (...args: string[]) =>
  new Promise<{ child: ChildProcess; base: string; err: () => string; exited: Promise<number | null> }>((ok, fail) => {
    const child = spawn(process.execPath, ['dist/cli.mjs', 'records', 'serve', '--port', '0', ...args], { cwd: root, env })
    let out = ''
    let err = ''
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) ok({ child, base: m[1]!, err: () => err, exited })
    })
    void exited.then((code) => fail(new Error(`exited ${code} before listening: ${err}`)))
  })

const record = (consentId: string, id: string, updatedAt = '2020-01-02T00:00:00.000Z') => ({
  v: 1,
  id,
  consentId,
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt,
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'DE',
  revision: 1,
  categories: { necessary: true, analytics: true },
  services: {},
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
  gpc: false,
  url: 'https://shop.example/',
})
const CONSENT = '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13'

// Each test starts Node and PGlite (WebAssembly: seconds on a busy machine).
describe('consentry records serve', { timeout: 120_000 }, () => {
  it('starts on PGlite in --data, takes a record, answers the admin and stops cleanly on SIGTERM; the data outlives it', async () => {
    const first = await serve('--data', data)
    expect(first.err()).not.toMatch(/CONSENTRY_ADMIN_TOKEN is not set/)
    const post = (r: object, origin = 'https://shop.example') =>
      fetch(`${first.base}/v1/consent`, { method: 'POST', body: JSON.stringify(r), headers: { 'content-type': 'application/json', origin } })
    const old = record(CONSENT, '6a0f5c2e-1b3d-4e8f-9a7b-2c4d6e8f0a1b')
    const res = await post(old)
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([204, 'https://shop.example'])
    expect((await post(old, 'https://evil.example')).status).toBe(403)
    expect((await fetch(`${first.base}/healthz`)).status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(first.err()).toMatch(/SIGTERM: stopping[\s\S]*stopped/)

    const second = await serve('--data', data)
    const newer = record(CONSENT, '7b1e6d3f-2c4e-4f9a-8b8c-3d5e7f9a1b2c', '2020-02-01T00:00:00.000Z')
    expect((await fetch(`${second.base}/v1/consent`, { method: 'POST', body: JSON.stringify(newer) })).status).toBe(204)
    const h = await (await fetch(`${second.base}/v1/consent/${CONSENT}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()
    expect(h.records.map((r: { id: string }) => r.id)).toEqual([old.id, newer.id])
    second.child.kill('SIGINT')
    expect(await second.exited).toBe(0)
  })

  it('records prune deletes what is older than --retention-months, keeping the decision in force', () => {
    // Both records are from 2020: the older goes, the one in force stays.
    const { code, err } = cli('records', 'prune', '--data', data, '--retention-months', '12')
    expect([code, err.trim()]).toEqual([0, expect.stringMatching(/^consentry: pruned 1 record older than 12 months \(PGlite in .*\); each visitor's decision in force is kept$/)])
    expect(cli('records', 'prune', '--data', data).err).toMatch(/pruned 0 records older than 24 months/)
  })

  it.each([
    [['records'], /missing command/],
    [['records', 'start'], /unknown command "records start"/],
    [['records', 'serve', '--port', 'eighty'], /--port must be an integer from 0 to 65535, not "eighty"/],
    [['records', 'serve', '--retention-months', '0'], /--retention-months must be an integer from 1 to 1200/],
    [['records', 'serve', '--data', 'a', '--database', 'postgres://x'], /choose one/],
    [['records', 'serve', '--database', 'mysql://x'], /--database must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [['records', 'prune', '--port', '1'], /--port is for serve only/],
    [['records', 'serve', '--tls'], /unknown option --tls/],
    [['records', 'serve', '--trust-proxy', 'yes'], /--trust-proxy must be an integer from 0 to 100, not "yes"/],
    [['records', 'prune', '--trust-proxy', '1'], /--trust-proxy is for serve only/],
  ])('%j exits 2 with a message and the usage', (args, message) => {
    const { code, out, err } = cli(...args)
    expect([code, out]).toEqual([2, ''])
    expect(err).toMatch(message)
    expect(err).toMatch(/Usage: consentry records serve/)
  })

  it('--help prints the records usage with every option and variable, and exits 0', () => {
    const { code, out } = cli('records', '--help')
    expect(code).toBe(0)
    for (const word of ['--port', '--host', '--trust-proxy', '--data', '--database', '--retention-months', 'DATABASE_URL', 'CONSENTRY_ADMIN_TOKEN', 'CONSENTRY_ALLOWED_ORIGINS']) expect(out).toContain(word)
  })

  it('behind a reverse proxy, --trust-proxy 1 gives each visitor a rate limit of their own', async () => {
    const running = await serve('--data', data, '--trust-proxy', '1')
    const upstream = new URL(running.base)
    // The proxy in front, as nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for` does it: the
    // address it received from appended to what the client sent.
    const proxy = createServer((req, res) => {
      const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
      const out = request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded } }, (up) => {
        res.writeHead(up.statusCode!, up.headers)
        up.pipe(res)
      })
      req.pipe(out)
    })
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok))
    const { port } = proxy.address() as AddressInfo
    // A visitor at a loopback address of its own, posting through the proxy; `claims` is an X-Forwarded-For it writes itself.
    const post = (from: string, claims?: string) =>
      new Promise<number>((ok, fail) => {
        const body = JSON.stringify(record(randomUUID(), randomUUID()))
        const headers = { 'content-type': 'application/json', ...(claims ? { 'x-forwarded-for': claims } : {}) }
        request({ host: '127.0.0.1', port, localAddress: from, path: '/v1/consent', method: 'POST', headers }, (res) => (res.resume(), ok(res.statusCode!)))
          .on('error', fail)
          .end(body)
      })
    try {
      // The service's default limit: a burst of 20, then 60 a minute. Sent together: one after another, through the
      // proxy, on a loaded machine they took over a second, in which the bucket gains a post back (seen locally twice).
      const first = await Promise.all(Array.from({ length: 21 }, () => post('127.0.0.2')))
      expect(first.sort()).toEqual([...Array(20).fill(204), 429])
      expect(await post('127.0.0.2', '198.51.100.1')).toBe(429)
      expect(await post('127.0.0.3')).toBe(204)
    } finally {
      proxy.close()
      running.child.kill('SIGTERM')
      await running.exited
    }
  })

  it('a port in use exits 1 with a message', async () => {
    // The refused service opens its database before it tries the port, in a directory of its own (one process per
    // PGlite directory): a copy of the one the earlier tests made, taken before the running service opens it, instead
    // of an empty one, where it spent seconds creating a database (tens of MB) only to be refused the port. Removed with it.
    const second = mkdtempSync(join(tmpdir(), 'consentry-records-cli-2-'))
    cpSync(data, second, { recursive: true })
    const running = await serve('--data', data)
    const port = new URL(running.base).port
    const { code, err } = cli('records', 'serve', '--port', port, '--data', second)
    rmSync(second, { recursive: true, force: true })
    running.child.kill('SIGTERM')
    await running.exited
    expect(code).toBe(1)
    expect(err).toMatch(new RegExp(`cannot listen on 127.0.0.1:${port}: .*EADDRINUSE`))
  })
})

describe('dist/cli.mjs and the database engines', { timeout: 60_000 }, () => {
  it('imports neither engine up front: they appear only as import() calls', () => {
    const text = readFileSync(root + 'dist/cli.mjs', 'utf8')
    expect(text).not.toMatch(/^\s*import\s[^(]*['"](pg|@electric-sql\/pglite)['"]/m)
    expect(text).toMatch(/import\(\s*['"]@electric-sql\/pglite['"]\s*\)/)
  })

  it('installed without them, the other commands run, and records serve names the package to install', () => {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-bare-'))
    try {
      copyFileSync(root + 'dist/cli.mjs', join(dir, 'cli.mjs'))
      const run = (...args: string[]) => spawnSync(process.execPath, [join(dir, 'cli.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000, env })
      expect(run('--version').status).toBe(0)
      const r = run('records', 'serve', '--port', '0', '--data', join(dir, 'data'))
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(/npm install @electric-sql\/pglite/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
