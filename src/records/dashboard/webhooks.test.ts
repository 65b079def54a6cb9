// @vitest-environment node
/** The dashboard's Webhooks panel on PGlite: subscriptions with their counts, dead letters, and the Replay button. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRecordsService, openStore, type RecordStore, type RecordsService } from '../index.js'
import { record, TOKEN } from '../http/testing.js'

const BASE = 'http://records.test'
const FORM = 'application/x-www-form-urlencoded'
let store: RecordStore
let service: RecordsService
let cookie = ''
let sub = ''
let dead: string[] = []

const call = (path: string, init: RequestInit = {}) => service.fetch(new Request(BASE + path, init), { remoteAddress: '10.9.0.1' })
const replay = (delivery: string, headers: Record<string, string> = {}) =>
  call('/dashboard/webhooks/replay', { method: 'POST', headers: { cookie, origin: BASE, 'content-type': FORM, ...headers }, body: new URLSearchParams({ delivery }).toString() })

beforeAll(async () => {
  store = await openStore({ engine: 'pglite' })
  sub = (await store.webhooks.add({ url: 'https://crm.example/hooks' })).id
  for (let i = 0; i < 3; i++) await store.insert(record())
  // Two of the three are dead, one with an error text that would be markup if it were not escaped.
  const claimed = await store.webhooks.claim(2, 1000, Date.now() + 1000)
  for (const [i, d] of claimed.entries()) await store.webhooks.settle(d.id, { delivered: false, error: i ? 'HTTP 500' : '<script>alert(1)</script>', next: null })
  dead = claimed.map((d) => d.id)
  // Deliveries are not sent here: the panel shows what the store holds.
  service = createRecordsService({ store, adminToken: TOKEN, prune: false, webhooks: false, onError: () => {} })
  const res = await call('/dashboard/login', { method: 'POST', headers: { origin: BASE, 'content-type': FORM }, body: new URLSearchParams({ token: TOKEN }).toString() })
  cookie = res.headers.get('set-cookie')!.split(';')[0]!
}, 120_000)
afterAll(async () => {
  await service.close()
  await store.close()
})

describe('the Webhooks panel', () => {
  it('lists each subscription with its pending and dead counts, and each dead letter with a Replay form; no inline script or style', async () => {
    const html = await (await call('/dashboard', { headers: { cookie } })).text()
    expect(html).toContain('<h2 id="webhooks">Webhooks</h2>')
    expect(html).toMatch(new RegExp(`<tr data-subscription="${sub}">.*https://crm.example/hooks.*<td data-field="pending">1</td><td data-field="dead">2</td>`))
    for (const id of dead) expect(html).toContain(`<form class="replay" method="post" action="/dashboard/webhooks/replay"><input type="hidden" name="delivery" value="${id}"><button type="submit">Replay</button></form>`)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toMatch(/\sstyle=|\son\w+=/)
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script defer src="' + /src="([^"]+)"/.exec(html.slice(html.indexOf('<script defer')))![1] + '">', '<script type="application/json" id="dashboard-data">'])
  })

  it('Replay queues the dead letter again and comes back to the panel with a notice; an unknown id says so', async () => {
    const res = await replay(dead[0]!)
    expect([res.status, res.headers.get('location')]).toEqual([303, '/dashboard?webhooks=replayed#webhooks'])
    expect((await store.webhooks.deliveries({ state: 'pending' })).map((d) => d.id)).toContain(dead[0])
    const html = await (await call(res.headers.get('location')!, { headers: { cookie } })).text()
    expect(html).toContain('Queued again')
    expect(html).toMatch(/<td data-field="pending">2<\/td><td data-field="dead">1<\/td>/)
    expect((await replay('dlv_nope')).headers.get('location')).toBe('/dashboard?webhooks=not-found#webhooks')
  })

  it('Replay needs a live session and a request from the dashboard’s own page (CSRF)', async () => {
    expect((await replay(dead[1]!, { cookie: '' })).status).toBe(403)
    expect((await replay(dead[1]!, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await replay(dead[1]!, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await store.webhooks.deliveries({ state: 'dead' })).map((d) => d.id)).toEqual([dead[1]])
    expect((await call('/dashboard/webhooks/replay')).status).toBe(405)
  })
})
