/**
 * The demo's audience-sync receiver (demo/audience-sync.mjs) as the demo
 * server runs it: signed deliveries posted to it over loopback, refused or
 * applied as a site's backend would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { CSP } from '../../demo/server.mjs'
import { WEBHOOK_PATH } from '../../demo/audience-sync.mjs'
import { NO_OPT_OUT, eventOf, recordOf, startDemo, stopDemo, uuid, type Demo } from './audience-sync-fixtures.js'

const { signWebhook } = await import('consentry/server')

describe('the audience-sync receiver in the demo server', () => {
  let demo: Demo
  const url = (path: string) => `http://127.0.0.1:${demo.port}${path}`
  /** Posts a delivery as the records service does: the exact body, its signature and delivery id. */
  const deliver = async (event: { id: string }, { secret = demo.server.audienceSync.secret, body = JSON.stringify(event), at = Date.now(), headers = {} as Record<string, string> } = {}) => {
    const res = await fetch(url(WEBHOOK_PATH), {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'consentry-signature': await signWebhook(body, secret, at), 'consentry-delivery': event.id, 'consentry-event': 'consent.changed', ...headers },
    })
    return [res.status, await res.text()] as const
  }
  const view = async () => (await (await fetch(url('/api/audience-sync'))).json()) as import('../../demo/audience-sync.mjs').AudienceView
  const visitor = async (consentId: string) => (await view()).visitors.find((v) => v.consentId == consentId)

  beforeAll(async () => {
    demo = await startDemo()
    await demo.server.audienceSync.ready
  })
  afterAll(() => stopDemo(demo))

  it('shows each visitor with the Meta and Google fields platformFields gives, and whether mayUpload lets them into an audience', async () => {
    const optIn = uuid('aaaaaaaa')
    const usOptOut = uuid('aaaaaaaa')
    const refused = uuid('aaaaaaaa')
    const gpc = uuid('aaaaaaaa')
    const cases: [string, object][] = [
      [optIn, recordOf(optIn)],
      [usOptOut, recordOf(usOptOut, { mode: 'opt-out', jurisdiction: 'US-CA', categories: { necessary: true, marketing: false }, optOut: { ...NO_OPT_OUT, sale: true, sharing: true, targetedAds: true } })],
      [refused, recordOf(refused, { categories: { necessary: true, analytics: false, marketing: false } })],
      [gpc, recordOf(gpc, { mode: 'opt-out', jurisdiction: 'US-CO', gpc: true })],
    ]
    for (const [id, record] of cases) expect(await deliver(eventOf(id, record))).toEqual([200, 'applied'])

    expect(await visitor(optIn)).toMatchObject({
      firstDecision: true,
      decision: { method: 'banner', jurisdiction: 'DE', categories: { marketing: true } },
      fields: {
        meta: { data_processing_options: [], opt_out: false },
        googleAds: { consent: { adUserData: 'GRANTED' } },
        googleDataManager: { consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' } },
      },
      mayUpload: { meta: true, google: true },
    })
    // A Californian who opted out: Meta's Limited Data Use for California (1, 1000), nothing to Google, no audience.
    expect(await visitor(usOptOut)).toMatchObject({
      optOut: { sale: true, sharing: true },
      fields: { meta: { data_processing_options: ['LDU'], data_processing_options_country: 1, data_processing_options_state: 1000, opt_out: true }, googleAds: null, googleDataManager: null },
      mayUpload: { meta: false, google: false },
    })
    expect(await visitor(refused)).toMatchObject({ fields: { meta: null, googleAds: null, googleDataManager: null }, mayUpload: { meta: false, google: false } })
    // GPC in Colorado is an opt-out even with marketing granted: LDU for Colorado (1001), and left out of audiences.
    expect(await visitor(gpc)).toMatchObject({ gpc: true, fields: { meta: { data_processing_options: ['LDU'], data_processing_options_state: 1001 }, googleAds: null }, mayUpload: { meta: false, google: false } })
  })

  it('refuses a tampered body, a wrong secret, an old timestamp, a missing header and a delivery id that is not the event’s, with 400 and the reason; keeps none', async () => {
    const id = uuid('bbbbbbbb')
    const event = eventOf(id, recordOf(id))
    const body = JSON.stringify(event)
    const signature = await signWebhook(body, demo.server.audienceSync.secret)
    const post = async (b: string, headers: Record<string, string>) => {
      const res = await fetch(url(WEBHOOK_PATH), { method: 'POST', body: b, headers: { 'content-type': 'application/json', ...headers } })
      return [res.status, await res.text()]
    }
    const before = (await view()).counts.refused
    expect(await post(body.replace('"marketing":true', '"marketing":false'), { 'consentry-signature': signature })).toEqual([400, 'no-valid-signature'])
    expect(await deliver(event, { secret: 'whsec_not-the-demos' })).toEqual([400, 'no-valid-signature'])
    expect(await deliver(event, { at: Date.now() - 301_000 })).toEqual([400, 'timestamp-outside-tolerance'])
    expect(await post(body, { 'consentry-delivery': event.id })).toEqual([400, 'missing-header'])
    expect(await post(body, { 'consentry-signature': 't=1,v1=zz' })).toEqual([400, 'malformed-header'])
    expect(await deliver(event, { headers: { 'consentry-delivery': 'dlv_other' } })).toEqual([400, 'delivery-id-mismatch: Consentry-Delivery differs from the event id'])
    const bad = { ...event, record: { ...event.record, categories: { marketing: 'yes' } } }
    expect(await deliver(bad)).toEqual([400, 'invalid-event: record: categories: expected an object of ids to true/false'])
    const after = await view()
    expect(after.counts.refused - before).toBe(7)
    expect(after.refusals.slice(0, 7).map((r) => r.reason.split(':')[0])).toEqual(['invalid-event', 'delivery-id-mismatch', 'malformed-header', 'missing-header', 'timestamp-outside-tolerance', 'no-valid-signature', 'no-valid-signature'])
    expect(await visitor(id)).toBeUndefined()
    // Too big to be an event: refused unread.
    expect((await fetch(url(WEBHOOK_PATH), { method: 'POST', body: 'x'.repeat(70_000) })).status).toBe(413)
  })

  it('drops a repeat by its delivery id (a retry, signed anew), keeps the latest change per visitor, and ignores an older one replayed late', async () => {
    const id = uuid('cccccccc')
    const first = eventOf(id, recordOf(id), '2026-05-01T12:00:00.000Z')
    const second = eventOf(id, recordOf(id, { categories: { necessary: true, marketing: false }, method: 'preferences' }), '2026-05-01T12:05:00.000Z', { categories: { necessary: true, marketing: true }, services: {}, optOut: NO_OPT_OUT, gpc: false })
    const before = (await view()).counts
    expect(await deliver(first)).toEqual([200, 'applied'])
    expect(await deliver(first, { at: Date.now() + 2000 })).toEqual([200, 'duplicate: already applied'])
    expect(await deliver(second)).toEqual([200, 'applied'])
    expect(await visitor(id)).toMatchObject({ deliveryId: second.id, firstDecision: false, decision: { method: 'preferences' }, fields: { meta: null }, mayUpload: { meta: false } })
    // A dead delivery of an older change, replayed after the newer one arrived: acknowledged, not applied.
    const older = eventOf(id, recordOf(id, { method: 'api' }), '2026-05-01T11:59:00.000Z')
    expect(await deliver(older)).toEqual([200, 'older than the change already applied'])
    expect(await visitor(id)).toMatchObject({ deliveryId: second.id })
    const after = (await view()).counts
    expect([after.applied - before.applied, after.duplicates - before.duplicates, after.stale - before.stale]).toEqual([2, 1, 1])
  })

  it('"Erase all records" forgets the visitors too', async () => {
    const id = uuid('dddddddd')
    await deliver(eventOf(id, recordOf(id)))
    expect(await visitor(id)).toBeDefined()
    expect((await fetch(url('/api/records'), { method: 'DELETE' })).status).toBe(204)
    expect((await view()).visitors).toEqual([])
  })

  it('the page is served under the demo CSP, with no inline script or style, and the records page links to it', async () => {
    const res = await fetch(url('/audience-sync.html'))
    expect([res.status, res.headers.get('content-security-policy')]).toEqual([200, CSP])
    const source = readFileSync(new URL('../../demo/audience-sync.html', import.meta.url), 'utf8')
    expect([...source.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)]).toEqual([])
    expect(source).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i)
    expect(readFileSync(new URL('../../demo/audience-sync.js', import.meta.url), 'utf8')).not.toMatch(/innerHTML|insertAdjacentHTML|eval\(|new Function/)
    expect(readFileSync(new URL('../../demo/records.html', import.meta.url), 'utf8')).toContain('href="/audience-sync.html"')
  })
})
