// kill -9 of `consentry records serve` (the built CLI) in the middle of a load, on PGlite and on a real
// PostgreSQL: every record that got a 2xx is in the database after a restart, none twice, and posting
// everything again (as the browser's outbox does) stores each record exactly once. Not timed: the
// figures are the benchmark's (npm run bench:records); this proves the guarantee on every test run.
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { startPostgres, type TestPostgres } from '../../src/testing/postgres.mjs'
import { freshStore, storedIds } from '../../bench/records/db.mjs'
import { record, runLoad } from '../../bench/records/load.mjs'
import { startService, type BenchStore, type RunningService } from '../../bench/records/service.mjs'

let postgres: TestPostgres | undefined
const dirs: string[] = []
afterAll(async () => {
  await postgres?.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const engines = ['pglite', 'postgres'] as const
describe.each(engines)('records serve on %s, killed with SIGKILL mid-load', { timeout: 300_000 }, (engine) => {
  it('keeps every acknowledged record exactly once, and a resend of everything stores each record once', async () => {
    if (engine == 'postgres') postgres ??= await startPostgres()
    const store: BenchStore = await freshStore(engine, postgres)
    if (store.dataDir) dirs.push(store.dataDir)
    let service: RunningService = await startService(store)

    // 20 clients; the kill comes as the 150th record is handed out, so about 20 requests are in flight.
    let handedOut = 0
    let killed: Promise<unknown> | undefined
    const load = await runLoad({
      base: service.base,
      clients: 20,
      track: true,
      next: () => {
        if (killed) return null
        if (++handedOut == 150) killed = service.kill9()
        return record()
      },
    })
    expect(await killed).toBe('SIGKILL')
    const sent = new Set(load.sent.map((r) => r.id))
    expect(load.acked.length).toBeGreaterThan(50)
    // Some requests were cut off by the kill: no answer, so not acknowledged.
    expect(load.acked.length).toBeLessThan(sent.size)

    // The same data, a new process.
    service = await startService(store)
    expect((await fetch(`${service.base}/healthz`)).status).toBe(200)
    if (engine == 'pglite') await service.stop() // one process per PGlite directory
    const stored = await storedIds(store)
    const missing = load.acked.filter((id) => !stored.has(id))
    expect(missing).toEqual([])
    expect([...stored].filter(([, n]) => n != 1)).toEqual([])
    expect([...stored.keys()].filter((id) => !sent.has(id))).toEqual([])

    // The outbox sends again what it did not see acknowledged; here everything, the acknowledged too.
    if (engine == 'pglite') service = await startService(store)
    const queue = [...load.sent]
    const resend = await runLoad({ base: service.base, clients: 20, next: () => queue.pop() ?? null })
    expect(resend.outcomes).toEqual({ 204: sent.size })
    await service.stop()
    const after = await storedIds(store)
    expect(after.size).toBe(sent.size)
    expect([...sent].filter((id) => after.get(id) != 1)).toEqual([])
  })
})
