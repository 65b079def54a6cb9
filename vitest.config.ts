import { defineConfig } from 'vitest/config'
import { dashboardAssets } from './scripts/dashboard-assets.mjs'

// Three suites, one convention each, so no test file is silently missed:
// - unit:    src/**/*.test.ts beside the code, in happy-dom
// - dist:    test/dist/*.test.ts against the built files, as users get them
// - browser: test/browser/*.test.ts in real headless Chromium (CDP) and Firefox ESR (WebDriver BiDi), both driven by puppeteer-core
export default defineConfig({
  test: {
    projects: [
      // The property tests run 10,000 cases each; on a loaded CI machine that can take longer than vitest's 5 s default.
      { plugins: [dashboardAssets({ minify: false })], test: { name: 'unit', environment: 'happy-dom', include: ['src/**/*.test.ts'], testTimeout: 60_000 } },
      // test/dist/pack.test.ts builds the package beside the other files: on a loaded 2-CPU machine a type-check of
      // the README example or a parse of every source file then takes longer than 5 s.
      { test: { name: 'dist', environment: 'node', include: ['test/dist/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
