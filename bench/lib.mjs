// What both tables share: the local static server, the browser launch, one
// measured first-time visit, and the statistics. run.mjs drives them.
import { createServer } from 'node:http'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const HERE = fileURLToPath(new URL('.', import.meta.url))
export const CHROMIUM = '/usr/bin/chromium'
export const CPU_THROTTLE = 4
export const VIEWPORT = { width: 1280, height: 720 }
export const BANNER_TIMEOUT = 10_000 // ms from navigation start
export const COOKIE_TIMEOUT = 5_000 // ms from the click
export const SETTLE = 1_000 // ms after load before reading CLS and script time: late shifts and idle work count too

export const fail = (message) => {
  const error = new Error(message)
  error.expected = true // a clear message is enough, no stack trace
  throw error
}

/**
 * Reads every file under `dir` into `files` (a Map), keyed `${prefix}/relative/path`. A snapshot,
 * taken once: a rebuild during the runs (npm test builds too) cannot mix two builds, and the bytes
 * served are exactly the bytes whose size is reported.
 */
export const snapshot = (dir, prefix, files = new Map()) => {
  for (const rel of readdirSync(dir, { recursive: true })) {
    const file = join(dir, rel)
    try {
      if (statSync(file).isFile()) files.set(`${prefix}/${rel.split(sep).join('/')}`, readFileSync(file))
    } catch {} // deleted mid-walk by a concurrent rebuild: it 404s, and a run that needs it fails loudly
  }
  return files
}

// ---- static server: the pages and the snapshotted files, nothing else (no request leaves 127.0.0.1)
const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.json': 'application/json',
}
/** @param {Record<string, string>} pages path → HTML  @param {Map<string, Buffer>} files path → bytes */
export const startServer = (pages, files) => {
  const server = createServer((req, res) => {
    // no-store: each visit is a first visit anyway (fresh context), this only makes it explicit.
    const headers = { 'Cache-Control': 'no-store' }
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
      if (Object.hasOwn(pages, path)) {
        return res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(pages[path])
      }
      const file = files.get(path)
      const type = `${TYPES[extname(path)] ?? 'application/octet-stream'}; charset=utf-8`
      if (file) return res.writeHead(200, { ...headers, 'Content-Type': type }).end(file)
      res.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end()
    } catch {
      res.writeHead(400, headers).end() // e.g. a malformed %-escape
    }
  })
  server.served = (path) => files.get(path) ?? null
  return new Promise((ok, ko) => server.once('error', ko).listen(0, '127.0.0.1', () => ok(server)))
}

export const launch = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  })

/**
 * What the probe looks for: the element the banner mounts in (`host`), whether the banner lives in
 * its open shadow root, the accept-all button inside it, and the consent cookie's name. Without a
 * target (the page without any banner) the probe keeps Consentry's and only measures the page.
 */
export const CONSENTRY_TARGET = {
  sdk: 'consentry',
  host: '[data-consentry]',
  shadow: true,
  button: '[data-consentry-action="accept-all"]',
  cookie: 'consentry',
}

// ---- one visit: fresh context (no cookies, storage or cache, unless `state` brings a decision), throttled, measured
/**
 * @param {object | null} target a *_TARGET descriptor: whose banner to look for; null: just the page
 * @param {{ state?: object, click?: boolean, keepState?: boolean, tags?: number }} options
 *   `state`: a Playwright storage state to start from (a returning visitor's stored decision): the
 *   banner must then stay away; `click`: click accept-all once the banner is up and time the
 *   cookie; `keepState`: return the context's storage state after the click (see `decide`);
 *   `tags`: the page's waiting tags, all of which a returning visit (accept-all) must run.
 */
