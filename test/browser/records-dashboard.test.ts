/**
 * The records dashboard in real browsers (Chromium and Firefox ESR), from the
 * built package as users run it: the service on PGlite on 127.0.0.1 with a
 * month of seeded records, the admin logging in through the form, uPlot's
 * charts drawn at a phone's 390 px and a laptop's 1280 px, in light and dark,
 * the tables' numbers equal to `/v1/stats` for the same days, and not one
 * console error or CSP violation on the way.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createRecordsService, nodeListener, openStore, type RecordStore, type RecordsService, type StatsRow } from 'consentry/records'
import { seedRecords } from '../../scripts/dashboard-seed.mjs'
import { BROWSERS, MEDIA_EMULATION, type PageLog, type Tab } from './driver.js'
import { browserSuite } from './suite.js'

const TOKEN = 'dashboard-browser-token-0123456789'
const today = new Date().toISOString().slice(0, 10)
const addDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** Every table on the page as `/v1/stats` rows, read from the cells' data-value (and checked against their text). */
const readTables = (page: Tab) =>
  page.evaluate(() => {
    const out: Record<string, { key: string; values: Record<string, number>; texts: Record<string, string> }[]> = {}
    for (const table of document.querySelectorAll<HTMLTableElement>('table[data-by]'))
      out[table.dataset['by']!] = [...table.tBodies[0]!.rows].map((tr) => {
        const values: Record<string, number> = {}
        const texts: Record<string, string> = {}
        for (const td of tr.querySelectorAll<HTMLElement>('td[data-value]')) {
          values[td.dataset['field']!] = Number(td.dataset['value'])
          texts[td.dataset['field']!] = td.textContent!
        }
        return { key: tr.dataset['key']!, values, texts }
      })
    return out
  })

/** A stats row as the table cells name its numbers. */
const cellsOf = (r: StatsRow): Record<string, number> => ({
  records: r.records,
  ...Object.fromEntries(Object.entries(r.outcomes).map(([k, v]) => [`outcomes.${k}`, v])),
  gpcShare: r.gpcShare,
  ...Object.fromEntries(Object.entries(r.consentRate).map(([k, v]) => [`consentRate.${k}`, v])),
})

// One store of seeded records for both browsers, opened before them and closed after them: opening PGlite is seconds
// of WebAssembly on this process's one thread (4.6 s, and 14 s for the first in a process, measured on a loaded
// machine), once per file instead of once per browser. What a test adds to it (the Webhooks panel's subscription,
// removed with its deliveries at its end, and one record) the tables and /v1/stats both count: every number is
// checked against /v1/stats of the same store, at the same moment.
let store: RecordStore
beforeAll(async () => {
  store = await openStore({ engine: 'pglite' })
  for (const r of seedRecords({ last: today })) await store.insert(r)
}, 240_000)
afterAll(async () => {
  await store?.close()
})

