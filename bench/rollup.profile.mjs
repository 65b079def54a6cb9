// Only for bench/profile.mjs, never shipped: the script-tag build and the preferences centre
// as production code (process.env.NODE_ENV "production", so the same code runs as in
// consentry.min.js) but not minified, with source maps, into bench/.build/, so a CPU profile
// names functions and maps each sample to its source file.
import typescript from '@rollup/plugin-typescript'
import resolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'

const plugins = () => [
  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  resolve({ browser: true }),
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'src/**/*.tsx'],
    exclude: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: true },
  }),
]

export default [
  { input: 'src/browser.ts', plugins: plugins(), output: { file: 'bench/.build/consentry.min.js', format: 'iife', sourcemap: true } },
  { input: 'src/ui/preferences/index.tsx', plugins: plugins(), output: { file: 'bench/.build/consentry-preferences.mjs', format: 'es', sourcemap: true } },
]
