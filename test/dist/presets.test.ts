// consentry/presets as users get it: importable without a DOM, and tree-shaken down to what is named.
import { readFileSync } from 'node:fs'
import { rollup } from 'rollup'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)

describe('consentry/presets', () => {
  it('imports nothing at run time (it can be loaded beside the script tag as it is)', () => {
    expect(readFileSync(new URL('dist/presets.mjs', root), 'utf8')).not.toMatch(/\bimport\s*[{*\w'"]/)
  })

  it('bundles only the presets a site names', async () => {
    const bundle = await rollup({
      input: 'entry',
      plugins: [
        { name: 'entry', resolveId: (id) => (id == 'entry' ? id : null), load: (id) => (id == 'entry' ? "import { youtube } from 'consentry/presets'; console.log(youtube)" : null) },
        nodeResolve({ rootDir: new URL('.', root).pathname }),
      ],
      onwarn: () => {},
    })
    const { output } = await bundle.generate({ format: 'es' })
    const code = output[0].code
    const { youtube } = await import('consentry/presets')
    for (const host of youtube.hosts as string[]) expect(code).toContain(host)
    for (const other of ['hotjar', 'mixpanel', 'connect.facebook.net', 'google-analytics.com']) expect(code).not.toContain(other)
  })

  it('is importable from Node in ESM and CJS', async () => {
    const esm = await import('consentry/presets')
    expect(Object.keys(esm)).toHaveLength(15)
    const { createRequire } = await import('node:module')
    expect(createRequire(import.meta.url)('consentry/presets').youtube.id).toBe('youtube')
  })
})