export const visit = async (browser, url, target, { state, click = true, keepState = false, tags = 0 } = {}) => {
  // en-US: every banner's English texts, so no translation is fetched or picked differently.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', storageState: state })
  const returning = !!state
  try {
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const requests = []
    page.on('request', (r) => requests.push(new URL(r.url()).pathname))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
    await cdp.send('Performance.enable')
    // Every page gets the same two init scripts (the page without a banner looks for Consentry's, in vain).
    await page.addInitScript({ content: `window.__benchTarget = ${JSON.stringify(target ?? CONSENTRY_TARGET)}` })
    await page.addInitScript({ path: join(HERE, 'probe.js') })

    await page.goto(url, { waitUntil: 'load', timeout: BANNER_TIMEOUT }).catch((e) => {
      fail(`${url} did not load within ${BANNER_TIMEOUT / 1000} s: ${String(e.message).split('\n')[0]}`)
    })
    // A returning visitor on the page with waiting tags: every one is to run (each counts itself), the last
    // ones after the fetches of those before them. Measured once they all have, or failed below.
    if (returning && tags && target) await page.waitForFunction((n) => (window.__ran ?? 0) >= n, tags, { timeout: BANNER_TIMEOUT }).catch(() => {})
    await quiet(page)
    const load = await page.evaluate((deadline) => window.__bench.collect(deadline), target && !returning ? BANNER_TIMEOUT : 0)
    const sdk = target?.sdk
    if (target && !returning && load.bannerAt == null) {
      fail(`${sdk}: the banner never became visible within ${BANNER_TIMEOUT / 1000} s of navigation start: ${load.why}.` +
        (errors.length ? `\n  page errors: ${errors.join('\n  ')}` : '') +
        (sdk === 'consentry' && load.why.startsWith('no [data-consentry]')
          ? '\n  Is the banner UI (src/ui/) in this build? `npm run build`'
          : ''))
    }
    if (returning && load.bannerAt != null) fail(`${sdk}: the banner showed on a returning visit with a stored decision`)
    if (returning && tags && target && load.ran != tags) fail(`${sdk}: ${load.ran} of the ${tags} waiting tags ran on a returning visit that accepted everything`)
    // No waiting tag may run or fetch before a decision (the page with blocked tags).
    if (!returning && load.ran) fail(`${sdk ?? 'the page'}: ${load.ran} tag(s) waiting for consent ran before any decision`)
    if (!returning && requests.some((p) => p.startsWith('/tag/'))) fail(`${sdk ?? 'the page'}: a tag waiting for consent was fetched before any decision`)
    if (errors.length) fail(`${sdk ?? 'the page'}: page errors: ${errors.join('\n  ')}`)
    // Read before the click, so it is the cost of loading (and showing the banner).
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name) => metrics.find((m) => m.name === name)?.value * 1000
    const run = {
      fcp: load.fcp,
      banner: load.bannerAt,
      domContentLoaded: load.domContentLoaded,
      load: load.load,
      // Minus the probe's own callbacks (see probe.js); the raw figure stays in the JSON.
      script: metric('ScriptDuration') - load.self,
      scriptRaw: metric('ScriptDuration'),
      probe: load.self,
      task: metric('TaskDuration'),
      tbt: load.tbt,
      longTasks: load.longTasks,
      longest: load.longest,
      cls: load.cls,
      ran: load.ran,
      clickToCookie: null,
      requests, // by the end of the run (the page itself included)
    }
    if (!target || returning || !click) return run

    if (load.cookieBeforeClick) {
      fail(`${sdk}: the ${target.cookie} cookie was already set before any click: not a first visit, or the script decides on its own`)
    }
    const spot = await page.evaluate(() => window.__bench.target())
    if (!spot.hit) fail(`${sdk}: something covers the accept-all button at (${spot.x}, ${spot.y}): a click would not reach it`)
    await page.mouse.click(spot.x, spot.y)
    const clicked = await page.evaluate((ms) => window.__bench.cookie(ms), COOKIE_TIMEOUT)
    if (clicked.clickAt == null) fail(`${sdk}: the click on accept-all never reached the page`)
    if (clicked.cookieAt == null) {
      fail(`${sdk}: clicking accept-all did not set the ${target.cookie} cookie within ${COOKIE_TIMEOUT / 1000} s` +
        (errors.length ? `\n  page errors: ${errors.join('\n  ')}` : ''))
    }
    run.clickToCookie = clicked.cookieAt - clicked.clickAt
    run.cookieInClick = clicked.inClick // true: set synchronously inside the click dispatch
    // Let the SDK finish writing (localStorage copy, a deferred write) before the state is taken.
    if (keepState) await page.waitForTimeout(500), (run.state = await context.storageState())
    return run
  } finally {
    await context.close().catch(() => {})
  }
}

/**
 * Waits SETTLE after load, then until a whole second has passed without a long task
 * (idle-time work counts too), at most QUIET_MAX more.
 */
export const QUIET_MAX = 5_000
const quiet = async (page) => {
  await page.waitForTimeout(SETTLE)
  const until = Date.now() + QUIET_MAX
  for (;;) {
    const since = await page.evaluate(() => performance.now() - Math.max(0, ...window.__bench.longTasks.map((t) => t.start + t.duration)))
    if (since >= SETTLE || Date.now() > until) return
    await page.waitForTimeout(SETTLE - since)
  }
}

/** A visitor who accepted everything on `url`: the storage state a returning visit starts from. */
export const decide = async (browser, url, target) => (await visit(browser, url, target, { keepState: true })).state

// ---- statistics
export const quantile = (xs, q) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b)
  if (!s.length) return null
  // Median interpolates (odd N: the middle run); the other quantiles are the nearest rank, an actual run.
  if (q === 0.5) return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]
}
export const summarise = (runs, key) => {
  const xs = runs.map((r) => r[key]).filter((x) => x != null)
  if (!xs.length) return null
  return {
    median: quantile(xs, 0.5),
    p25: quantile(xs, 0.25),
    p75: quantile(xs, 0.75),
    p90: quantile(xs, 0.9),
    min: Math.min(...xs),
    max: Math.max(...xs),
    n: xs.length,
  }
}
