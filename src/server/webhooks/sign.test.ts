// @vitest-environment node
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signWebhook, verifyWebhook, type ConsentEvent } from '../index.js'

const NOW = Date.UTC(2026, 4, 1, 12)
const record = {
  v: 1 as const,
  id: '11111111-1111-4111-8111-111111111111',
  consentId: '22222222-2222-4222-8222-222222222222',
  createdAt: '2026-05-01T11:00:00.000Z',
  updatedAt: '2026-05-01T12:00:00.000Z',
  method: 'banner' as const,
  mode: 'opt-out' as const,
  jurisdiction: 'US-CA',
  revision: 0,
  categories: { necessary: true, marketing: false },
  services: {},
  optOut: { sale: true, sharing: true, targetedAds: true, sensitive: false },
  gpc: false,
  url: 'https://shop.example/checkout',
}
const event: ConsentEvent = {
  id: 'dlv_01',
  type: 'consent.changed',
  createdAt: '2026-05-01T12:00:00.000Z',
  consentId: record.consentId,
  record,
  previous: { categories: { necessary: true, marketing: true }, services: {}, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, gpc: false },
}
const body = JSON.stringify(event)

describe('signWebhook', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, the same as node:crypto computes', async () => {
    const header = await signWebhook(body, 'whsec_a', NOW)
    const t = NOW / 1000
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', 'whsec_a').update(`${t}.${body}`).digest('hex')}`)
  })

  it('signs with every secret while one rotates: one v1 each, in the order given', async () => {
    const header = await signWebhook(body, ['new', 'old'], NOW)
    const [, a, b] = header.split(',')
    expect(a).toBe('v1=' + createHmac('sha256', 'new').update(`${NOW / 1000}.${body}`).digest('hex'))
    expect(b).toBe('v1=' + createHmac('sha256', 'old').update(`${NOW / 1000}.${body}`).digest('hex'))
  })

  it('bytes and the same text as a string sign the same', async () => {
    expect(await signWebhook(new TextEncoder().encode(body), 's', NOW)).toBe(await signWebhook(body, 's', NOW))
  })

  it('no secret is a developer mistake: a ConsentryError', async () => {
    await expect(signWebhook(body, [], NOW)).rejects.toMatchObject({ code: 'invalid-config' })
    await expect(signWebhook(body, '', NOW)).rejects.toMatchObject({ code: 'invalid-config' })
    await expect(verifyWebhook(body, 't=1,v1=00', [] as string[])).rejects.toMatchObject({ code: 'invalid-config' })
  })
})

