import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { defineConfig, type Plugin } from 'vitest/config'
import { dashboardAssets } from './scripts/dashboard-assets.mjs'

// Three suites, one convention each, so no test file is silently missed:
// - unit:    src/**/*.test.ts beside the code, in happy-dom
// - dist:    test/dist/*.test.ts against the built files, as users get them
// - browser: test/browser/*.test.ts in real headless Chromium (CDP) and Firefox ESR (WebDriver BiDi), both driven by puppeteer-core
// Files at once, in every suite alike (vitest runs suites of one group in one pool, which needs one figure). Its
// default, CPUs − 1, is a single worker on a 2-CPU machine, and the browser files, once run one by one after the
// others, made CI take 28 minutes; they spend most of their time waiting on the browsers and servers they start, so
// two run side by side on two CPUs. Each browser file has its own server, browsers and profiles on ephemeral ports.
const maxWorkers = Math.max(2, availableParallelism() - 1)

// The consentry/svelte tests render real Svelte components: a `.svelte` file is compiled by Svelte's own compiler,
// to client code, or to server code when imported with `?server`. Svelte's own modules are their browser builds, as a
// bundler gives a page (its `browser` export condition): Node's resolution picks the server builds, whose mount() and
// hydrate() throw and whose DOM set-up does nothing.
let svelte: { dir: string; exports: Record<string, string | Record<string, string>> } | undefined
/** Svelte's folder and its package's export map, read once. */
const readSvelte = () => {
  const dir = dirname(createRequire(import.meta.url).resolve('svelte/package.json'))
  return { dir, exports: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>> }).exports }
}
const svelteComponents = (): Plugin => ({
  name: 'svelte-components',
  enforce: 'pre',
  resolveId(source) {
    const path = /^svelte(\/.*)?$/.exec(source)?.[1]
    if (path === undefined && source != 'svelte') return
    const { dir, exports } = (svelte ??= readSvelte())
    const entry = exports['.' + (path ?? '')]
    const file = typeof entry == 'string' ? entry : (entry?.browser ?? entry?.default)
    return file ? join(dir, file) : undefined
  },
  async transform(code, id) {
    const [file, query] = id.split('?')
    if (!file!.endsWith('.svelte')) return
    const { compile } = await import('svelte/compiler')
    return compile(code, { filename: file, generate: query == 'server' ? 'server' : 'client' }).js
  },
})

export default defineConfig({
  test: {
    projects: [
      // The property tests run 10,000 cases each; on a loaded CI machine that can take longer than vitest's 5 s default.
      { plugins: [dashboardAssets({ minify: false }), svelteComponents()], test: { name: 'unit', environment: 'happy-dom', server: { deps: { inline: ['svelte'] } }, include: ['src/**/*.test.ts'], testTimeout: 60_000, maxWorkers } },
      // test/dist/pack.test.ts builds the package beside the other files: on a loaded 2-CPU machine a type-check of
      // the README example or a parse of every source file then takes longer than 5 s.
      { test: { name: 'dist', environment: 'node', include: ['test/dist/**/*.test.ts'], testTimeout: 30_000, maxWorkers } },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          // One folder per run for the browsers' profiles, removed at the end of the run (test/browser/profiles.ts).
          globalSetup: ['test/browser/profiles.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers,
          // The files of one worker share its browsers (test/browser/driver.ts sharedLaunch): launching Chromium and
          // Firefox ESR for each of 36 files cost minutes. Each test still starts as a new visitor in a context of its own.
          isolate: false,
          // expect.poll's default of 1 s is a handful of tries when each one is a CDP or BiDi round trip on a loaded
          // machine; what a test claims about time it says with a timeout of its own (storage-tabs: "within a second").
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
})
