// Builds: ESM + CJS of every entry (dependencies stay external), the script-tag
// IIFE with everything bundled and minified, and one bundled .d.ts per entry.
import typescript from '@rollup/plugin-typescript'
import resolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import replace from '@rollup/plugin-replace'
import { dts } from 'rollup-plugin-dts'
import { dashboardAssets } from './scripts/dashboard-assets.mjs'

const entries = { index: 'src/index.ts', headless: 'src/headless.ts', server: 'src/server/index.ts', i18n: 'src/ui/i18n/index.ts', strict: 'src/strict.ts', signals: 'src/signals/index.ts', presets: 'src/presets/index.ts', destinations: 'src/destinations/index.ts', preact: 'src/hooks/preact.ts', react: 'src/hooks/react.ts', vue: 'src/hooks/vue.ts', svelte: 'src/hooks/svelte.ts', angular: 'src/hooks/angular.ts', records: 'src/records/index.ts' }
// The languages of src/ui/i18n/pick.ts, one module each (test/dist/package.test.ts checks dist/i18n/ holds no other).
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'cs', 'ja', 'zh', 'ar', 'he', 'bg', 'el', 'et', 'ga', 'hr', 'hu', 'lt', 'lv', 'mt', 'ro', 'sk', 'sl', 'nb']
const minify = () => terser({ ecma: 2020, module: true, compress: { passes: 2 } })
// The script tag's own files run at once on every page: this magic comment, first in the file, has Chromium (136 and
// later) compile every function while the script streams in, on a background thread, rather than each on the page's
// main thread when first called (WICG explicit JavaScript compile hints, per-file). Measured in npm run bench:
// first-visit script time 248 → 161 ms, returning 217 → 160 ms (4× CPU, medians of 9). Other browsers read a comment.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad'
const production = () => replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } })
// The database engines of consentry/records are optional peers: imported (lazily) from the user's node_modules.
// Node's own modules (consentry/records uses node:crypto) are never bundled.
const external = (id) => id.startsWith('node:') || /^(preact|nanostores|js-cookie|react|react-dom|vue|@angular\/core|pg|@electric-sql\/pglite)(\/|$)/.test(id)
// `sourceMap` as the output's `sourcemap`: the plugin warns when it makes maps that rollup will not write.
// `incremental`: each of the builds below starts its own TypeScript program; with it, the later ones reuse what the
// first checked and emitted (tsconfig.tsbuildinfo, .rollup.cache/), and the same files come out (compared byte for
// byte): `npm run build` 79 → 53 s from a clean clone.
const ts = (sourceMap = true) =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'src/**/*.tsx'],
    exclude: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap, incremental: true },
  })

export default [
  {
    input: entries,
    external,
    // consentry/records serves its dashboard's script (with uPlot) and stylesheet, built here; a chunk loaded on the dashboard's first request.
    plugins: [dashboardAssets(), ts()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', sourcemap: true },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', sourcemap: true },
    ],
  },
  // The script-tag build: consentry.min.js for production, consentry.js (readable,
  // with development warnings) for setting a site up.
  ...[
    ['production', 'src/browser.ts', 'dist/consentry.min.js'],
    ['development', 'src/browser.ts', 'dist/consentry.js'],
    // With strict mode's network guard (blocking: 'strict').
    ['production', 'src/browser-strict.ts', 'dist/consentry.strict.min.js'],
  ].map(([mode, input, file]) => ({
    input,
    plugins: [
      // Dev-only checks sit behind process.env.NODE_ENV (as in nanostores); browsers have no `process`.
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify(mode) } }),
      resolve({ browser: true }),
      ts(),
      // Terser drops the banner's comment: its preamble puts it back, first in the file.
      mode == 'production' && terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { preamble: COMPILE_HINT } }),
    ],
    output: { file, format: 'iife', sourcemap: true, banner: COMPILE_HINT },
  })),
  {
    // The single-file script tag: everything above and below in one IIFE, its dynamic imports inlined (no fetch).
    input: 'src/browser-all.ts',
    // Without the compile hint: most of this file (the preferences centre, the signals, 29 languages) is not called on
    // load, and compiling it all up front cost the first visit more than it saved (measured: script time 270 → 305 ms).
    plugins: [production(), resolve({ browser: true }), ts(), terser({ ecma: 2020, module: false, compress: { passes: 2 } })],
    output: { file: 'dist/consentry.all.min.js', format: 'iife', sourcemap: true, inlineDynamicImports: true },
  },
  // Loaded on demand by the script-tag build: the preferences centre, with its
  // own Preact, and one small module per language.
  {
    input: 'src/ui/preferences/index.tsx',
    plugins: [production(), resolve({ browser: true }), ts(), minify()],
    output: { file: 'dist/consentry-preferences.mjs', format: 'es', sourcemap: true },
  },
  {
    // The US signals (GPP, USP) for the script tag, with js-cookie bundled.
    input: 'src/signals/start.ts',
    plugins: [production(), resolve({ browser: true }), ts(), minify()],
    output: { file: 'dist/consentry-signals.mjs', format: 'es', sourcemap: true },
  },
  {
    // The destinations for script-tag sites, switched on by name in a JSON block.
    input: 'src/destinations/browser.ts',
    plugins: [production(), resolve({ browser: true }), ts(), terser({ ecma: 2020, module: false, compress: { passes: 2 } })],
    output: { file: 'dist/consentry-destinations.min.js', format: 'iife', sourcemap: true },
  },
  {
    // Its sync outbox, fetched from beside it only where the block names a sync.
    input: 'src/sync/browser.ts',
    plugins: [production(), resolve({ browser: true }), ts(), minify()],
    output: { file: 'dist/consentry-sync.mjs', format: 'es', sourcemap: true },
  },
  {
    // The GPP and USP stubs: a classic script for the top of <head>.
    input: 'src/signals/stub/browser.ts',
    plugins: [ts(), terser({ ecma: 2020, module: false, compress: { passes: 2 } })],
    output: { file: 'dist/consentry-stub.min.js', format: 'iife', sourcemap: true },
  },
  {
    input: 'src/ui/extras/index.ts',
    plugins: [production(), resolve({ browser: true }), ts(), minify()],
    output: { file: 'dist/consentry-extras.mjs', format: 'es', sourcemap: true },
  },
  {
    input: Object.fromEntries(LANGUAGES.map((l) => [l, `src/ui/i18n/${l}.ts`])),
    plugins: [ts(false), minify()],
    output: { dir: 'dist/i18n', format: 'es', entryFileNames: '[name].mjs' },
  },
  {
    // `npx consentry migrate …`: a Node command, never loaded by a page.
    input: 'src/cli/index.ts',
    // The database engines stay imports, made only when a records command opens a store (they are optional peers).
    external: (id) => id.startsWith('node:') || /^(@electric-sql\/pglite|pg)(\/|$)/.test(id),
    // One file (a copied bin still runs); the records commands' code is in it, but runs only when one is called.
    output: { file: 'dist/cli.mjs', format: 'es', banner: '#!/usr/bin/env node', inlineDynamicImports: true },
    // npm sets the executable bit when it installs a bin; set it here too, so ./dist/cli.mjs runs in this repository.
    plugins: [dashboardAssets(), ts(false), { name: 'executable', writeBundle: async ({ file }) => (await import('node:fs/promises')).chmod(file, 0o755) }],
  },
  ...Object.entries(entries).map(([name, input]) => ({
    input,
    external,
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    output: [
      { file: `dist/${name}.d.ts`, format: 'es' },
      { file: `dist/${name}.d.cts`, format: 'es' },
    ],
  })),
]