describe('verifyWebhook', () => {
  it('a round trip returns the event, parsed and checked', async () => {
    const r = await verifyWebhook(body, await signWebhook(body, 's', NOW), 's', { now: NOW })
    expect(r).toEqual({ ok: true, event })
  })

  it('rotation: a delivery signed with old and new verifies with either secret, and one signed with the old alone with both', async () => {
    const both = await signWebhook(body, ['new', 'old'], NOW)
    expect((await verifyWebhook(body, both, 'new', { now: NOW })).ok).toBe(true)
    expect((await verifyWebhook(body, both, 'old', { now: NOW })).ok).toBe(true)
    expect((await verifyWebhook(body, await signWebhook(body, 'old', NOW), ['new', 'old'], { now: NOW })).ok).toBe(true)
    expect(await verifyWebhook(body, both, 'other', { now: NOW })).toEqual({ ok: false, reason: 'no-valid-signature' })
  })

  it('takes the header as Node (string[]) and Fetch (string | null) give it, and bytes for the body', async () => {
    const header = await signWebhook(body, 's', NOW)
    expect((await verifyWebhook(Buffer.from(body), [header], 's', { now: NOW })).ok).toBe(true)
    expect(await verifyWebhook(body, null, 's', { now: NOW })).toEqual({ ok: false, reason: 'missing-header' })
    expect(await verifyWebhook(body, undefined, 's', { now: NOW })).toEqual({ ok: false, reason: 'missing-header' })
    expect(await verifyWebhook(body, ' ', 's', { now: NOW })).toEqual({ ok: false, reason: 'missing-header' })
    expect(await verifyWebhook(body, [], 's', { now: NOW })).toEqual({ ok: false, reason: 'missing-header' })
  })

  it('refuses a malformed header', async () => {
    const sig = 'a'.repeat(64)
    for (const h of ['garbage', 't=1', `v1=${sig}`, `t=abc,v1=${sig}`, `t=1,t=2,v1=${sig}`, `t=1,v1=xyz`, `t=1,v1=${sig}=`, `t=1,=x,v1=${sig}`, `t=-1,v1=${sig}`, `t=1,v1=${sig},` + `v1=${sig},`.repeat(16) + 'x=1', 't=1,' + 'x'.repeat(5000)])
      expect(await verifyWebhook(body, h, 's', { now: NOW }), h.slice(0, 40)).toEqual({ ok: false, reason: 'malformed-header' })
  })

  it('ignores schemes it does not know beside a valid v1, and spaces after the commas', async () => {
    const header = (await signWebhook(body, 's', NOW)).replace(',', ', v0=abc, ')
    expect((await verifyWebhook(body, header, 's', { now: NOW })).ok).toBe(true)
  })

  it('refuses a tampered body, a wrong secret, a signature moved to another timestamp', async () => {
    const header = await signWebhook(body, 's', NOW)
    expect(await verifyWebhook(body.replace('"sale":true', '"sale":false'), header, 's', { now: NOW })).toEqual({ ok: false, reason: 'no-valid-signature' })
    expect(await verifyWebhook(body + ' ', header, 's', { now: NOW })).toEqual({ ok: false, reason: 'no-valid-signature' })
    expect(await verifyWebhook(body, header, 'S', { now: NOW })).toEqual({ ok: false, reason: 'no-valid-signature' })
    expect(await verifyWebhook(body, header.replace(/t=\d+/, `t=${NOW / 1000 + 1}`), 's', { now: NOW })).toEqual({ ok: false, reason: 'no-valid-signature' })
  })

  it('refuses a timestamp outside the tolerance, too old or too far ahead; the edges are inside', async () => {
    const at = (seconds: number) => signWebhook(body, 's', NOW + seconds * 1000)
    const check = async (seconds: number, options: { toleranceSeconds?: number } = {}) => (await verifyWebhook(body, await at(seconds), 's', { now: NOW, ...options }))
    expect((await check(-300)).ok).toBe(true)
    expect((await check(300)).ok).toBe(true)
    expect(await check(-301)).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' })
    expect(await check(301)).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' })
    expect(await check(-3600)).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' })
    expect((await check(-3600, { toleranceSeconds: 3600 })).ok).toBe(true)
    expect(await check(-1, { toleranceSeconds: 0 })).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' })
  })

  it('refuses an authentic body that is not a valid event, naming the problem', async () => {
    const cases: [string, string][] = [
      ['not json', 'body is not valid JSON'],
      ['[]', 'expected a JSON object'],
      [JSON.stringify({ ...event, type: 'consent.erased' }), 'type: expected consent.changed'],
      [JSON.stringify({ ...event, id: '' }), 'id: expected a delivery id'],
      [JSON.stringify({ ...event, createdAt: 'yesterday' }), 'createdAt: expected an ISO 8601 UTC time'],
      [JSON.stringify({ ...event, record: { ...record, categories: { marketing: 'yes' } } }), 'record: categories: expected an object of ids to true/false'],
      [JSON.stringify({ ...event, consentId: '33333333-3333-4333-8333-333333333333' }), 'record: consentId differs from the event'],
      [JSON.stringify({ ...event, previous: { categories: {} } }), 'previous: expected { categories, services, optOut, gpc }'],
    ]
    for (const [b, detail] of cases) expect(await verifyWebhook(b, await signWebhook(b, 's', NOW), 's', { now: NOW })).toEqual({ ok: false, reason: 'invalid-event', detail })
    const bad = new Uint8Array([0xff, 0xfe])
    expect(await verifyWebhook(bad, await signWebhook(bad, 's', NOW), 's', { now: NOW })).toMatchObject({ ok: false, reason: 'invalid-event' })
    // A body already parsed by a framework: the signature cannot be checked on it.
    expect(await verifyWebhook(event as never, await signWebhook(body, 's', NOW), 's', { now: NOW })).toMatchObject({ ok: false, reason: 'invalid-event' })
  })

  it('a first decision has no previous', async () => {
    const first = JSON.stringify({ ...event, previous: undefined })
    expect(await verifyWebhook(first, await signWebhook(first, 's', NOW), 's', { now: NOW })).toMatchObject({ ok: true, event: { id: 'dlv_01' } })
  })

  it('random headers and bodies: never a throw, never ok without the secret', async () => {
    let seed = 17
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const pieces = ['t=', 'v1=', ',', '=', ' ', String(NOW / 1000), 'a'.repeat(64), '0'.repeat(63), 'f', '\u0000', 'é', 'v0=', '\n']
    const valid = await signWebhook(body, 's', NOW)
    for (let i = 0; i < 400; i++) {
      const header = i % 4 == 0 ? valid.slice(0, rand(valid.length)) + pieces[rand(pieces.length)] : Array.from({ length: rand(12) }, () => pieces[rand(pieces.length)]).join('')
      const b = i % 3 == 0 ? body : body.slice(0, rand(body.length)) + String.fromCharCode(rand(0xffff))
      const forged = i % 5 == 0 ? await signWebhook(b, 'attacker', NOW) : header
      const r = await verifyWebhook(b, forged, 's', { now: NOW })
      if (r.ok) expect(forged).toBe(valid) // only the real signature over the real body passes
      if (r.ok) expect(b).toBe(body)
    }
  })
})
