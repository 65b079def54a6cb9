/**
 * The demo server alone, byte for byte: its API, its per-page CSP, and that it
 * cannot be walked out of its roots. No browser involved, so these run once, not per browser.
 */
import { request } from 'node:http'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSP, policyFor } from '../../demo/server.mjs'
import { startDemo, stopDemo, type Demo, type TagHit } from './demo-fixtures.js'

describe('demo', () => {
  let demo: Demo

  beforeAll(async () => {
    demo = await startDemo()
  })
  afterAll(() => stopDemo(demo))

  /** GETs `path` byte for byte: fetch() would normalise `..` away before sending. */
  const rawGet = (path: string): Promise<{ status: number; type: string }> =>
    new Promise((ok, fail) => {
      request({ host: '127.0.0.1', port: demo.port, path }, (res) => {
        res.resume()
        ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) })
      })
        .on('error', fail)
        .end()
    })
  const cspOf = async (path: string) => (await fetch(`http://127.0.0.1:${demo.port}${path}`)).headers.get('content-security-policy')
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${demo.port}${path}`, init)

  it('serves the demo, dist and correct content types', async () => {
    expect(await rawGet('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/demo.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
    expect(await rawGet('/demo.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8' })
    expect(await rawGet('/privacy.html')).toEqual({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await rawGet('/dist/consentry.min.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' })
  })

  it('serves every demo page, the vendor stand-ins, and the packages the import map names', async () => {
    const html = { status: 200, type: 'text/html; charset=utf-8' }
    const js = { status: 200, type: 'text/javascript; charset=utf-8' }
    for (const page of ['/app.html', '/us.html', '/records.html', '/embed/video.html']) expect(await rawGet(page)).toEqual(html)
    for (const file of ['/spa/app.mjs', '/us.js', '/records.js', '/vendor/meadowlark.js', '/vendor/adfinch.js']) expect(await rawGet(file)).toEqual(js)
    const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(readFileSync(new URL('../../demo/app.html', import.meta.url), 'utf8'))![1]!)
    for (const url of Object.values(map.imports) as string[]) expect([url, await rawGet(url)]).toEqual([url, js])
  })

  it.each(['/modules/preact/../../package.json', '/modules/preact/%2e%2e/%2e%2e/package.json', '/modules/typescript/package.json', '/modules/preact/..%2fnanostores/index.js'])(
    'serves only the named packages from node_modules: refuses %s',
    async (path) => {
      expect((await rawGet(path)).status).toBe(404)
    },
  )

  it("allows the SPA's inline import map by its hash, and nothing else inline; only the embed may be framed, by the demo itself", async () => {
    const app = readFileSync(new URL('../../demo/app.html', import.meta.url), 'utf8')
    const text = /<script type="importmap">([\s\S]*?)<\/script>/.exec(app)![1]!
    const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(await cspOf('/app.html')).toBe(CSP.replace("script-src 'self'", `script-src 'self' ${hash}`))
    for (const page of ['/', '/privacy.html', '/us.html', '/records.html', '/demo.js']) expect(await cspOf(page)).toBe(CSP)
    expect(await cspOf('/embed/video.html')).toBe(CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'"))
    // No inline script on any page but that map (a hash allows only the exact text it was made from).
    for (const page of ['index', 'privacy', 'app', 'us', 'records', 'embed/video']) {
      const source = readFileSync(new URL(`../../demo/${page}.html`, import.meta.url), 'utf8')
      const inline = [...source.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]!.trim())
      expect(inline.every((attrs) => /type="(application\/json|importmap|text\/plain)"/.test(attrs))).toBe(true)
      expect(source).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i)
    }
    expect(policyFor('/x.html', '<script type="importmap">{}</script>')).toContain("'sha256-RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o='")
  })

  it('GET /api/records lists what the records service holds, once per id, newest first; DELETE erases it all', async () => {
    const record = (id: string, consentId: string, method: string, updatedAt: string) =>
      JSON.stringify({
        v: 1, id, consentId, createdAt: '2026-01-01T00:00:00.000Z', updatedAt, method, mode: 'opt-in', jurisdiction: 'DE', revision: 1,
        categories: { necessary: true }, services: {}, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, gpc: false,
        url: 'http://127.0.0.1/',
      })
    const c = 'c0ffee00-0000-4000-8000-000000000001'
    const posts = [
      record('00000000-0000-4000-8000-000000000001', c, 'banner', '2026-01-01T00:00:00.000Z'),
      record('00000000-0000-4000-8000-000000000002', c, 'api', '2026-01-02T00:00:00.000Z'),
      // Delivered twice (a retry, a beacon): stored once.
      record('00000000-0000-4000-8000-000000000001', c, 'banner', '2026-01-01T00:00:00.000Z'),
    ]
    for (const body of posts) expect((await api('/v1/consent', { method: 'POST', body, headers: { 'content-type': 'application/json' } })).status).toBe(204)
    const listed = (await (await api('/api/records')).json()) as { id: string; method: string; receivedAt: string }[]
    expect(listed.map((r) => [r.id, r.method])).toEqual([
      ['00000000-0000-4000-8000-000000000002', 'api'],
      ['00000000-0000-4000-8000-000000000001', 'banner'],
    ])
    expect(Date.parse(listed[0]!.receivedAt)).not.toBeNaN()
    // The admin API itself stays closed to anyone without the token.
    expect((await api('/v1/export')).status).toBe(401)
    expect((await api('/api/records', { method: 'DELETE' })).status).toBe(204)
    expect(await (await api('/api/records')).json()).toEqual([])
  })

  it('runs the records service: health, region and the dashboard on the demo origin', async () => {
    expect(await (await api('/healthz')).json()).toEqual({ ok: true })
    expect(await (await api('/v1/region', { headers: { 'cf-ipcountry': 'DE' } })).json()).toEqual({ region: 'DE' })
    expect((await api('/dashboard')).status).toBe(200)
  })

  it('says at /.well-known/gpc.json that the site honours Global Privacy Control, as the GPC spec asks', async () => {
    const res = await api('/.well-known/gpc.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = await res.json()
    // `gpc` a boolean (required); `lastUpdate` an RFC 3339 full-date, no later than today.
    expect(body).toEqual({ gpc: true, lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(Date.parse(body.lastUpdate)).toBeLessThanOrEqual(Date.now())
  })

  it("GET /api/tags lists what the vendor tags sent: the analytics beacon, the pixel, the scripts fetched", async () => {
    const before = ((await (await api('/api/tags')).json()) as TagHit[]).length
    await api('/collect', { method: 'POST', body: '{"event":"pageview","visitor":"v-1"}' })
    expect((await api('/pixel.gif?ev=PageView&us_privacy=1YYN')).headers.get('content-type')).toBe('image/gif')
    await api('/vendor/meadowlark.js')
    const hits = ((await (await api('/api/tags')).json()) as TagHit[]).slice(before)
    expect(hits.map((h) => [h.kind, h.path, h.detail])).toEqual([
      ['beacon', '/collect', '{"event":"pageview","visitor":"v-1"}'],
      ['pixel', '/pixel.gif', 'ev=PageView&us_privacy=1YYN'],
      ['script', '/vendor/meadowlark.js', ''],
    ])
  })

  it('the script-tag pages carry the same site config as the SPA imports (one cookie serves them all)', async () => {
    const { siteConfig } = (await import(pathToFileURL(join(import.meta.dirname, '../../demo/spa/config.mjs')).href)) as { siteConfig: object }
    for (const page of ['index', 'privacy']) {
      const source = readFileSync(new URL(`../../demo/${page}.html`, import.meta.url), 'utf8')
      const block = /<script type="application\/json" data-consentry-config>([\s\S]*?)<\/script>/.exec(source)![1]!
      expect([page, JSON.parse(block)]).toEqual([page, siteConfig])
    }
  })

  it.each([
    '/../package.json',
    '/dist/../package.json',
    '/dist/..%2fpackage.json',
    '/dist/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/dist/%00',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect((await rawGet(path)).status).toBe(404)
  })
})
