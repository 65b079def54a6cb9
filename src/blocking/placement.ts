/**
 * A development check for where Consentry's script sits. Blocking starts when
 * Consentry does: a tag manager or vendor snippet placed before it has already
 * inserted its vendor script, which the browser fetched at once, and nothing
 * can call that back. Consentry then still holds back what comes later, and
 * the page looks as if it worked; this says so, once per service, naming
 * what got in first.
 */
import type { ResolvedConfig } from '../config/types.js'
import { warnOnce } from '../errors/index.js'
import { urlMatches } from './match.js'

/**
 * What the page has fetched or is fetching now: its script, iframe and img
 * elements that ran — not those waiting for consent, which keep their URL in
 * a data- attribute or sit in a `text/plain` script the browser never runs
 * (HTML §4.12.1.1) — and its resource timing entries, which also remember
 * scripts a loader removed again and requests of code already running.
 */
const loadedUrls = (): string[] => {
  const urls: string[] = []
  for (const el of document.querySelectorAll<HTMLScriptElement | HTMLIFrameElement | HTMLImageElement>('script[src],iframe[src],img[src]'))
    if (!el.matches('[data-consent],[data-category],script[type="text/plain"]')) urls.push(el.src)
  try {
    for (const entry of performance.getEntriesByType('resource')) urls.push(entry.name)
  } catch {
    // No resource timing here (an old engine, a test DOM): the elements still tell.
  }
  return urls
}

/**
 * Warns once per service (outside necessary categories) whose `hosts` match
 * something the page loaded before Consentry started. Blocking calls it
 * at start-up, in development builds only.
 */
export const warnPlacement = (config: ResolvedConfig, urls: string[] = loadedUrls()): void => {
  const necessary = new Set(config.categories.filter((c) => c.necessary).map((c) => c.id))
  for (const service of config.services.values()) {
    const url = !necessary.has(service.category) && urls.find((u) => service.hosts.some((h) => urlMatches(u, h)))
    if (url) warnOnce('loaded-first', `"${service.id}" loaded ${url}`)
  }
}
