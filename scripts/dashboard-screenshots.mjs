/**
 * The records dashboard's screenshots for docs/records.md: the built service
 * (dist/records.mjs) on PGlite in memory, on a free 127.0.0.1 port, with a
 * month of seeded records (the same every run, ending 2026-11-25), the admin
 * logged in through the form in headless Chromium, then
 * docs/screenshots/dashboard-1280.png (a laptop) and dashboard-390.png (a
 * phone, the top of the page). Downloads nothing.
 *
 *   npm run build && node scripts/dashboard-screenshots.mjs
 */
import { createServer } from 'node:http'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { seedRecords } from './dashboard-seed.mjs'

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const TOKEN = 'screenshots-token-0123456789abcdef'
const LAST = '2026-11-25'

if (!existsSync(fileURLToPath(new URL('../dist/records.mjs', import.meta.url)))) {
  console.error('dist/ is missing: run `npm run build` first')
  process.exit(1)
}
const { createRecordsService, nodeListener, openStore } = await import('../dist/records.mjs')

const store = await openStore({ engine: 'pglite' })
for (const r of seedRecords({ last: LAST })) await store.insert(r)
const service = createRecordsService({ store, adminToken: TOKEN, prune: false, rateLimit: false })
const server = createServer(nodeListener(service))
await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
const base = `http://127.0.0.1:${server.address().port}`
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })

try {
  for (const [width, height, name] of [[1280, 900, 'dashboard-1280'], [390, 844, 'dashboard-390']]) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: width < 600 ? 2 : 1, colorScheme: 'light', locale: 'en-US' })
    const page = await context.newPage()
    page.on('pageerror', (e) => {
      throw new Error(`${name}: ${e.message}`)
    })
    page.on('console', (m) => m.type() === 'error' && console.error(`${name}: ${m.text()}`))
    await page.goto(`${base}/dashboard`)
    await page.fill('#token', TOKEN)
    await Promise.all([page.waitForURL(`${base}/dashboard`), page.click('button[type=submit]')])
    await page.goto(`${base}/dashboard?from=2026-10-27&to=${LAST}`)
    await page.waitForFunction(() => document.querySelectorAll('[data-chart] .uplot canvas').length == 5)
    await page.waitForTimeout(300)
    const full = await page.evaluate(() => document.documentElement.scrollHeight)
    // The phone's shot stops after the per-day table's start: the rest is the same page, narrower.
    const clip = { x: 0, y: 0, width, height: width < 600 ? Math.min(full, 2000) : full }
    await page.screenshot({ path: join(OUT, `${name}.png`), clip, fullPage: true })
    console.log(`docs/screenshots/${name}.png`)
    await context.close()
  }
} finally {
  await browser.close()
  server.closeAllConnections()
  await new Promise((ok) => server.close(ok))
  await service.close()
  await store.close()
}
