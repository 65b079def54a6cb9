/**
 * Test helpers for webhook deliveries (not part of the entry): a real HTTP
 * receiver on 127.0.0.1 that verifies every delivery, and the changes of many
 * visitors, interleaved.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyWebhook, type ConsentEvent } from '../../server/webhooks/index.js'
import type { SyncRecord } from '../../sync/record.js'

/** What the receiver does with a request: answer with a status (after `delayMs`), or not listen at all (`down`). */
export type Behaviour = { status: number; delayMs?: number }

export interface Receiver {
  url: string
  /** Every request, in arrival order (repeats included), with the status it was answered. */
  requests: { id: string; event?: ConsentEvent; refused?: string; at: number; status: number; body: string; headers: Record<string, string | string[] | undefined> }[]
  /** Events a 2xx accepted, by first arrival, one per delivery id (what a receiver that drops repeats processes). */
  unique(): ConsentEvent[]
  behave(b: Behaviour | ((n: number) => Behaviour)): void
  /** Stops listening (connections refused) until `up()`. */
  down(): Promise<void>
  up(): Promise<void>
  /** Requests being answered right now, per delivery id (the most seen at once). */
  maxConcurrentPerId: number
  close(): Promise<void>
}

export const startReceiver = async (secret: () => string): Promise<Receiver> => {
  let behaviour: (n: number) => Behaviour = () => ({ status: 200 })
  const requests: Receiver['requests'] = []
  const open = new Map<string, number>()
  let server: Server
  let port = 0
  const r: Receiver = {
    url: '',
    requests,
    maxConcurrentPerId: 0,
    unique() {
      const seen = new Set<string>()
      return requests.filter((q) => q.event && q.status < 300 && !seen.has(q.id) && seen.add(q.id)).map((q) => q.event!)
    },
    behave: (b) => void (behaviour = typeof b == 'function' ? b : () => b),
    async down() {
      server.closeAllConnections()
      await new Promise((ok) => server.close(ok))
    },
    async up() {
      server = createServer(async (req, res) => {
        const chunks: Buffer[] = []
        for await (const c of req) chunks.push(c as Buffer)
        const body = Buffer.concat(chunks).toString('utf8')
        const id = String(req.headers['consentry-delivery'])
        const v = await verifyWebhook(body, req.headers['consentry-signature'], secret())
        const b = behaviour(requests.length + 1)
        const n = requests.push({ id, at: Date.now(), status: b.status, body, headers: req.headers, ...(v.ok ? { event: v.event } : { refused: v.reason }) })
        if (v.ok && v.event.id != id) requests[n - 1]!.refused = 'Consentry-Delivery differs from the event id'
        open.set(id, (open.get(id) ?? 0) + 1)
        r.maxConcurrentPerId = Math.max(r.maxConcurrentPerId, open.get(id)!)
        setTimeout(() => {
          open.set(id, open.get(id)! - 1)
          res.writeHead(b.status).end()
        }, b.delayMs ?? 0)
      })
      await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok))
      port = (server.address() as AddressInfo).port
      r.url = `http://127.0.0.1:${port}/hooks/consent`
    },
    async close() {
      if (server.listening) await r.down()
    },
  }
  await r.up()
  return r
}

/**
 * `visitors` × `changes` records, interleaved (visitor 0's first change, visitor 1's first, …), each change
 * flipping analytics, so each one is an event. Times are a second apart per visitor.
 */
export const changes = (visitors: number, each: number): SyncRecord[] => {
  const ids = Array.from({ length: visitors }, () => randomUUID())
  const out: SyncRecord[] = []
  for (let c = 0; c < each; c++)
    for (const consentId of ids)
      out.push({
        v: 1,
        id: randomUUID(),
        consentId,
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: new Date(Date.UTC(2026, 2, 1, 10, 0, c)).toISOString(),
        method: 'preferences',
        mode: 'opt-in',
        jurisdiction: 'FR',
        revision: 1,
        categories: { necessary: true, analytics: c % 2 == 0 },
        services: {},
        optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
        gpc: false,
        url: 'https://shop.example/',
      })
  return out
}

/** Every visitor's events in the order they arrived: each list must be that visitor's changes, oldest first. */
export const byVisitor = (events: ConsentEvent[]): Map<string, string[]> => {
  const m = new Map<string, string[]>()
  for (const e of events) m.set(e.consentId, [...(m.get(e.consentId) ?? []), e.record.updatedAt])
  return m
}

export const waitFor = async (check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((ok) => setTimeout(ok, 50))
  }
}
