/**
 * Load and leaks in real Chromium (part of issue #7): a 200-script page with
 * 50 blocked iframes (activation time reported), and 1,000 open/close cycles
 * of the preferences centre with the heap measured after forced GC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshVisitor, launchChromium, startServer, watch, type Chromium, type TestServer } from './harness.js'
import { configBlock } from './pages.js'

let server: TestServer
let chromium: Chromium

beforeAll(async () => {
  server = await startServer()
  chromium = await launchChromium()
  server.route('/stress/frame.html', { body: '<!doctype html><title>f</title>' })
})
afterAll(async () => {
  await chromium?.close()
  await server?.close()
})

const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] }

describe('load and leaks', () => {
  it('a page with 200 blocked scripts and 50 blocked iframes: all run, in order, once consent comes', async () => {
    const scripts = Array.from({ length: 200 }, (_, i) => `<script type="text/plain" data-consent="analytics">window.ran = (window.ran || []); ran.push(${i})</script>`).join('\n')
    const frames = Array.from({ length: 50 }, (_, i) => `<iframe title="f${i}" width="40" height="20" data-consent="analytics" data-src="/stress/frame.html?${i}"></iframe>`).join('\n')
    const url = server.route('/stress/page.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stress</title>${configBlock(CONFIG)}<script src="/dist/consentry.min.js"></script></head><body>${scripts}${frames}</body></html>`,
    })
    const page = await freshVisitor(chromium.context, server.origin)
    const log = watch(page)
    await page.goto(url)
    const ms = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const t0 = performance.now()
          Consentry.acceptAll()
          const check = () => {
            const ok = ((window as any).ran?.length ?? 0) == 200 && [...document.querySelectorAll('iframe')].every((f) => f.hasAttribute('src'))
            ok ? done(performance.now() - t0) : requestAnimationFrame(check)
          }
          check()
        }),
    )
    expect(await page.evaluate(() => (window as any).ran)).toEqual(Array.from({ length: 200 }, (_, i) => i))
    console.log(`[stress] activation of 200 scripts and 50 iframes: ${ms.toFixed(1)} ms`)
    expect(ms).toBeLessThan(2000)
    expect(log.errors).toEqual([])
  })

  it('1,000 open/close cycles of the preferences centre do not grow the heap', async () => {
    const url = server.route('/stress/prefs.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>prefs</title>${configBlock(CONFIG)}<script src="/dist/consentry.min.js"></script></head><body><p>page</p></body></html>`,
    })
    const page = await freshVisitor(chromium.context, server.origin)
    const log = watch(page)
    await page.goto(url)
    const cdp = await chromium.context.newCDPSession(page)
    const cycles = (n: number) =>
      page.evaluate(async (n) => {
        const root = () => document.querySelector('[data-consentry]')!.shadowRoot!
        const until = (ok: () => boolean) => new Promise<void>((r) => (function poll() { ok() ? r() : setTimeout(poll, 0) })())
        for (let i = 0; i < n; i++) {
          Consentry.showPreferences()
          await until(() => !!root().querySelector('[part=preferences]'))
          Consentry.hide()
          await until(() => !root().querySelector('[part=preferences]'))
        }
      }, n)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }
    const t0 = Date.now()
    await cycles(50) // Warm up: the module loaded, caches filled.
    console.log(`[stress] 50 cycles: ${Date.now() - t0} ms`)
    const before = await heap()
    await cycles(1000)
    const after = await heap()
    console.log(`[stress] heap after GC: ${(before / 1024).toFixed(0)} KB before, ${(after / 1024).toFixed(0)} KB after 1,000 cycles (${((after - before) / 1024).toFixed(0)} KB)`)
    // A leak of even one dialog per cycle (tens of KB each) would show as megabytes.
    expect(after - before).toBeLessThan(512 * 1024)
    expect(log.errors).toEqual([])
  }, 120_000)
})
