// consentry/svelte as users get it: the built dist/svelte.mjs and .cjs, in Node. A component compiled by Svelte's
// own compiler renders on the server from the decision consentry/server reads (in a page: hooks-svelte-page.test.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, describe, expect, it, vi } from 'vitest'

const root = new URL('../../', import.meta.url)
const require = createRequire(root)
const dist = (file: string) => readFileSync(new URL('dist/' + file, root), 'utf8')
const CONFIG = { revision: 1, categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }] }

afterAll(() => vi.restoreAllMocks())

describe('consentry/svelte in Node', () => {
  it('exports consent and granted in ESM and CJS, with types, and imports nothing of Svelte or the UI', async () => {
    const esm = await import('consentry/svelte')
    const cjs = require('consentry/svelte')
    for (const n of ['consent', 'granted']) {
      expect(typeof (esm as Record<string, unknown>)[n], `ESM ${n}`).toBe('function')
      expect(typeof cjs[n], `CJS ${n}`).toBe('function')
    }
    for (const ext of ['d.ts', 'd.cts']) expect(dist(`svelte.${ext}`)).toMatch(/consent[\s\S]*granted[\s\S]*Readable/)
    for (const file of ['svelte.mjs', 'svelte.cjs']) {
      expect(dist(file)).not.toMatch(/(from |require\()'(svelte|preact|\.\/chunks\/(banner|mount|preferences|extras|index))/)
      expect(dist(file).length).toBeLessThan(5000)
    }
  })

  it('a Svelte component server-renders the decision read by consentry/server', async () => {
    const { compile } = await import('svelte/compiler')
    const { render } = await import('svelte/server')
    const { readConsent } = await import('consentry/server')
    const source = `<script>
  import { consent, granted } from 'consentry/svelte'
  let { initial = undefined } = $props()
  const choices = consent(initial), posthog = granted('posthog', initial)
</script>
<p>{$choices.decided} {$posthog}</p>`
    // Written inside the package, so 'consentry/svelte' resolves to this package's dist/ as a user's code does.
    mkdirSync(new URL('.tmp/', root), { recursive: true })
    const file = new URL('.tmp/svelte-page.mjs', root)
    writeFileSync(file, compile(source, { generate: 'server', filename: 'Page.svelte' }).js.code)
    const { default: Page } = await import(file.href)
    // A real cookie value; the encoder is not public, so the test takes it from the source.
    const { decisionCookie } = await import('../../src/hooks/testing.js')
    const initial = readConsent(`consentry=${decisionCookie(true)}`, { ...CONFIG, categories: [...CONFIG.categories, { id: 'marketing', services: [{ id: 'meta' }] }] })
    const html = (props: object) => render(Page, { props }).body.replace(/<!--.*?-->/g, '')
    expect(html({ initial })).toBe('<p>true true</p>')
    expect(html({})).toBe('<p>false false</p>')
  })

  it("on a server, never another request's decision: the store there is shared by every request", async () => {
    // Node has no localStorage: the notice that says so is expected here.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const headless = await import('consentry/headless')
    await headless.init(CONFIG)
    headless.acceptAll()
    expect(headless.has('analytics')).toBe(true)
    const { get } = await import('svelte/store')
    for (const svelte of [await import('consentry/svelte'), require('consentry/svelte')] as (typeof import('consentry/svelte'))[])
      expect([get(svelte.consent()).decided, get(svelte.granted('analytics'))]).toEqual([false, false])
  })
})
