/**
 * The Consentry demo server: loopback only. Serves `demo/` at `/`, the built
 * `dist/` at `/dist/`, and the three packages the ESM build imports (for the
 * SPA page's import map) at `/modules/<name>/`, every page under the strict
 * CSP the SDK promises to work with. It also runs Consentry's records service
 * (consentry/records, on PGlite in demo/.data) under `/v1/`, `/healthz` and
 * `/dashboard`, where the pages' serverSync posts, and plays the vendors'
 * backends (the analytics beacon and the ad pixel the demo's blocked tags
 * send) and a site's audience sync (demo/audience-sync.mjs), subscribed to the
 * records service's webhooks. `npm run demo` builds first, then runs this file.
 */
import { createServer } from 'node:http'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createAudienceSync, MAX_BODY, WEBHOOK_PATH } from './audience-sync.mjs'
import { DIST, policyFor, resolveInside, ROOTS, TYPES } from './files.mjs'
import { DATA, eraseAll, listRecords, recordsService } from './records-service.mjs'
import { PIXEL, tagLog } from './vendor-backends.mjs'

export { CSP, policyFor, resolveInside, ROOTS, TYPES } from './files.mjs'
export { DATA, RECORDS_SHOWN } from './records-service.mjs'

/**
 * Creates (does not start) the demo server. `roots` maps URL prefixes to
 * directories; the longest matching prefix wins. `options.dataDir` is where
 * the records service's database lives (default {@link DATA});
 * `options.adminToken` its admin token (default: a new random one, printed by
 * `npm run demo`). The server's `records` property holds both, and closing the
 * server closes the service.
 *
 * Besides files, it answers:
 * - `/v1/…`, `/healthz`, `/dashboard`: the records service (POST /v1/consent is where the pages' serverSync posts);
 * - `GET /api/records`: the records the service holds, newest first (at most {@link RECORDS_SHOWN}), read with the
 *   admin token on the page's behalf; `DELETE /api/records` erases every consent id;
 * - `POST /collect` (the analytics beacon) and `GET /pixel.gif` (the ad pixel), the demo vendors' endpoints;
 * - `GET /.well-known/gpc.json`: the GPC support resource, saying that the site honours Global Privacy Control;
 * - `GET /api/tags`: what the vendor tags did, in order — each `/vendor/*.js` fetched, beacon and pixel
 *   received — so a visitor (and the test) can see that a blocked tag made no request at all;
 * - `POST /audience-sync/webhook`: the audience sync's receiver, which the records service delivers each change
 *   of a visitor's decision to (signed; refused with 400 and the reason when it does not verify), and
 *   `GET /api/audience-sync`: what it holds per visitor, with the Meta and Google fields (`/audience-sync.html`).
 *   Once listening, the server subscribes the receiver at its own 127.0.0.1 address (`server.audienceSync.ready`
 *   resolves with the outcome); `options.log` gets the one line saying why when it cannot.
 */
/** The demo's GPC support resource: `gpc` true (its pages honour the signal), and when it said so. */
export const GPC_SUPPORT_PATH = '/.well-known/gpc.json'
export const GPC_SUPPORT = { gpc: true, lastUpdate: '2026-12-07' }

