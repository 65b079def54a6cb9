/**
 * Load and leaks in real Chromium and Firefox ESR (part of issue #7): a
 * 200-script page with 50 blocked iframes (activation time reported), and
 * 1,000 open/close cycles of the preferences centre with the memory measured
 * after forced garbage collection — by CDP in Chromium, by Firefox's own
 * memory reporters (about:memory) in Firefox.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import { firefoxHeap, SYSTEM_ACCESS } from './firefox-heap.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { configBlock } from './pages.js'

const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] }
const KB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName, { launch: SYSTEM_ACCESS, ownBrowser: true })
  let server: TestServer
  let session: Session
  let page: Tab
  let log: PageLog

  beforeAll(async () => {
    ;({ server, session } = suite)
    server.route('/stress/frame.html', { body: '<!doctype html><title>f</title>' })
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  describe('load and leaks', () => {
    it('a page with 200 blocked scripts and 50 blocked iframes: all run, in order, once consent comes', async () => {
      const scripts = Array.from({ length: 200 }, (_, i) => `<script type="text/plain" data-consent="analytics">window.ran = (window.ran || []); ran.push(${i})</script>`).join('\n')
      const frames = Array.from({ length: 50 }, (_, i) => `<iframe title="f${i}" width="40" height="20" data-consent="analytics" data-src="/stress/frame.html?${i}"></iframe>`).join('\n')
      const url = server.route('/stress/page.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stress</title>${configBlock(CONFIG)}<script src="/dist/consentry.min.js"></script></head><body>${scripts}${frames}</body></html>`,
      })
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
      console.log(`[stress] ${browserName} activation of 200 scripts and 50 iframes: ${ms.toFixed(1)} ms`)
      expect(ms).toBeLessThan(2000)
    })

    it('1,000 open/close cycles of the preferences centre do not grow the heap', async () => {
      const url = server.route('/stress/prefs.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>prefs</title>${configBlock(CONFIG)}<script src="/dist/consentry.min.js"></script></head><body><p>page</p></body></html>`,
      })
      await page.goto(url)
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
      /**
       * Bytes in use after forced GC. Chromium: the page's JS heap (CDP). Firefox: the content
       * process's JS GC heap, and what about:memory attributes to the tab's window: its live data
       * (DOM, style, JS objects), and everything (also compiled code, which grows as the JITs warm up).
       */
      const heap = async (): Promise<{ js: number; nodes?: number; listeners?: number; window?: number; windowData?: number; parts?: Record<string, number> }> => {
        if (browserName === 'chromium') {
          const cdp = await page.page.createCDPSession()
          await cdp.send('HeapProfiler.collectGarbage')
          await cdp.send('HeapProfiler.collectGarbage')
          const { usedSize } = await cdp.send('Runtime.getHeapUsage')
          // Blink's own count of live DOM nodes and JS event listeners, after that collection (the
          // JS heap figure holds only the nodes' wrappers: a kept dialog is mostly DOM).
          const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters')
          await cdp.detach()
          return { js: usedSize, nodes, listeners: jsEventListeners }
        }
        const h = await firefoxHeap(session, url)
        return { js: h.gcHeapUsed, window: h.window, windowData: h.windowData, parts: h.parts }
      }
      const t0 = Date.now()
      await cycles(50) // Warm up: the module loaded, caches filled.
      console.log(`[stress] ${browserName} 50 cycles: ${Date.now() - t0} ms`)
      const before = await heap()
      const t1 = Date.now()
      await cycles(1000)
      const t2 = Date.now()
      // Garbage still in flight (a late task, a deferred collection on a busy machine) settles if
      // measured again; a leak does not. So while a figure is over budget, measure again (at most
      // 4 more times, 0.5 s apart) and keep the lowest of each figure.
      const BUDGET = 512 * 1024
      // Firefox's window data also holds DOM nodes that only the cycle collector frees ("orphan-nodes"); on a loaded
      // machine some are still there after three GC/CC rounds and five measurements (621 KB once in a full run
      // beside the other browser's files; 161 KB alone). 1 MB over 1,000 cycles is still 1 KB a cycle: one dialog
      // kept per cycle, tens of KB each, would be tens of MB.
      const DATA_BUDGET = 1024 * 1024
      const over = (h: Awaited<ReturnType<typeof heap>>) =>
        h.js - before.js >= BUDGET || (h.windowData !== undefined && h.windowData - before.windowData! >= DATA_BUDGET) ||
        (h.nodes !== undefined && (h.nodes - before.nodes! >= 100 || h.listeners! - before.listeners! >= 100))
      let after = await heap()
      let measured = 1
      for (; measured < 5 && over(after); measured++) {
        await page.waitForTimeout(500)
        const again = await heap()
        after = {
          js: Math.min(after.js, again.js),
          nodes: again.nodes === undefined ? undefined : Math.min(after.nodes!, again.nodes),
          listeners: again.listeners === undefined ? undefined : Math.min(after.listeners!, again.listeners),
          window: again.window === undefined ? undefined : Math.min(after.window!, again.window),
          windowData: again.windowData === undefined ? undefined : Math.min(after.windowData!, again.windowData),
          parts: again.windowData !== undefined && again.windowData < after.windowData! ? again.parts : after.parts,
        }
      }
      const grown = (b: Record<string, number>, a: Record<string, number>) =>
        [...new Set([...Object.keys(b), ...Object.keys(a)])]
          .map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)] as const)
          .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]))
          .slice(0, 3)
          .map(([k, d]) => `${d < 0 ? '' : '+'}${KB(d)} ${k}`)
          .join(', ')
      const figure = (name: string, b: number, a: number) => `${name}: ${KB(b)} before, ${KB(a)} after 1,000 cycles (${KB(a - b)})`
      console.log(
        `[stress] ${browserName} 1,000 cycles in ${t2 - t1} ms; after forced GC (${measured} measurement${measured > 1 ? 's' : ''} after), ` +
          (browserName === 'chromium'
            ? [
                figure('JS heap (CDP Runtime.getHeapUsage)', before.js, after.js),
                `DOM nodes (CDP Memory.getDOMCounters): ${before.nodes} before, ${after.nodes} after`,
                `JS event listeners: ${before.listeners} before, ${after.listeners} after`,
              ].join('; ')
            : [
                figure('content-process JS GC heap (about:memory js-main-runtime-gc-heap used)', before.js, after.js),
                figure('tab window live data (DOM, style, JS objects; no compiled code, no free GC cells)', before.windowData!, after.windowData!),
                figure('tab window, everything (also compiled code and free GC cells)', before.window!, after.window!),
                `largest changes in the tab window: ${grown(before.parts!, after.parts!)}`,
              ].join('; ')),
      )
      // A leak of even one dialog per cycle (tens of KB each) would show as megabytes.
      expect(after.js - before.js).toBeLessThan(BUDGET)
      // Firefox also sees DOM nodes and styles that a leak would keep (the JS heap figure holds only their wrappers).
      if (browserName === 'firefox') expect(after.windowData! - before.windowData!).toBeLessThan(DATA_BUDGET)
      // Chromium counts the nodes and listeners themselves: one dialog kept per cycle would be a thousand dialogs'
      // worth (hundreds of nodes each); a few dozen either way is the page's own churn.
      if (browserName === 'chromium') {
        expect(after.nodes! - before.nodes!).toBeLessThan(100)
        expect(after.listeners! - before.listeners!).toBeLessThan(100)
      }
    }, 120_000)
  })
})
