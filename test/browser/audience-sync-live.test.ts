/**
 * The demo's audience sync live: its subscription through the records service's
 * admin API, and its page in real browsers under the demo's CSP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAudienceSync, WEBHOOK_PATH } from '../../demo/audience-sync.mjs'
import { BROWSERS } from './driver.js'
import { browserSuite } from './suite.js'
import { NO_OPT_OUT, eventOf, recordOf, startDemo, stopDemo, uuid, type Demo } from './audience-sync-fixtures.js'

const { signWebhook } = await import('consentry/server')

// One demo server for the first test and both browsers' pages, started before them and stopped after them: a start
// on a fresh data directory is seconds of PGlite creating its database on this process's one thread (7.7 s for the
// first in a process, 4.8 s for the next, measured), once per file instead of three times. The first test is the
// file's first, so it sees the demo as started (a new subscription, nothing logged, no visitor; it fails, not passes,
// if anything came before it); each page's test starts from an empty receiver (see clear below). The restart test
// starts and stops demos of its own.
let fileDemo: Demo | undefined
beforeAll(async () => {
  fileDemo = await startDemo()
  // Its pages are visited once it has subscribed: until then PGlite keeps the server from answering.
  await fileDemo.server.audienceSync.ready
})
afterAll(() => stopDemo(fileDemo))
const demoOfFile = (): Demo => {
  if (!fileDemo) throw new Error('no demo server: the file-level beforeAll did not run')
  return fileDemo
}

describe('the audience sync subscribes itself through the admin API', () => {
  const admin = async (demo: Demo, path: string) =>
    (await fetch(`http://127.0.0.1:${demo.port}${path}`, { headers: { authorization: `Bearer ${demo.server.records.adminToken}` } })).json()
  const hooks = async (demo: Demo) => ((await admin(demo, '/v1/webhooks')) as { subscriptions: { id: string; url: string }[] }).subscriptions

  // A demo start opens PGlite on a data directory: seconds each on a loaded machine, so these tests get more than 30 s.
  it('a decision posted to the demo’s records service reaches the receiver, signed, and shows with its fields', { timeout: 60_000 }, async () => {
    const demo = demoOfFile()
    const subscription = await demo.server.audienceSync.ready
    expect(subscription).toMatchObject({ state: 'subscribed', reused: false, url: `http://127.0.0.1:${demo.port}${WEBHOOK_PATH}` })
    expect(demo.lines).toEqual([])
    const id = uuid('ffffffff')
    const post = (record: object) => fetch(`http://127.0.0.1:${demo.port}/v1/consent`, { method: 'POST', body: JSON.stringify(record), headers: { 'content-type': 'application/json' } })
    expect((await post(recordOf(id, { updatedAt: new Date(Date.now() - 1000).toISOString() }))).status).toBe(204)
    expect((await post(recordOf(id, { mode: 'opt-out', jurisdiction: 'US-CA', optOut: { ...NO_OPT_OUT, sale: true, sharing: true }, updatedAt: new Date().toISOString() }))).status).toBe(204)
    const view = async () => (await (await fetch(`http://127.0.0.1:${demo.port}/api/audience-sync`)).json()) as import('../../demo/audience-sync.mjs').AudienceView
    await expect.poll(async () => (await view()).counts.applied, { timeout: 20_000 }).toBe(2)
    const v = await view()
    expect(v.counts).toMatchObject({ refused: 0, duplicates: 0 })
    expect(v.visitors).toMatchObject([{ consentId: id, firstDecision: false, optOut: { sale: true }, fields: { meta: { data_processing_options: ['LDU'], data_processing_options_state: 1000 }, googleAds: null }, mayUpload: { meta: false, google: false } }])
  })

  it('is idempotent across demo restarts: the same url keeps its subscription (rotated to the new secret), another port replaces it', { timeout: 90_000 }, async () => {
    const first = await startDemo()
    const dataDir = first.server.records.dataDir
    const { id } = (await first.server.audienceSync.ready) as { id: string }
    const port = first.port
    await stopDemo(first, { keepData: true })
    // The same port again: the subscription is kept, and deliveries verify with this run's secret.
    const again = await startDemo(dataDir, port)
    try {
      expect(await again.server.audienceSync.ready).toEqual({ state: 'subscribed', id, url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, reused: true })
      expect((await hooks(again)).map((s) => s.id)).toEqual([id])
      const consentId = uuid('ffffffff')
      await fetch(`http://127.0.0.1:${port}/v1/consent`, { method: 'POST', body: JSON.stringify(recordOf(consentId)), headers: { 'content-type': 'application/json' } })
      await expect.poll(async () => (await again.server.audienceSync.receiver.view()).counts.applied, { timeout: 20_000 }).toBe(1)
    } finally {
      await stopDemo(again, { keepData: true })
    }
    // Another port: one subscription still, at the new url.
    const moved = await startDemo(dataDir)
    try {
      const now = await moved.server.audienceSync.ready
      expect(now).toMatchObject({ state: 'subscribed', reused: false })
      expect(await hooks(moved)).toMatchObject([{ url: `http://127.0.0.1:${moved.port}${WEBHOOK_PATH}` }])
      expect((await hooks(moved))[0]!.id).not.toBe(id)
    } finally {
      await stopDemo(moved)
    }
  })

  it('a records service without webhooks (404) leaves it idle, with one log line', async () => {
    const lines: string[] = []
    const calls: string[] = []
    const older = { fetch: async (r: Request) => (calls.push(`${r.method} ${new URL(r.url).pathname}`), Response.json({ error: 'not found' }, { status: 404 })) }
    const sync = createAudienceSync()
    expect(await sync.subscribe(older, 'token', 'http://127.0.0.1:1/audience-sync/webhook', (l) => lines.push(l))).toEqual({ state: 'unavailable', url: 'http://127.0.0.1:1/audience-sync/webhook' })
    expect(calls).toEqual(['GET /v1/webhooks'])
    expect(lines).toEqual(['audience sync: this records service has no webhooks (GET /v1/webhooks: 404), so the receiver gets no deliveries'])
  })
})

describe.each(BROWSERS)('%s: the audience-sync page', (browserName) => {
  let demo: Demo
  // Before the suite's own beforeEach, which opens the visitor's tab: the receiver is emptied first.
  beforeEach(() => {
    demo = demoOfFile()
    // The file's demo, as a fresh one for this page: no visitor in the receiver (what the demo's "erase all records"
    // does to it), so the page starts with none and shows this test's delivery alone.
    demo.server.audienceSync.receiver.clear()
  })
  const suite = browserSuite(browserName, { start: () => `http://127.0.0.1:${demo.port}/records.html` })

  it('lists each visitor with the fields, as text, and updates when a change arrives; no CSP violation', { timeout: 60_000 }, async () => {
    const { page: tab, log } = suite
    await tab.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)))
    await tab.locator('#audience-sync-link').click()
    await tab.waitForFunction(() => document.documentElement.dataset.loaded == '0')
    expect(await tab.locator('#visitors tbody').textContent()).toContain('No deliveries yet')
    const id = uuid('eeeeeeee')
    const event = eventOf(id, recordOf(id, { mode: 'opt-out', jurisdiction: 'US-CA', optOut: { ...NO_OPT_OUT, sale: true, sharing: true } }))
    const body = JSON.stringify(event)
    const res = await fetch(`http://127.0.0.1:${demo.port}${WEBHOOK_PATH}`, { method: 'POST', body, headers: { 'consentry-signature': await signWebhook(body, demo.server.audienceSync.secret), 'consentry-delivery': event.id } })
    expect(res.status).toBe(200)
    const row = tab.locator(`#visitors tr[data-consent-id="${id}"]`)
    await row.waitFor({ timeout: 10_000 })
    expect(await row.locator('td.meta div').allTextContents()).toEqual(['data_processing_options: ["LDU"]', 'data_processing_options_country: 1', 'data_processing_options_state: 1000', 'opt_out: true'])
    expect(await row.locator('td.google div').allTextContents()).toEqual(['Ads API:', 'not sent', 'Data Manager API:', 'not sent'])
    expect(await row.locator('td.upload').textContent()).toBe('Meta: leave outGoogle: leave out')
    expect(await row.locator('td.signals').textContent()).toBe('no GPCopted out: sale, sharing')
    expect(await tab.locator('#subscription').textContent()).not.toBe('')
    expect(log.errors).toEqual([])
  })
})
