/**
 * What the first layer does when a part it loads on demand cannot be loaded
 * (a file not uploaded, blocked, offline): the visitor's path stays open. The
 * loader has already said why, once, on the console.
 */
export { renderFallback } from './preferences.js'
export { fallbackEmbeds } from './embeds.js'
