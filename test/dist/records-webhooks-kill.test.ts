// kill -9 of `consentry records serve` (the built CLI) while webhook deliveries are in flight, on PGlite and on a
// real PostgreSQL: after a restart on the same data every change of every visitor reaches the receiver, each
// delivery id exactly once after de-duplication by Consentry-Delivery, in order per consent id. The signing secret
// is sealed at rest (CONSENTRY_SECRET_KEY) throughout, so every signature the receiver checks came from a sealed one.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/records/store/index.js'
import type { StoreOptions } from '../../src/records/store/types.js'
import { startPostgres, type TestPostgres } from '../../src/testing/postgres.mjs'
import { byVisitor, changes, startReceiver, waitFor, type Receiver } from '../../src/records/webhooks/testing.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const TOKEN = 'kill-test-token-0123456789abcdef0123'
const KEY = randomBytes(32).toString('base64')
let postgres: TestPostgres | undefined
const dirs: string[] = []
const children = new Set<ChildProcess>()
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  await postgres?.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** `records serve` on a free port; resolves once it listens. */
const serve = (storeArgs: string[]) =>
  new Promise<{ child: ChildProcess; base: string; exited: Promise<unknown> }>((ok, fail) => {
    const child = spawn(process.execPath, ['dist/cli.mjs', 'records', 'serve', '--port', '0', '--webhook-timeout-ms', '1000', '--webhook-allow-local', '127.0.0.1', ...storeArgs], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', CONSENTRY_ALLOWED_ORIGINS: '', CONSENTRY_ADMIN_TOKEN: TOKEN, CONSENTRY_SECRET_KEY: KEY },
    })
    children.add(child)
    let out = ''
    let err = ''
    const exited = new Promise((done) => child.once('exit', (code, signal) => (children.delete(child), done(signal ?? code))))
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => {
      out += d
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) ok({ child, base: m[1]!, exited })
    })
    void exited.then((code) => fail(new Error(`exited ${code} before listening: ${err}`)))
  })

describe.each(['pglite', 'postgres'] as const)('records serve on %s, killed with SIGKILL mid-delivery', { timeout: 180_000 }, (engine) => {
  it('loses no change: every one arrives after the restart, each delivery id once after de-dup, in order per visitor', async () => {
    let storeArgs: string[]
    let store: StoreOptions
    if (engine == 'postgres') {
      const url = await (await (postgres ??= await startPostgres())).createDatabase()
      storeArgs = ['--database', url]
      store = { engine: 'postgres', url }
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'consentry-webhooks-kill-'))
      dirs.push(dir)
      storeArgs = ['--data', dir]
      store = { dataDir: dir }
    }
    let secret = ''
    const receiver: Receiver = await startReceiver(() => secret)
    // Slow at first, so deliveries are in flight when the kill comes: 4 s an answer (under the 10 s timeout), so the 18
    // (three per visitor, in order) take 12 s, longer than posting them takes even on a loaded machine (at 400 ms
    // they had all arrived before the kill once the posting took more than 1.2 s).
    receiver.behave({ status: 200, delayMs: 4000 })
    let service = await serve(storeArgs)
    const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
    const made = await fetch(`${service.base}/v1/webhooks`, { method: 'POST', headers: admin, body: JSON.stringify({ url: receiver.url }) })
    expect(made.status).toBe(201)
    secret = (await made.json()).secret

    // 6 visitors × 3 changes, interleaved, each acknowledged (204) before the next is posted (under the rate limit's burst of 20).
    const records = changes(6, 3)
    for (const r of records) {
      const res = await fetch(`${service.base}/v1/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(r) })
      expect(res.status).toBe(204)
    }
    await waitFor(() => receiver.requests.length >= 4, 30_000, 'the first deliveries')
    service.child.kill('SIGKILL')
    expect(await service.exited).toBe('SIGKILL')
    const before = receiver.unique().length
    expect(before).toBeLessThan(records.length) // the kill came mid-delivery

    receiver.behave({ status: 200 })
    service = await serve(storeArgs)
    await waitFor(() => receiver.unique().length >= records.length, 90_000, `${records.length} deliveries after the restart`)
    const list = await (await fetch(`${service.base}/v1/webhooks`, { headers: admin })).json()
    await waitFor(async () => (await (await fetch(`${service.base}/v1/webhooks`, { headers: admin })).json()).subscriptions[0].pending == 0, 30_000, 'nothing pending')
    service.child.kill('SIGTERM')
    await service.exited
    await receiver.close()

    expect(list.subscriptions).toHaveLength(1)
    expect(receiver.requests.filter((q) => q.refused)).toEqual([])
    const events = receiver.unique()
    expect(events.length).toBe(records.length)
    // Those in flight at the kill were received but never acknowledged to the dead process: sent again after its lease.
    expect(receiver.requests.length).toBeGreaterThan(records.length)
    expect(new Set(events.map((e) => e.record.id))).toEqual(new Set(records.map((r) => r.id)))
    expect(byVisitor(events)).toEqual(byVisitor(records.map((r) => ({ consentId: r.consentId, record: r }) as never)))
    // The secret was sealed in the database: it does not open without the key.
    await expect(openStore(store)).rejects.toThrow(/secretKey: the webhook secrets in this database are sealed/)
  })
})
