// @vitest-environment node
// Where a webhook may go: local-only addresses (loopback, link-local, cloud metadata, …) are refused unless the
// subscription's host is allowed, whether the URL writes the address or a name resolves to it; checked on the address
// connected to. Private networks are not refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createRecordsService, type RecordsService } from '../http/service.js'
import { openStore } from '../store/index.js'
import type { RecordStore } from '../store/types.js'
import { checkWebhookOptions } from './deliverer.js'
import { guardedLookup, localKind } from './guard.js'
import { changes, startReceiver, waitFor, type Receiver } from './testing.js'

describe('localKind', () => {
  it("names what no receiver is: the service's own machine, link-local and cloud metadata addresses, and others no host has", () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'a loopback address'],
      ['127.255.0.9', 'a loopback address'],
      ['169.254.169.254', 'a link-local address (where clouds serve instance metadata)'],
      ['100.100.100.200', 'a cloud metadata address'],
      ['0.0.0.0', 'a "this network" address'],
      ['192.0.2.10', 'a documentation address'],
      ['224.0.0.251', 'a multicast address'],
      ['255.255.255.255', 'a reserved address'],
      ['::', 'the unspecified address'],
      ['::1', 'a loopback address'],
      ['fe80::1%eth0', 'a link-local address'],
      ['fd00:ec2::254', 'a cloud metadata address'],
      ['ff02::1', 'a multicast address'],
      ['2001:db8::1', 'a documentation address'],
      // IPv4 inside IPv6: what the IPv4 address is.
      ['::ffff:127.0.0.1', 'a loopback address'],
      ['::ffff:a9fe:a9fe', 'a link-local address (where clouds serve instance metadata)'],
      ['64:ff9b::127.0.0.1', 'a loopback address'],
      ['not-an-ip', 'not an IP address'],
    ]
    for (const [ip, kind] of cases) expect(localKind(ip), ip).toBe(kind)
  })

  it("lets public addresses through, and private networks, where a self-hosted service's receivers live", () => {
    const public_ = ['8.8.8.8', '1.1.1.1', '126.255.255.255', '128.0.0.1', '169.253.0.1', '169.255.0.1', '223.255.255.255', '::ffff:8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001::200e']
    const private_ = ['10.20.30.40', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '100.100.100.199', 'fd12:3456::1', 'fd00:ec2::253', '::ffff:10.0.0.1', '64:ff9b::10.0.0.1']
    for (const ip of [...public_, ...private_]) expect(localKind(ip), ip).toBeNull()
  })
})

describe('guardedLookup', () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<unknown>((ok, fail) => guardedLookup(host)(host, { all }, (err, address) => (err ? fail(err) : ok(address))))

  it('fails a name that resolves to a loopback address, in both of the forms Node asks for', async () => {
    for (const all of [false, true]) await expect(lookup('localhost', all)).rejects.toMatchObject({ code: 'EWEBHOOKREFUSED', message: expect.stringMatching(/^localhost is (127\.0\.0\.1|::1), a loopback address/) })
  })
})

describe('webhooks.allowLocal', () => {
  it('is a list of hosts or *; anything else is a config error naming the field', () => {
    expect(checkWebhookOptions({}).allowLocal).toEqual([])
    expect(checkWebhookOptions({ allowLocal: '*' }).allowLocal).toBe('*')
    expect(checkWebhookOptions({ allowLocal: ['localhost', '127.0.0.1', '[::1]'] }).allowLocal).toEqual(['localhost', '127.0.0.1', '::1'])
    for (const bad of ['localhost', ['http://localhost/'], ['localhost:8080'], [''], [3]])
      expect(() => checkWebhookOptions({ allowLocal: bad as never })).toThrow(/^\[consentry\] webhooks\.allowLocal: expected '\*' or a list of hosts/)
  })
})

describe('deliveries to local-only addresses', { timeout: 120_000 }, () => {
  let store: RecordStore
  let receiver: Receiver
  let secret = ''
  const services: RecordsService[] = []
  beforeAll(async () => {
    store = await openStore({ engine: 'pglite' })
    receiver = await startReceiver(() => secret)
  }, 120_000)
  afterEach(async () => {
    for (const s of services.splice(0)) await s.close()
  })
  afterAll(async () => {
    await receiver.close()
    await store.close()
  })

  /** Subscribes `url`s (all signed with one secret), starts a service, records one change, and waits until each has been attempted. */
  const deliver = async (urls: string[], allowLocal?: '*' | string[]) => {
    const ids: string[] = []
    for (const url of urls) {
      const w = await store.webhooks.add({ url, secret: secret || undefined })
      secret ||= w.secret
      ids.push(w.id)
    }
    const before = receiver.requests.length
    services.push(createRecordsService({ store, prune: false, rateLimit: false, onError: () => {}, webhooks: { pollMs: 100, ...(allowLocal ? { allowLocal } : {}) } }))
    await store.insert(changes(1, 1)[0]!)
    const attempted = async () => {
      const all = await store.webhooks.deliveries({ limit: 1000 })
      return ids.map((id) => all.find((d) => d.subscriptionId == id && (d.state == 'delivered' || d.lastError)))
    }
    await waitFor(async () => (await attempted()).every(Boolean), 30_000, 'every subscription attempted')
    const result = await attempted()
    for (const id of ids) await store.webhooks.remove(id)
    return { received: receiver.requests.slice(before), deliveries: result.map((d) => ({ state: d!.state, lastError: d!.lastError })) }
  }

  it('by default refuses a loopback address written in the URL or resolved from a name, and sends nothing there', async () => {
    const port = new URL(receiver.url).port
    const { received, deliveries } = await deliver([receiver.url, `http://localhost:${port}/hooks/consent`, `http://[::1]:${port}/hooks/consent`])
    expect(received).toEqual([])
    expect(deliveries).toEqual([
      { state: 'pending', lastError: expect.stringMatching(/^refused: 127\.0\.0\.1 is 127\.0\.0\.1, a loopback address: add the host to webhooks\.allowLocal/) },
      { state: 'pending', lastError: expect.stringMatching(/^refused: localhost is (127\.0\.0\.1|::1), a loopback address/) },
      { state: 'pending', lastError: expect.stringMatching(/^refused: ::1 is ::1, a loopback address/) },
    ])
  })

  it('sends to an allowed host only: here localhost, while 127.0.0.1 written in a URL is still refused', async () => {
    const port = new URL(receiver.url).port
    const { received, deliveries } = await deliver([`http://localhost:${port}/hooks/consent`, receiver.url], ['localhost'])
    expect(deliveries).toEqual([
      { state: 'delivered', lastError: null },
      { state: 'pending', lastError: expect.stringMatching(/^refused: 127\.0\.0\.1 is 127\.0\.0\.1/) },
    ])
    expect(received.map((q) => [q.status, q.refused])).toEqual([[200, undefined]])
  })

  it("'*' allows every host", async () => {
    const { received, deliveries } = await deliver([receiver.url], '*')
    expect(deliveries).toEqual([{ state: 'delivered', lastError: null }])
    expect(received).toHaveLength(1)
  })
})
