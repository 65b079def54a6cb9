// consentry/react, consentry/preact and consentry/vue as users get them: the built files in dist/, in Node.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const root = new URL('../../', import.meta.url)
const require = createRequire(root)
const dist = (file: string) => readFileSync(new URL('dist/' + file, root), 'utf8')
const CONFIG = { revision: 1, categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }] }

describe('consentry/react, consentry/preact and consentry/vue in Node', () => {
  it.each(['consentry/react', 'consentry/preact', 'consentry/vue'])('%s exports useConsent and useHas in ESM and CJS, with types', async (name) => {
    const esm = await import(name)
    const cjs = require(name)
    for (const n of ['useConsent', 'useHas']) {
      expect(typeof esm[n], `${name} (ESM) ${n}`).toBe('function')
      expect(typeof cjs[n], `${name} (CJS) ${n}`).toBe('function')
    }
    const entry = name.split('/')[1]
    for (const ext of ['d.ts', 'd.cts']) expect(dist(`${entry}.${ext}`)).toMatch(/useConsent[\s\S]*useHas/)
  })

  it('imports React, Preact and Vue instead of bundling them (peer dependencies)', () => {
    expect(dist('vue.mjs')).toMatch(/^import \{ [\w, ]+ \} from 'vue';$/m)
    expect(dist('vue.cjs')).toContain("require('vue')")
    expect(dist('react.mjs')).toMatch(/^import \{ useSyncExternalStore \} from 'react';$/m)
    expect(dist('react.cjs')).toContain("require('react')")
    expect(dist('preact.mjs')).toMatch(/^import \{ [\w, ]+ \} from 'preact\/hooks';$/m)
    expect(dist('preact.cjs')).toContain("require('preact/hooks')")
    // No framework code of their own, no preact/compat, no UI.
    for (const file of ['react.mjs', 'react.cjs', 'preact.mjs', 'preact.cjs', 'vue.mjs', 'vue.cjs']) {
      expect(dist(file)).not.toMatch(/(from |require\()'(preact\/compat|react-dom|\.\/chunks\/(banner|mount|preferences|extras|index))/)
      expect(dist(file).length).toBeLessThan(5000)
    }
  })

  it('server-renders the decision read by consentry/server (ESM and CJS)', async () => {
    const { readConsent } = await import('consentry/server')
    const { renderToString } = await import('react-dom/server')
    const { createElement } = await import('react')
    const { h } = await import('preact')
    const { renderToString: preactToString } = await import('preact-render-to-string')
    const react = await import('consentry/react')
    const preact = await import('consentry/preact')
    // A real cookie value; the encoder is not public, so the test takes it from the source.
    const { encodeRecord } = await import('../../src/record/index.js')
    const now = Date.now()
    const value = encodeRecord({
      id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', createdAt: now, updatedAt: now, revision: 1,
      categories: { necessary: true, analytics: true }, services: { posthog: true }, method: 'banner', mode: 'opt-in',
      jurisdiction: 'EU', gpc: false, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
    })
    const initial = readConsent(`consentry=${value}`, CONFIG)
    const Page = (hooks: typeof react, el: typeof createElement) => (p: { initial?: typeof initial }) =>
      el('p', null, `${hooks.useConsent(p.initial).decided} ${hooks.useHas('posthog', p.initial)}`)
    const R = Page(react, createElement)
    const P = Page(preact as typeof react, h as never) as never
    expect(renderToString(createElement(R, { initial }))).toBe('<p>true true</p>')
    expect(renderToString(createElement(R, {}))).toBe('<p>false false</p>')
    expect(preactToString(h(P, { initial }))).toBe('<p>true true</p>')
    expect(preactToString(h(P, {}))).toBe('<p>false false</p>')
    const cjs = require('consentry/react')
    expect(renderToString(createElement(Page(cjs, createElement), { initial }))).toBe('<p>true true</p>')
    // Vue: composables in setup(), refs read in the render function; ESM and CJS.
    const { createSSRApp, h: vh } = await import('vue')
    const { renderToString: vueToString } = await import('vue/server-renderer')
    for (const vue of [await import('consentry/vue'), require('consentry/vue')] as (typeof import('consentry/vue'))[]) {
      const V = { props: ['initial'], setup: (p: { initial?: typeof initial }) => { const c = vue.useConsent(p.initial), a = vue.useHas('posthog', p.initial); return () => vh('p', `${c.value.decided} ${a.value}`) } }
      expect(await vueToString(createSSRApp(V, { initial }))).toBe('<p>true true</p>')
      expect(await vueToString(createSSRApp(V, {}))).toBe('<p>false false</p>')
    }
  })
})

describe('the hooks follow the store of consentry and consentry/headless (one instance)', () => {
  // Rendering in the browser needs a DOM: a happy-dom window, installed only for these tests.
  const names = ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'Text', 'Event', 'IS_REACT_ACT_ENVIRONMENT'] as const
  const g = globalThis as Record<string, unknown>
  const saved = new Map<string, PropertyDescriptor | undefined>()
  let win: Window
  beforeAll(async () => {
    // Node has no localStorage: the notice that says so is expected here.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    // Started in Node first, as on a server (in memory): the DOM below is only for rendering.
    await (await import('consentry/headless')).init(CONFIG)
    await require('consentry/headless').init(CONFIG)
    win = new Window({ url: 'https://shop.example/' })
    for (const n of names) {
      saved.set(n, Object.getOwnPropertyDescriptor(g, n))
      Object.defineProperty(g, n, { configurable: true, writable: true, value: n == 'IS_REACT_ACT_ENVIRONMENT' ? true : n == 'window' ? win : (win as unknown as Record<string, unknown>)[n] })
    }
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    for (const [n, d] of saved) (d ? Object.defineProperty(g, n, d) : delete g[n])
    await win.happyDOM.close()
  })

  it('ESM: React and Preact components re-render on decisions made through either entry', async () => {
    const headless = await import('consentry/headless')
    const consentry = await import('consentry')
    const { useConsent, useHas } = await import('consentry/react')
    const preact = await import('consentry/preact')
    const { act, createElement } = await import('react')
    const { createRoot } = await import('react-dom/client')
    const { h, render } = await import('preact')
    const { act: actP } = await import('preact/test-utils')

    const el = document.createElement('div')
    const pel = document.createElement('div')
    document.body.append(el, pel)
    const reactRoot = createRoot(el)
    act(() => reactRoot.render(createElement(() => createElement('p', null, `${useConsent().decided} ${useHas('analytics')}`))))
    actP(() => render(h(() => h('p', null, `${preact.useConsent().decided} ${preact.useHas('analytics')}`), null), pel))
    expect([el.textContent, pel.textContent]).toEqual(['false false', 'false false'])

    actP(() => void act(() => consentry.acceptAll()))
    expect([el.textContent, pel.textContent]).toEqual(['true true', 'true true'])
    actP(() => void act(() => headless.set({ analytics: false })))
    expect([el.textContent, pel.textContent]).toEqual(['true false', 'true false'])

    act(() => reactRoot.unmount())
    render(null, pel)

  })

  it('CJS: the same with require()', () => {
    const headless = require('consentry/headless')
    const { useHas } = require('consentry/preact')
    const { h, render } = require('preact')
    const { act } = require('preact/test-utils')
    const el = document.createElement('div')
    act(() => render(h(() => h('p', null, String(useHas('analytics'))), null), el))
    expect(el.textContent).toBe('false')
    act(() => headless.acceptAll())
    expect(el.textContent).toBe('true')
    act(() => headless.rejectAll())
    expect(el.textContent).toBe('false')
    render(null, el)
  })
})
