/**
 * The dashboard's script and stylesheet, made at build time (uPlot included,
 * see scripts/dashboard-assets.mjs) and served by the service itself under
 * URLs that name their content's hash, so a browser may keep them for a year
 * and still never runs an old script against a new page.
 */
import { createHash } from 'node:crypto'
import type { AssetUrls } from './page.js'

interface Asset {
  path: string
  body: string
  type: string
}
export interface Assets {
  urls: AssetUrls
  byPath: Map<string, Asset>
}

const hashed = (name: string, ext: string, body: string) => `/dashboard/assets/${name}.${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${ext}`

let loading: Promise<Assets> | undefined
/** The assets, loaded (a few tens of KB of strings) on the dashboard's first request, not when the entry is imported. */
export const assets = (): Promise<Assets> =>
  (loading ??= import('consentry:dashboard-assets').then(({ script, style }) => {
    const js: Asset = { path: hashed('dashboard', 'js', script), body: script, type: 'text/javascript; charset=utf-8' }
    const css: Asset = { path: hashed('dashboard', 'css', style), body: style, type: 'text/css; charset=utf-8' }
    return { urls: { script: js.path, style: css.path }, byPath: new Map([js, css].map((a) => [a.path, a])) }
  }))

/** The asset at `path` (any method but GET and HEAD is the router's 405), or null. */
export const serveAsset = async (path: string): Promise<Response | null> => {
  const a = (await assets()).byPath.get(path)
  return a ? new Response(a.body, { status: 200, headers: { 'content-type': a.type, 'cache-control': 'public, max-age=31536000, immutable' } }) : null
}
