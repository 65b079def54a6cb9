/**
 * The real-browser harness: a loopback-only static server for `dist/` and for
 * pages the tests generate (driver.ts drives the browsers).
 * Tests run against the built files exactly as a site would serve them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TYPES } from '../../demo/server.mjs'

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

/** A generated response: HTML unless `type` says otherwise, plus any headers (e.g. a CSP). */
export interface Route {
  body: string
  type?: string
  headers?: Record<string, string>
  /** Answered once this settles (a slow host, as slow as the test needs). */
  until?: Promise<unknown>
  /** Sent in these pieces after `body`, `gap` ms apart (a page arriving over a slow network): the parser reads each as it comes. */
  pieces?: string[]
  gap?: number
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string
  /** Serves `route` at `path` (e.g. `/storage.html`) and returns its full URL. */
  route(path: string, route: Route): string
  /** How many requests a route's path has had. */
  requests(path: string): number
  close(): Promise<void>
}

/** The file under `dist/` that `urlPath` names, or null if it would leave `dist/`. */
const distFile = (urlPath: string): string | null => {
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.slice('/dist/'.length))
  } catch {
    return null
  }
  const file = resolve(DIST, rel)
  return !rel.includes('\0') && file.startsWith(DIST.endsWith(sep) ? DIST : DIST + sep) ? file : null
}

/** Writes the status and headers; the body follows, whole or (a streamed route) in pieces. */
const head = (res: ServerResponse, status: number, type: string, headers = {}): ServerResponse =>
  // no-store: the persistent profile must never serve an old build from its disk cache.
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers })

const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, headers = {}): void => {
  head(res, status, type, headers).end(body)
}

/** Starts the static server on 127.0.0.1 and an ephemeral port. */
export const startServer = async (): Promise<TestServer> => {
  if (!existsSync(join(DIST, 'consentry.min.js'))) {
    throw new Error(`${DIST}consentry.min.js is missing: run \`npm run build\` before the browser suite`)
  }
  // A blank same-origin page to reach localStorage from, and no favicon 404 in the console.
  const routes = new Map<string, Route>([
    ['/__blank', { body: '<!doctype html><title>blank</title>' }],
    ['/favicon.ico', { body: '', type: 'image/x-icon' }],
  ])
  const hits = new Map<string, number>()
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const page = routes.get(path)
    if (page) {
      hits.set(path, (hits.get(path) ?? 0) + 1)
      await page.until
      if (!page.pieces) return send(res, 200, page.body, page.type ?? TYPES['.html']!, page.headers)
      head(res, 200, page.type ?? TYPES['.html']!, page.headers).write(page.body)
      for (const piece of page.pieces) {
        await new Promise((r) => setTimeout(r, page.gap ?? 100))
        res.write(piece)
      }
      return void res.end()
    }
    const file = path.startsWith('/dist/') ? distFile(path) : null
    if (file) {
      try {
        return send(res, 200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream')
      } catch {
        // Missing file or a directory: fall through to 404.
      }
    }
    send(res, 404, 'not found', 'text/plain; charset=utf-8')
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    route: (path, route) => (routes.set(path, route), origin + path),
    requests: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

/** One request a {@link SiteServer} answered. */
export interface Hit {
  path: string
  status: number
}

/** A static site: what a site owner uploaded, served as a plain static host serves it. */
export interface SiteServer {
  readonly origin: string
  /** Every request, in order, with the status it got. */
  readonly hits: Hit[]
  close(): Promise<void>
}

/**
 * Serves the files under `root` on 127.0.0.1, as a static host would: each file
 * at its path (`/index.html` for `/`), 404 for anything else, `headers` (e.g. a
 * CSP) on every response, each file after `delay(path)` ms (a slow host). Besides
 * the site, only the two paths the driver itself visits: `/__blank` and `/favicon.ico`.
 */
export const serveDirectory = async (root: string, headers: Record<string, string> = {}, delay: (path: string) => number = () => 0): Promise<SiteServer> => {
  const base = resolve(root)
  const hits: Hit[] = []
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const reply = (status: number, body: string | Buffer, type: string) => {
      hits.push({ path, status })
      send(res, status, body, type, headers)
    }
    if (path == '/__blank') return reply(200, '<!doctype html><title>blank</title>', TYPES['.html']!)
    if (path == '/favicon.ico') return reply(200, '', 'image/x-icon')
    if (path.endsWith('/')) path += 'index.html'
    const wait = delay(path)
    if (wait) await new Promise((ok) => setTimeout(ok, wait))
    let file: string
    try {
      file = resolve(base, '.' + decodeURIComponent(path))
    } catch {
      return reply(400, 'bad request', 'text/plain; charset=utf-8')
    }
    if (file.startsWith(base + sep)) {
      try {
        return reply(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream')
      } catch {
        // Not uploaded, or a directory: 404, as any static host answers.
      }
    }
    reply(404, 'not found', 'text/plain; charset=utf-8')
  }
  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
