// What a bundler does for the ESM build and nanostores: both read
// `process.env.NODE_ENV` to leave development warnings out of production.
// Browsers have no `process`, so this app defines the one field they read.
// It is imported first by app.mjs: modules run in the order they are imported,
// so it runs before any of them.
globalThis.process ??= { env: { NODE_ENV: 'production' } }
