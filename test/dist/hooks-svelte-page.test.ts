// @vitest-environment happy-dom
// consentry/svelte as users get it, in a page: the built dist/svelte.mjs and .cjs keep Svelte's store contract
// (svelte/store's get and derived read them) and follow the one store that dist/index.mjs and dist/headless.mjs change.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect, it } from 'vitest'

// From the package's root (vitest runs there): in a page, import.meta.url is the page's address.
const require = createRequire(join(process.cwd(), 'package.json'))
const CONFIG = { revision: 1, categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }] }

it("the stores follow decisions made through consentry and consentry/headless, with svelte/store's get and derived, ESM and CJS", async () => {
  const { get, derived } = await import('svelte/store')
  type Entries = [typeof import('consentry/svelte'), typeof import('consentry/headless'), typeof import('consentry')]
  // Each format with its own entries: an ESM and a CJS copy of a package are two modules with a store each.
  const esm: Entries = [await import('consentry/svelte'), await import('consentry/headless'), await import('consentry')]
  const cjs = ['consentry/svelte', 'consentry/headless', 'consentry'].map((n) => require(n)) as Entries
  for (const [svelte, headless, consentry] of [esm, cjs]) {
    await headless.init(CONFIG)
    headless.reset()
    const seen: string[] = []
    const stop = derived(svelte.consent(), (c) => `${c.decided} ${c.services.posthog}`).subscribe((v) => seen.push(v))
    consentry.acceptAll()
    headless.set({ posthog: false })
    expect([get(svelte.consent()).decided, get(svelte.granted('posthog'))]).toEqual([true, false])
    stop()
    headless.rejectAll()
    expect(seen).toEqual(['false false', 'true true', 'true false'])
  }
})
