/**
 * `dist/consentry-sync.mjs`: the sync outbox for script-tag sites, fetched by
 * `consentry-destinations.min.js` from beside itself only where its block names
 * a sync (`serverSync` or `sync`), so pages without one never download it.
 */
export { outbox } from './outbox.js'
