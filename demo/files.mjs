/**
 * What the demo server serves from disk, and under which policy: the mounts (demo/, dist/ and the packages the ESM
 * build imports), the strict CSP every response carries, content types, and a traversal-proof path resolver.
 */
import { createHash } from 'node:crypto'
import { realpath, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const DEMO = fileURLToPath(new URL('./', import.meta.url))
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
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