export const createDemoServer = (roots = ROOTS, { dataDir = DATA, adminToken = randomBytes(24).toString('hex'), log = console.warn } = {}) => {
  const mounts = Object.entries(roots).sort(([a], [b]) => b.length - a.length)
  const { hits: tagHits, hit } = tagLog()
  const records = recordsService(dataDir, adminToken)
  // Imported on the first request; a failure (dist/ not built) is answered per request, not thrown at start.
  records.catch(() => {})
  const audience = createAudienceSync()
  let subscribed
  const ready = new Promise((ok) => (subscribed = ok))
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Content-Security-Policy': policyFor(path) }
    const fail = (status, text) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(req.method === 'HEAD' ? undefined : text)
    }
    const json = (status, body) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    if (path.startsWith('/v1/') || path === '/healthz' || path === '/dashboard' || path.startsWith('/dashboard/')) {
      try {
        return (await records).listener(req, res)
      } catch (e) {
        return fail(500, `the records service could not start: ${e.message}`)
      }
    }
    if (path === '/api/records' && (req.method === 'GET' || req.method === 'DELETE')) {
      try {
        const { service } = await records
        if (req.method === 'GET') return json(200, await listRecords(service, adminToken))
        await eraseAll(service, adminToken)
        audience.clear()
        res.writeHead(204, headers)
        return res.end()
      } catch (e) {
        return fail(500, `could not reach the records service: ${e.message}`)
      }
    }
    if (path === '/api/tags' && req.method === 'GET') return json(200, tagHits)
    // The site says that it honours Global Privacy Control, where GPC checkers look (GPC spec, "GPC support resource").
    if (path === GPC_SUPPORT_PATH && req.method === 'GET') return json(200, GPC_SUPPORT)
    if (path === WEBHOOK_PATH && req.method === 'POST') {
      const chunks = []
      let size = 0
      for await (const chunk of req) {
        if ((size += chunk.length) > MAX_BODY) return fail(413, `a delivery is at most ${MAX_BODY} bytes`)
        chunks.push(chunk)
      }
      try {
        const { status, text } = await audience.receive({
          body: Buffer.concat(chunks),
          signature: req.headers['consentry-signature'],
          delivery: req.headers['consentry-delivery'],
        })
        res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        return res.end(text)
      } catch (e) {
        return fail(500, `the receiver could not start: ${e.message}`)
      }
    }
    if (path === '/api/audience-sync' && req.method === 'GET') {
      try {
        return json(200, await audience.view())
      } catch (e) {
        return fail(500, `the receiver could not start: ${e.message}`)
      }
    }
    if (path === '/collect' && req.method === 'POST') {
      // The analytics vendor's beacon (sendBeacon: text/plain). Kept short: the demo only shows that it came.
      let body = ''
      for await (const chunk of req) if ((body += chunk).length > 4096) break
      hit('beacon', path, body.slice(0, 300))
      res.writeHead(204, headers)
      return res.end()
    }
    if (path === '/pixel.gif' && (req.method === 'GET' || req.method === 'HEAD')) {
      hit('pixel', path, url.search.slice(1, 300))
      res.writeHead(200, { ...headers, 'Content-Type': 'image/gif' })
      return res.end(req.method === 'HEAD' ? undefined : PIXEL)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed')
    const mount = mounts.find(([prefix]) => path.startsWith(prefix))
    const file = mount && (await resolveInside(mount[1], path.slice(mount[0].length)))
    if (!file) return fail(404, 'not found')
    if (path.startsWith('/vendor/') && req.method === 'GET') hit('script', path)
    try {
      const body = await readFile(file)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      if (type.startsWith('text/html')) headers['Content-Security-Policy'] = policyFor(path, body.toString('utf8'))
      res.writeHead(200, { ...headers, 'Content-Type': type })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      fail(500, 'could not read file')
    }
  })
  let closing
  const close = () => (closing ??= records.then(({ service }) => service.close()).catch(() => {}))
  server.records = { dataDir, adminToken, close }
  server.audienceSync = { secret: audience.secret, ready, receiver: audience }
  server.once('listening', () => {
    const url = `http://127.0.0.1:${server.address().port}${WEBHOOK_PATH}`
    records
      .then(({ service }) => audience.subscribe(service, adminToken, url, log))
      .catch((e) => (log(`audience sync: could not subscribe (${e.message})`), audience.subscription))
      .then(subscribed)
  })
  server.on('close', () => void close())
  return server
}

/**
 * Listens on 127.0.0.1 at `port`; when it is taken, tries the next ones (up to
 * `tries` in all). Port 0 lets the OS choose. Resolves with the port in use.
 */
export const listen = (server, port, tries = 20) =>
  new Promise((ok, fail) => {
    const attempt = (p, left) => {
      const onError = (e) => {
        server.off('listening', onListening)
        if (e.code === 'EADDRINUSE' && left > 1 && p !== 0 && p < 65535) attempt(p + 1, left - 1)
        else fail(e)
      }
      const onListening = () => {
        server.off('error', onError)
        ok(server.address().port)
      }
      server.once('error', onError).once('listening', onListening).listen(p, '127.0.0.1')
    }
    attempt(port, tries)
  })

const main = async () => {
  const wanted = process.env.PORT === undefined || process.env.PORT === '' ? 5173 : Number(process.env.PORT)
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    console.error(`PORT must be an integer from 0 to 65535, got "${process.env.PORT}"`)
    process.exit(1)
  }
  if (!existsSync(resolve(DIST, 'consentry.min.js'))) {
    console.warn('dist/consentry.min.js is missing: run `npm run build` (or `npm run demo`, which builds first)')
  }
  const server = createDemoServer()
  const port = await listen(server, wanted)
  const base = `http://localhost:${port}`
  console.log(`Consentry demo: ${base}/  (also http://127.0.0.1:${port}/)`)
  const pages = [
    ['marketing site (script tag, blocked tags, embed)', '/'],
    ['SPA (ESM build, Preact hooks)', '/app.html'],
    ['US visitor (opt-out, GPP/USP inspector)', '/us.html'],
    ['proof-of-consent records', '/records.html'],
    ['audience sync (webhooks, Meta and Google fields)', '/audience-sync.html'],
  ]
  for (const [what, path] of pages) console.log(`  ${what.padEnd(50)}${base}${path}`)
  console.log(`\nRecords service (consentry/records, PGlite in ${server.records.dataDir}):`)
  console.log(`  ${'dashboard'.padEnd(50)}${base}/dashboard`)
  console.log(`  ${'admin token for this run'.padEnd(50)}${server.records.adminToken}`)
  console.log(`  e.g. curl -H "Authorization: Bearer ${server.records.adminToken}" ${base}/v1/stats`)
  const stop = async () => {
    server.close()
    server.closeAllConnections()
    await server.records.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

// Run only as a script, so tests can import createDemoServer without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
