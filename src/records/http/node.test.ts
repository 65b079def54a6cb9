// @vitest-environment node
/** The service on Node's http server, over real sockets: bodies stream both ways, and the socket's address keys the rate limit. */
import { createServer, request, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYNC_MAX_BYTES } from '../../server/index.js'
import { createRecordsService, nodeListener, type RecordsService } from '../index.js'
import type { RecordStore, StoredRecord } from '../store/types.js'
import { ENGINES, record, TOKEN, stopEngines } from './testing.js'

const listen = async (service: RecordsService): Promise<Server> => {
  const server = createServer(nodeListener(service))
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return server
}
const stop = (server: Server) =>
  new Promise<void>((ok) => {
    server.closeAllConnections()
    server.close(() => ok())
  })
const portOf = (server: Server) => (server.address() as AddressInfo).port

it('a body the service cancels once Node has read it all does not crash the process (the logout and 429 paths)', async () => {
  const crashes: unknown[] = []
  const onCrash = (e: unknown) => crashes.push(e)
  process.on('uncaughtException', onCrash)
  const service: RecordsService = { fetch: async (req) => (await req.body?.cancel(), new Response(null, { status: 204 })), close: async () => {} }
  const server = await listen(service)
  try {
    for (const body of ['', 'x', 'token=abc']) {
      const res = await fetch(`http://127.0.0.1:${portOf(server)}/dashboard/logout`, { method: 'POST', body })
      expect(res.status).toBe(204)
    }
    await new Promise((ok) => setTimeout(ok, 200))
    expect(crashes).toEqual([])
  } finally {
    process.off('uncaughtException', onCrash)
    await stop(server)
  }
})

afterAll(stopEngines, 60_000)
describe.each(ENGINES)('nodeListener on %s', (_, open) => {
  let store: RecordStore
  let service: RecordsService
  let server: Server
  let base = ''

  beforeAll(async () => {
    store = await open()
    service = createRecordsService({ store, adminToken: TOKEN, prune: false, rateLimit: false })
    server = await listen(service)
    base = `http://127.0.0.1:${portOf(server)}`
  }, 120_000)
  afterAll(async () => {
    await stop(server)
    await service.close()
    await store.close()
  })

  it('takes a record over HTTP and gives it back to the admin; the socket address is the rate-limit key', async () => {
    const r = record()
    const res = await fetch(`${base}/v1/consent`, { method: 'POST', body: JSON.stringify(r), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(204)
    const h = await (await fetch(`${base}/v1/consent/${r.consentId}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()
    expect(h.inForce).toMatchObject({ id: r.id })
    // Burst 2 from 127.0.0.1: two pass, the third waits.
    const limited = createRecordsService({ store, prune: false, rateLimit: { perMinute: 1, burst: 2 } })
    const other = await listen(limited)
    try {
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`http://127.0.0.1:${portOf(other)}/v1/consent`, { method: 'POST', body: JSON.stringify(record()) })).status)
      expect(statuses).toEqual([204, 204, 429])
    } finally {
      await stop(other)
      await limited.close()
    }
  })

  it('answers a 1 GB upload with 413 at once and closes the connection instead of reading the rest', async () => {
    const started = Date.now()
    let written = 0
    const answer = await new Promise<{ status: number; connection: string | undefined }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: portOf(server), method: 'POST', path: '/v1/consent', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume()
        ok({ status: res.statusCode!, connection: res.headers.connection })
        req.destroy()
      })
      req.on('error', (e) => (written > 0 ? undefined : fail(e)))
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const pump = () => {
        while (written < 2 ** 30 && !req.destroyed) {
          written += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        if (!req.destroyed) req.end()
      }
      pump()
    })
    expect(answer).toEqual({ status: 413, connection: 'close' })
    expect(written).toBeLessThan(64 * 1024 * 1024)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses by Content-Length before reading, and survives a garbled Host header', async () => {
    const raw = (head: string) =>
      new Promise<string>((ok) => {
        const socket = connect(portOf(server), '127.0.0.1', () => socket.write(head))
        let text = ''
        socket.on('data', (d: Buffer) => (text += d))
        socket.on('close', () => ok(text))
        socket.on('error', () => ok(text))
        setTimeout(() => socket.destroy(), 2000)
      })
    const big = await raw(`POST /v1/consent HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${SYNC_MAX_BYTES + 1}\r\n\r\n`)
    expect(big).toMatch(/^HTTP\/1.1 413 /)
    expect(big).toMatch(/connection: close/i)
    const host = await raw('GET /healthz HTTP/1.1\r\nHost: not a host\r\nConnection: close\r\n\r\n')
    expect(host).toMatch(/^HTTP\/1.1 200 /)
  })
})

describe('nodeListener streaming an export', () => {
  it('holds no chunk once it is sent: 512 MiB through a fast client, memory stays flat', async () => {
    const CHUNK = 64 * 1024
    const CHUNKS = 8192
    let made = 0
    const body = () =>
      new ReadableStream<Uint8Array>({ pull: (c) => (made++ < CHUNKS ? c.enqueue(new Uint8Array(CHUNK).fill(120)) : c.close()) }, { highWaterMark: 0 })
    const service: RecordsService = { fetch: async () => new Response(body()), close: async () => {} }
    const server = await listen(service)
    const base = process.memoryUsage().arrayBuffers
    let peak = 0
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers - base)), 20)
    try {
      const received = await new Promise<number>((ok, ko) =>
        request(`http://127.0.0.1:${portOf(server)}/`, (res) => {
          let n = 0
          res.on('data', (d: Buffer) => (n += d.length))
          res.on('end', () => ok(n))
          res.on('error', ko)
        }).on('error', ko).end(),
      )
      expect(received).toBe(CHUNK * CHUNKS)
      // Kept chunks would be the whole body (512 MiB); what is in flight and not yet collected is a few dozen MiB.
      expect(peak / 2 ** 20).toBeLessThan(160)
    } finally {
      clearInterval(sample)
      await stop(server)
    }
  }, 120_000)

  it('sends it at the pace the client reads, and stops the store when the client hangs up', async () => {
    let yielded = 0
    let released = false
    const endless = async function* (): AsyncGenerator<StoredRecord> {
      try {
        for (;;) {
          yielded++
          yield { ...record(), receivedAt: '2027-01-01T00:00:00.000Z' }
        }
      } finally {
        released = true
      }
    }
    const store = { insert: async () => true, export: () => endless(), close: async () => {} } as unknown as RecordStore
    const service = createRecordsService({ store, adminToken: TOKEN, prune: false })
    const server = await listen(service)
    try {
      const res = await fetch(`http://127.0.0.1:${portOf(server)}/v1/export`, { headers: { authorization: `Bearer ${TOKEN}` } })
      const reader = res.body!.getReader()
      await reader.read()
      // The client stops reading: the socket's buffers fill, and the server waits instead of reading the store on.
      await new Promise((ok) => setTimeout(ok, 300))
      const paused = yielded
      await new Promise((ok) => setTimeout(ok, 300))
      expect(yielded).toBe(paused)
      expect(paused).toBeLessThan(50_000)
      await reader.cancel()
      await expect.poll(() => released, { timeout: 2000 }).toBe(true)
    } finally {
      await stop(server)
      await service.close()
    }
  })
})
