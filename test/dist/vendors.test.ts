// One vendor, one name (issue #19), as users bundle it: a vendor's preset is the service everywhere, and only a
// page that imports consentry/destinations carries the code that tells the vendor.
import { rollup } from 'rollup'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)

/** Every chunk rollup writes for a page, the on-demand ones included, as one text. */
const bundled = async (page: string): Promise<string> => {
  const bundle = await rollup({
    input: 'page',
    plugins: [
      { name: 'page', resolveId: (id) => (id == 'page' ? id : null), load: (id) => (id == 'page' ? page : null) },
      nodeResolve({ rootDir: new URL('.', root).pathname }),
    ],
    external: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'nanostores', 'js-cookie'],
    onwarn: () => {},
  })
  const { output } = await bundle.generate({ format: 'es' })
  return output.map((o) => (o.type == 'chunk' ? o.code : '')).join('\n')
}

// A call each vendor destination makes, and no other code does.
const TELLING = ['dataProcessingOptions', 'holdConsent', 'consentv2', 'opt_in_capturing', 'opt_in_tracking', 'setOptOut', 'addSourceMiddleware']
const SERVICES = "services: [metaPixel, tiktokPixel, microsoftClarity, segment, posthog, mixpanel, amplitude]"
const PRESETS = "import { metaPixel, tiktokPixel, microsoftClarity, segment, posthog, mixpanel, amplitude } from 'consentry/presets'\n"

describe('a vendor preset', () => {
  it('in a page that only blocks (consentry, the presets in services), brings no destination code', async () => {
    const code = await bundled(PRESETS + `import { init } from 'consentry'\ninit({ categories: [{ id: 'marketing', ${SERVICES} }] })`)
    expect(code).toContain('connect.facebook.net')
    expect(TELLING.filter((call) => code.includes(call))).toEqual([])
  }, 60_000)

  it('in a headless page that only blocks, neither', async () => {
    const code = await bundled(PRESETS + `import { init, startBlocking } from 'consentry/headless'\ninit({ categories: [{ id: 'marketing', ${SERVICES} }] }).then(startBlocking)`)
    expect(code).toContain('posthog.com')
    expect(TELLING.filter((call) => code.includes(call))).toEqual([])
  }, 60_000)

  it('in connectDestinations as well, brings the code that tells each vendor', async () => {
    const code = await bundled(
      PRESETS + `import { init } from 'consentry'\nimport { connectDestinations } from 'consentry/destinations'\nconnectDestinations([metaPixel, tiktokPixel, microsoftClarity, segment, posthog, mixpanel, amplitude])\ninit({ categories: [{ id: 'marketing', ${SERVICES} }] })`,
    )
    expect(TELLING.filter((call) => !code.includes(call))).toEqual([])
  }, 60_000)
})
