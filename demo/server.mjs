/**
 * The Consentry demo server: dependency-free, loopback only. Serves `demo/` at
 * `/`, the built `dist/` at `/dist/`, and the three packages the ESM build
 * imports (for the SPA page's import map) at `/modules/<name>/`, every page
 * under the strict CSP the SDK promises to work with. It also plays the site's
 * backend (proof-of-consent records) and the vendors' (the analytics beacon
 * and the ad pixel the demo's blocked tags send). `npm run demo` builds first,
 * then runs this file.
 */
import { createServer } from 'node:http'
import { createHash } from 'node:crypto'
import { appendFile, readFile, realpath, stat, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const DEMO = fileURLToPath(new URL('./', import.meta.url))
const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url))

/** The policy the demo proves Consentry works under: no inline script or style, no eval. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/**
 * The default mounts: URL prefix → directory. Only the packages the ESM build
 * imports are reachable under `/modules/`, never the rest of node_modules.
 */
export const ROOTS = {
  '/dist/': DIST,
  '/modules/preact/': resolve(MODULES, 'preact'),
  '/modules/nanostores/': resolve(MODULES, 'nanostores'),
  '/modules/js-cookie/': resolve(MODULES, 'js-cookie'),
  '/': DEMO,
}

/**
 * The CSP for one response. An inline `<script type="importmap">` is inline
 * script to CSP (browsers have no external import maps), so a page that has
 * one gets that exact text's hash in `script-src` and nothing wider: any other
 * inline script stays refused. The "video" embed may be framed by the demo's
 * own pages (`frame-ancestors 'self'`); nothing else may be framed at all.
 */
export const policyFor = (path, html = '') => {
  let csp = CSP
  const hashes = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
  )
  if (hashes.length) csp = csp.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`)
  if (path.startsWith('/embed/')) csp = csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
  return csp
}

/** Content types by file extension, shared with the browser test harness. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.gif': 'image/gif',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * The file a URL path names inside `root`, or null. Traversal is refused twice:
 * the decoded path must resolve inside `root`, and so must its real path, so
 * neither `..`, `%2e%2e`, `%5c` nor a symlink can leave the directory.
 */
export const resolveInside = async (root, urlPath) => {
  let rel
  try {
    rel = decodeURIComponent(urlPath)
  } catch {
    return null // Malformed %-escape.
  }
  if (rel.includes('\0')) return null
  const base = resolve(root)
  let file = resolve(base, '.' + sep + rel)
  const inside = (p, dir) => p === dir || p.startsWith(dir + sep)
  if (!inside(file, base)) return null
  try {
    if ((await stat(file)).isDirectory()) file = resolve(file, 'index.html')
    const real = await realpath(file)
    return inside(real, await realpath(base)) && (await stat(real)).isFile() ? real : null
  } catch {
    return null // Missing.
  }
}

/** Where the demo keeps the proof-of-consent records it receives: one JSON object per line. */
export const RECORDS = fileURLToPath(new URL('./records.jsonl', import.meta.url))

/** The records in `recordsFile`, one per record id (the outbox may deliver one twice; the id makes that harmless), oldest first. */
const readRecords = async (recordsFile) => {
  let lines = []
  try {
    lines = (await readFile(recordsFile, 'utf8')).split('\n').filter(Boolean)
  } catch {
    // No records yet.
  }
  const latest = new Map()
  for (const line of lines) {
    try {
      const r = JSON.parse(line)
      latest.set(r.id, r)
    } catch {
      // A torn line from a crash: skip it.
    }
  }
  return [...latest.values()]
}

/** How many records `GET /api/records` returns at most: the newest. */
export const RECORDS_SHOWN = 200

/**
 * The site's side of proof of consent: `POST /api/consent` takes a record the
 * SDK's outbox sends, validates it with `consentry/server`, and appends it to a
 * JSON-lines file; `GET /api/consent` returns the latest 20, newest first.
 */
const consentApi = async (req, res, headers, recordsFile) => {
  const { readSyncRecord, SYNC_MAX_BYTES } = await import(pathToFileURL(resolve(DIST, 'server.mjs')).href)
  const json = (status, body) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(body))
  }
  if (req.method === 'POST') {
    let body = ''
    for await (const chunk of req) {
      body += chunk
      if (body.length > SYNC_MAX_BYTES * 4) return json(413, { error: 'body too large' })
    }
    const r = readSyncRecord(body, req.headers['content-type'])
    if (!r.ok) return json(r.status, { error: r.reason })
    await appendFile(recordsFile, JSON.stringify({ receivedAt: new Date().toISOString(), ...r.record }) + '\n')
    res.writeHead(204, headers)
    return res.end()
  }
  return json(200, (await readRecords(recordsFile)).slice(-20).reverse())
}

/** A transparent 1×1 GIF: what an ad pixel answers. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** What the demo's vendor tags sent, newest last: kept in memory, at most this many. */
const TAG_HITS_KEPT = 500

/**
 * Creates (does not start) the demo server. `roots` maps URL prefixes to
 * directories; the longest matching prefix wins. `recordsFile` is where
 * `/api/consent` appends proof-of-consent records.
 *
 * Besides files, it answers:
 * - `POST /api/consent`, `GET /api/consent`: the SDK's proof-of-consent sync (see {@link consentApi});
 * - `GET /api/records`: every record received, one per id, newest first (at most {@link RECORDS_SHOWN});
 *   `DELETE /api/records` empties the file;
 * - `POST /collect` (the analytics beacon) and `GET /pixel.gif` (the ad pixel), the demo vendors' endpoints;
 * - `GET /api/tags`: what the vendor tags did, in order — each `/vendor/*.js` fetched, beacon and pixel
 *   received — so a visitor (and the test) can see that a blocked tag made no request at all.
 */
export const createDemoServer = (roots = ROOTS, recordsFile = RECORDS) => {
  const mounts = Object.entries(roots).sort(([a], [b]) => b.length - a.length)
  /** @type {{ at: string, kind: 'script' | 'beacon' | 'pixel', path: string, detail: string }[]} */
  const tagHits = []
  const hit = (kind, path, detail = '') => {
    tagHits.push({ at: new Date().toISOString(), kind, path, detail })
    if (tagHits.length > TAG_HITS_KEPT) tagHits.shift()
  }
  return createServer(async (req, res) => {
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
    if (path === '/api/consent' && (req.method === 'POST' || req.method === 'GET')) {
      try {
        return await consentApi(req, res, headers, recordsFile)
      } catch {
        return fail(500, 'could not store the record')
      }
    }
    if (path === '/api/records' && req.method === 'GET') return json(200, (await readRecords(recordsFile)).slice(-RECORDS_SHOWN).reverse())
    if (path === '/api/records' && req.method === 'DELETE') {
      try {
        await writeFile(recordsFile, '')
      } catch {
        return fail(500, 'could not clear the records')
      }
      res.writeHead(204, headers)
      return res.end()
    }
    if (path === '/api/tags' && req.method === 'GET') return json(200, tagHits)
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
  const port = await listen(createDemoServer(), wanted)
  const base = `http://localhost:${port}`
  console.log(`Consentry demo: ${base}/  (also http://127.0.0.1:${port}/)`)
  const pages = [
    ['marketing site (script tag, blocked tags, embed)', '/'],
    ['SPA (ESM build, Preact hooks)', '/app.html'],
    ['US visitor (opt-out, GPP/USP inspector)', '/us.html'],
    ['proof-of-consent records', '/records.html'],
  ]
  for (const [what, path] of pages) console.log(`  ${what.padEnd(50)}${base}${path}`)
}

// Run only as a script, so tests can import createDemoServer without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