describe.each(BROWSERS)('%s', (browserName) => {
  // Each test opens its tab on its own records service.
  const suite = browserSuite(browserName, { launch: MEDIA_EMULATION, start: () => null })
  let service: RecordsService
  let server: Server
  let base = ''
  let page: Tab
  let log: PageLog

  const stats = async (by: string, from: string, to: string): Promise<StatsRow[]> =>
    (await (await fetch(`${base}/v1/stats?by=${by}&from=${from}&to=${addDay(to)}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).rows

  /** The tables on the page equal /v1/stats for the range its form shows, number by number. */
  const expectTablesEqualStats = async () => {
    const [from, to] = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('form.range input')].map((i) => i.value))
    const tables = await readTables(page)
    expect(Object.keys(tables).sort()).toEqual(['day', 'method', 'region'])
    for (const by of ['day', 'region', 'method']) {
      const rows = await stats(by, from!, to!)
      expect(rows.length).toBeGreaterThan(1)
      expect([by, tables[by]!.map((r) => r.key)]).toEqual([by, rows.map((r) => r.key)])
      for (const [i, r] of rows.entries()) {
        expect([by, r.key, tables[by]![i]!.values]).toEqual([by, r.key, cellsOf(r)])
        expect(tables[by]![i]!.texts['gpcShare']).toBe(`${(r.gpcShare * 100).toFixed(1)} %`)
      }
    }
    const total = (await stats('day', from!, to!)).reduce((n, r) => n + r.records, 0)
    expect(await page.locator('[data-total=records]').textContent()).toBe(String(total))
  }

  /** Every chart has a uPlot canvas with a size, as wide as its column, and the page does not scroll sideways. */
  const expectChartsDrawn = async (width: number) => {
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((el) => {
        const canvas = el.querySelector('.uplot canvas')?.getBoundingClientRect()
        return { name: el.dataset['chart'], column: el.clientWidth, canvas: canvas && { width: canvas.width, height: canvas.height } }
      }),
    )
    expect(charts.map((c) => c.name)).toEqual(['consent-rate', 'records', 'gpc-share', 'region', 'method'])
    for (const c of charts) {
      expect(c.canvas, c.name).toBeTruthy()
      expect(c.canvas!.height, c.name).toBeGreaterThan(100)
      expect(c.canvas!.width, c.name).toBeGreaterThan(width * 0.6)
      expect(c.canvas!.width, c.name).toBeLessThanOrEqual(c.column + 1)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
  }

  const onDashboard = () => page.evaluate(() => !!document.getElementById('dashboard-data')).catch(() => false)
  const logIn = async () => {
    await page.goto(`${base}/dashboard`)
    await page.locator('#token').waitFor()
    await page.evaluate((token) => void ((document.getElementById('token') as HTMLInputElement).value = token), TOKEN)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect.poll(onDashboard, { timeout: 15_000 }).toBe(true)
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] .uplot canvas').length == 5, undefined, { timeout: 15_000 })
  }

  // A service per test over the one store (it stays open: the store is ours): each test logs in afresh, and the
  // login limit (5 at once, then 10 a minute for one address, all 127.0.0.1 here) is not shared across tests.
  const stopService = async () => {
    server?.closeAllConnections()
    await new Promise((ok) => server?.close(ok))
    await service?.close()
  }
  // The tab first, so that nothing it asks the stopped service reaches its console.
  afterEach(async () => {
    await page?.close()
    await stopService()
  })
  beforeEach(async () => {
    // No webhook deliverer: the Webhooks panel's test makes its dead letter by hand.
    service = createRecordsService({ store, adminToken: TOKEN, prune: false, rateLimit: false, webhooks: false })
    server = createServer(nodeListener(service))
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    page = await suite.visit(`${base}/dashboard`)
    log = suite.log
    // A CSP violation is a console error, which fails the test below.
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)))
  })

  for (const width of [1280, 390]) {
    it(`at ${width} px: the admin logs in through the form, sees every chart drawn and tables equal to /v1/stats (last 30 days), in light and dark`, async () => {
      await page.setViewportSize({ width, height: 900 })
      await page.emulateMedia({ colorScheme: 'light' })
      await logIn()
      const cookie = (await page.context().cookies(`${base}/dashboard`)).find((c) => c.name == 'consentry_dashboard')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/dashboard' })
      expect(await page.evaluate(() => document.cookie)).toBe('')
      expect(await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('form.range input')].map((i) => i.value))).toEqual([
        new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10),
        today,
      ])
      await expectChartsDrawn(width)
      await expectTablesEqualStats()
      const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      await page.emulateMedia({ colorScheme: 'dark' })
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(light)
      await expectChartsDrawn(width)
    })
  }

  it('the date range picker shows another range, its numbers still those of /v1/stats; a resize redraws the charts to the new width', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await logIn()
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 9 * 86_400_000).toISOString().slice(0, 10)
    await page.evaluate((from) => void ((document.querySelector('input[name=from]') as HTMLInputElement).value = from), from)
    await page.getByRole('button', { name: 'Show' }).click()
    await expect.poll(() => page.evaluate(() => location.search).catch(() => '')).toBe(`?from=${from}&to=${today}`)
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] .uplot canvas').length == 5)
    await expectTablesEqualStats()
    expect((await readTables(page))['day']!.length).toBe(10)
    await page.setViewportSize({ width: 600, height: 900 })
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-chart=records] .uplot canvas')!.getBoundingClientRect().width)).toBeLessThan(600)
    await expectChartsDrawn(600)
  })

  it('the Webhooks panel: Replay on a dead letter queues it again, a form POST from the page itself', async () => {
    const { id: sub } = await store.webhooks.add({ url: 'https://crm.example/hooks/consent' })
    const id = crypto.randomUUID()
    await store.insert({ ...seedRecords({ last: today })[0]!, id, consentId: crypto.randomUUID(), updatedAt: new Date().toISOString() })
    const [dead] = await store.webhooks.claim(1, 1000, Date.now() + 1000)
    await store.webhooks.settle(dead!.id, { delivered: false, error: 'HTTP 503', next: null })
    await logIn()
    const row = page.locator(`tr[data-delivery="${dead!.id}"]`)
    expect(await row.textContent()).toContain('HTTP 503')
    await row.getByRole('button', { name: 'Replay' }).click()
    await expect.poll(() => page.locator('#webhooks ~ .notice').textContent().catch(() => null), { timeout: 15_000 }).toBe('Queued again: it is sent at once.')
    expect((await store.webhooks.deliveries({ subscription: sub })).map((d) => [d.id, d.state])).toEqual([[dead!.id, 'pending']])
    expect(await page.locator(`tr[data-subscription="${sub}"] [data-field=dead]`).textContent()).toBe('0')
    await store.webhooks.remove(sub)
  })

  it('a wrong token gets the form again with the error; logging out ends the session', async () => {
    await page.goto(`${base}/dashboard`)
    await page.evaluate(() => void ((document.getElementById('token') as HTMLInputElement).value = 'wrong-token'))
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect.poll(() => page.locator('.error').textContent().catch(() => null)).toBe('Wrong token.')
    // The browser reports the 401 answer to the form's POST as a failed load; nothing else may be logged.
    log.errors.splice(0, log.errors.length, ...log.errors.filter((e) => !/401|Failed to load resource/i.test(e)))
    await logIn()
    await page.getByRole('button', { name: 'Log out' }).click()
    await expect.poll(() => page.locator('#token').count().catch(() => 0)).toBe(1)
    expect(await page.evaluate(async () => (await fetch('/dashboard/data')).status)).toBe(401)
    log.errors.splice(0, log.errors.length, ...log.errors.filter((e) => !/401|Failed to load resource/i.test(e)))
  })
})
