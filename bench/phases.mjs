// How Consentry's script time splits, in the bench's conditions (headless Chromium, 4× CPU,
// fresh contexts, interleaved): the page without it; the script without a config (parse,
// compile and top level only: nothing starts); a returning visit; the same page running the
// script a second time (V8's compilation cache makes the second run's compile nearly free, so
// its extra time is the start-up's own work); and the browser calls start-up cannot avoid,
// each timed on its first use in a fresh page: document.cookie, localStorage, sessionStorage,
// navigator.cookieEnabled, Date#toISOString. Prints medians (docs/speed.md quotes a run).
//
//   node bench/phases.mjs [--runs 9]      (after npm run build)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CONSENTRY_TARGET, CPU_THROTTLE, HERE, VIEWPORT, decide, launch, quantile, startServer, visit } from './lib.mjs'
import { marketingPage, pageWith } from './page.mjs'

const RUNS = Number(parseArgs({ options: { runs: { type: 'string', default: '9' } } }).values.runs)
const script = '<script src="/dist/consentry.min.js"></script>'
const firstUse = `<script>
const T = {}, t = (k, f) => { const a = performance.now(); f(); T[k] = performance.now() - a }
t('document.cookie, first read', () => document.cookie)
t('document.cookie, second read', () => document.cookie)
t('localStorage, first read', () => localStorage.getItem('consentry'))
t('localStorage, second read', () => localStorage.getItem('other'))
t('sessionStorage, first read', () => sessionStorage.getItem('other'))
t('navigator.cookieEnabled', () => navigator.cookieEnabled)
t('Date#toISOString, first call', () => new Date(0).toISOString())
t('document.cookie, a write', () => (document.cookie = 'bench=1; path=/; max-age=60; samesite=lax'))
t('document.cookie, read after a write', () => document.cookie)
window.__firstUse = T</script>`
const pages = {
  '/none': marketingPage({ consentry: false }),
  '/no-config': pageWith({ body: script }),
  '/with': marketingPage({ consentry: true }),
  '/twice': marketingPage({ consentry: true }).replace('</body>', `<script>delete window.Consentry</script>${script}</body>`),
  '/first-use': pageWith({ body: firstUse }),
}
const server = await startServer(pages, new Map([['/dist/consentry.min.js', readFileSync(join(HERE, '../dist/consentry.min.js'))]]))
const base = `http://127.0.0.1:${server.address().port}`
const browser = await launch()
const state = await decide(browser, base + '/with', CONSENTRY_TARGET)
const times = {}
const add = (k, v) => (times[k] ??= []).push(v)
for (let i = 0; i < RUNS; i++) {
  add('page without Consentry', (await visit(browser, base + '/none', null)).script)
  add('script, no config (parse, compile, top level)', (await visit(browser, base + '/no-config', null)).script)
  add('returning visit', (await visit(browser, base + '/with', CONSENTRY_TARGET, { state })).script)
  add('returning visit, script run twice', (await visit(browser, base + '/twice', CONSENTRY_TARGET, { state })).script)
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: state })
  const page = await context.newPage()
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  await page.goto(base + '/first-use')
  for (const [k, v] of Object.entries(await page.evaluate(() => window.__firstUse))) add(k, v)
  await context.close()
}
await browser.close()
server.close()
console.log(`| 4× CPU, median of ${RUNS} (p90) | ms |\n|---|---|`)
for (const [k, v] of Object.entries(times)) console.log(`| ${k} | ${quantile(v, 0.5).toFixed(1)} (${quantile(v, 0.9).toFixed(1)}) |`)
