/**
 * What the conditions suites (conditions-*.test.ts) share: the npm bundle served
 * unbundled through an import map, an older schema's value, and reads of what a
 * page holds and stores.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, beforeEach } from 'vitest'
import type { TestServer } from './harness.js'
import { browserSuite, type BrowserSuite } from './suite.js'
import type { BrowserName, Tab } from './driver.js'

export const NM = fileURLToPath(new URL('../../node_modules/', import.meta.url))
export const JS = 'text/javascript; charset=utf-8'

/** FNV-1a as the record codec computes it, to write a schema 1 value the way earlier builds did. */
export const checksum = (s: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}
/** A schema 2 value rewritten as schema 1 (`created` spelled out), as stored by a visitor before the upgrade. */
export const asSchema1 = (v2: string): string => {
  const p = v2.split('.').slice(0, -1)
  p[0] = '1'
  if (!p[2]) p[2] = p[3]!
  const body = p.join('.')
  return body + '.' + checksum(body)
}

/** Serves a package directory's files under /nm/ so an import map can point at them (the "npm bundle" in a page). */
export const serveDir = (server: TestServer, dir: string): void => {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    if (statSync(file).isDirectory()) serveDir(server, file)
    else if (/\.m?js$/.test(name)) server.route('/nm/' + relative(NM, file), { body: readFileSync(file, 'utf8'), type: JS })
  }
}
/** What a bundler's `define` does for `process.env.NODE_ENV`, for the ESM build loaded unbundled. */
export const PROCESS = `<script src="/cond/process.js"></script>`
export const IMPORT_MAP = PROCESS + `<script type="importmap">${JSON.stringify({
  imports: {
    consentry: '/dist/index.mjs',
    nanostores: '/nm/nanostores/index.js',
    'js-cookie': '/nm/js-cookie/dist/js.cookie.mjs',
    preact: '/nm/preact/dist/preact.module.js',
    'preact/hooks': '/nm/preact/hooks/dist/hooks.module.js',
    'preact/jsx-runtime': '/nm/preact/jsx-runtime/dist/jsxRuntime.module.js',
  },
})}</script>`

export const button = (page: Tab, action: string) => page.locator(`[data-consentry] >>> [part=banner] [data-consentry-action=${action}]`)
export const snapshot = (page: Tab) => page.evaluate(() => Consentry.get())
export const stored = (page: Tab) =>
  page.evaluate(() => ({
    cookie: document.cookie.split('; ').find((c) => c.startsWith('consentry='))?.slice(10) ?? null,
    local: (() => {
      try {
        return localStorage.getItem('consentry')
      } catch {
        return 'denied'
      }
    })(),
    session: sessionStorage.getItem('consentry'),
  }))

/** A browser suite whose server also serves the npm bundle's packages and `process.env` shim. */
export const conditionsSuite = (browserName: BrowserName): BrowserSuite => {
  const suite = browserSuite(browserName)
  beforeAll(async () => {
    for (const pkg of ['nanostores', 'preact', 'js-cookie']) serveDir(suite.server, join(NM, pkg))
    suite.server.route('/cond/process.js', { body: `window.process = { env: { NODE_ENV: 'production' } }`, type: JS })
  })
  return suite
}
