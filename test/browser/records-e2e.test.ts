/**
 * The records service as a site owner gets it, end to end: the packed package (`npm pack`) installed in a
 * fresh app with @electric-sql/pglite, `npx consentry records serve` on PGlite, and a static site on another
 * origin loading the installed script-tag build with serverSync pointed at it, as docs/records.md says.
 * A visitor's decision arrives; then the service dies (SIGKILL), the visitor changes the decision, the
 * POST fails and the record waits in the outbox; the service restarts on the same data, the page reloads
 * (the outbox sends what it holds when a page starts) and the record arrives, stored once.
 * Chromium and Firefox ESR.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import { startServer, type TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TOKEN = 'e2e-admin-token-0123456789abcdef0123'
const tmp = mkdtempSync(join(tmpdir(), 'consentry-records-e2e-'))
const app = join(tmp, 'app')
const data = join(tmp, 'data')

const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000 })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer().once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => ok(port))
    })
  })

/** `npx consentry records serve` in the app, in its own process group so SIGKILL reaches npx and the service. */
interface Service {
  child: ChildProcess
  exited: Promise<unknown>
}
let service: Service | undefined
let port = 0
let site: TestServer
const base = () => `http://127.0.0.1:${port}`

const serve = () =>
  new Promise<Service>((ok, fail) => {
    const child = spawn('npx', ['consentry', 'records', 'serve', '--port', String(port), '--data', data], {
      cwd: app,
      detached: true,
      env: { ...process.env, DATABASE_URL: '', CONSENTRY_ADMIN_TOKEN: TOKEN, CONSENTRY_ALLOWED_ORIGINS: site.origin },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    const exited = new Promise((done) => child.once('exit', done))
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => {
      out += d
      if (out.includes(`listening on ${base()}`)) ok({ child, exited })
    })
    void exited.then((code) => fail(new Error(`records serve exited (${code}) before listening: ${err}`)))
  })

const kill9 = async () => {
  if (!service) return
  process.kill(-service.child.pid!, 'SIGKILL')
  await service.exited
  service = undefined
}

const history = async (consentId: string) =>
  (await fetch(`${base()}/v1/consent/${consentId}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json() as Promise<{
    records: { id: string; categories: Record<string, boolean> }[]
    inForce: { id: string; categories: Record<string, boolean> } | null
  }>

beforeAll(async () => {
  // The package as npm would publish it, installed beside PGlite in an empty app (from the npm cache when it has them).
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT))
  const pglite = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'records-e2e-app', private: true, type: 'module' }))
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(tmp, filename), `@electric-sql/pglite@${pglite}`], app)
  site = await startServer()
  // The site serves the script-tag build from the installed package, as a site would copy it.
  const dist = join(app, 'node_modules/consentry/dist')
  for (const file of readdirSync(dist).filter((f) => /^consentry.*\.m?js$/.test(f)))
    site.route(`/vendor/${file}`, { body: readFileSync(join(dist, file), 'utf8'), type: 'text/javascript; charset=utf-8' })
  port = await freePort()
  service = await serve()
}, 300_000)

afterAll(async () => {
  await kill9().catch(() => {})
  await site?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, {
    // The test opens its tab once the service is up.
    start: () => null,
    // The only errors expected: the browser reporting the POST that failed while the service was down.
    expectedErrors: /Failed to load resource|ERR_CONNECTION_REFUSED|NetworkError|Failed to fetch|CORS|127\.0\.0\.1:\d+\/v1\/consent/i,
  })
  let page: Tab
  let log: PageLog

  it('a decision reaches npx consentry records serve; after a kill -9 the outbox delivers the next one once the service is back', { timeout: 180_000 }, async () => {
    service ??= await serve()
    page = await suite.visit(`${site.origin}/__blank`)
    log = suite.log
    const url = site.route('/shop.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>
${configBlock({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] })}
<script type="application/json" data-consentry-destinations>${JSON.stringify({ serverSync: { url: `${base()}/v1/consent` } })}</script>
<script src="/vendor/consentry.min.js"></script>
<script src="/vendor/consentry-destinations.min.js"></script>
</head><body><p>A shop</p></body></html>`,
    })
    await page.goto(url)
    const banner = page.locator('[data-consentry] >>> [part=banner]')
    await banner.waitFor()
    await banner.locator('[data-consentry-action=accept-all]').click()
    const consentId = (await page.evaluate(() => Consentry.get().id))!
    await expect.poll(async () => (await history(consentId)).records.length, { timeout: 15_000 }).toBe(1)
    expect((await history(consentId)).inForce?.categories).toEqual({ necessary: true, analytics: true, marketing: true })

    // The service dies; the visitor changes their mind: the POST fails, the record waits in the outbox.
    await kill9()
    await page.evaluate(() => Consentry.set({ marketing: false }))
    const outbox = () => page.evaluate(() => JSON.parse(localStorage.getItem('consentry-outbox') ?? '[]') as { id: string }[])
    await expect.poll(async () => (await outbox()).length, { timeout: 10_000 }).toBe(1)
    const [queued] = await outbox()
    await page.waitForTimeout(1500) // at least one retry fails too (the first comes after 0.5–1 s)
    expect(await outbox()).toEqual([queued])

    // Back on the same data and port; a new page load sends what the outbox holds (the beacon on pagehide may too).
    service = await serve()
    await page.reload()
    await expect.poll(async () => (await outbox()).length, { timeout: 15_000 }).toBe(0)
    const h = await history(consentId)
    expect(h.records.map((r) => r.id).filter((id) => id == queued!.id)).toHaveLength(1)
    expect(h.records).toHaveLength(2)
    expect(h.inForce).toMatchObject({ id: queued!.id, categories: { necessary: true, analytics: true, marketing: false } })
  })
})
