/**
 * Migration from other consent tools: converters (pure) and the file loader
 * and writers the `consentry` command uses. Node-side tooling: no browser
 * entry imports this folder.
 */
export { fromVanillaCookieConsent, MigrationError, type MigrationResult } from './vanilla-cookieconsent.js'
export { loadConfig, LoadError, type Loaded } from './load.js'
export { toJson, toModule, toGlobs } from './format.js'
