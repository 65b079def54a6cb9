/**
 * The demo as a visitor uses it: served by demo/server.mjs under its strict CSP,
 * driven by clicks in Chromium. Also checks the server cannot be walked out of its roots.
 */
import { request, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoServer, listen } from '../../demo/server.mjs'
import { launchChromium, watch, type Chromium } from './harness.js'
import type { Snapshot } from './pages.js'

let server: Server
let port: number
let chromium: Chromium

beforeAll(async () => {
  server = createDemoServer()
  port = await listen(server, 0)
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
  server?.closeAllConnections()
  await new Promise((ok) => server?.close(ok))
})

/** GETs `path` byte for byte: fetch() would normalise `..` away before sending. */
const rawGet = (path: string): Promise<{ status: number; type: string }> =>
  new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume()
      ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) })
    })
      .on('error', fail)
      .end()
  })

describe('demo', () => {
  it('prints the decision after Accept all, under a strict CSP', async () => {
    const page = await chromium.context.newPage()
    const log = watch(page)
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`))
    })
    await page.goto(`http://127.0.0.1:${port}/`)
    const printed = async (): Promise<Snapshot> => JSON.parse((await page.locator('#snapshot').textContent()) ?? '')
    expect(await printed()).toMatchObject({ decided: false, revision: 1 })

    await page.getByRole('button', { name: 'Accept all' }).click()
    await expect.poll(async () => (await printed()).decided, { timeout: 2000 }).toBe(true)
    expect(await printed()).toMatchObject({ categories: { analytics: true, marketing: true }, services: { posthog: true } })

    await page.getByRole('button', { name: 'Reset' }).click()
    await expect.poll(async () => (await printed()).decided, { timeout: 2000 }).toBe(false)
    expect(log.errors).toEqual([])
  })

  it('serves the demo, dist and correct content types', async () => {
    expect(await rawGet('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/demo.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(await rawGet('/demo.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8' })
    expect(await rawGet('/dist/consentry.min.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
  })

  it.each([
    '/../package.json',
    '/dist/../package.json',
    '/dist/..%2fpackage.json',
    '/dist/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/dist/%00',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect((await rawGet(path)).status).toBe(404)
  })
})
