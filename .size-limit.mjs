// Size budgets, checked by `npm test`. Figures are gzip, minified, as a
// production bundle ships them: process.env.NODE_ENV is "production", so the
// development warnings are left out, as users' bundlers (and consentry.min.js) do.
const production = (config) => ({ ...config, define: { ...config.define, 'process.env.NODE_ENV': '"production"' } })

export default [
  {
    name: 'consentry/headless: own code (nanostores and js-cookie stay external, as in the ESM build)',
    path: 'dist/headless.mjs',
    import: '*',
    ignore: ['nanostores', 'js-cookie', 'preact'],
    gzip: true,
    limit: '4.8 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry/headless: with nanostores and js-cookie',
    path: 'dist/headless.mjs',
    import: '*',
    gzip: true,
    limit: '5.7 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry: with dependencies',
    path: 'dist/index.mjs',
    import: '*',
    gzip: true,
    limit: '5.7 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'consentry/server',
    path: 'dist/server.mjs',
    import: '*',
    gzip: true,
    limit: '3 KB',
    modifyEsbuildConfig: production,
  },
  {
    name: 'dist/consentry.min.js (script tag, everything included)',
    path: 'dist/consentry.min.js',
    import: false,
    gzip: true,
    limit: '6 KB',
  },
]
