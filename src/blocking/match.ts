import type { ResolvedConfig, Service } from '../config/types.js'
import { $snapshot } from '../store/index.js'
/** What a service loads: a host (`google-analytics.com`, which covers its subdomains), a URL prefix, or a pattern. */
export type UrlMatcher = string | RegExp

/**
 * Whether `url` (absolute or relative to the page) is something this matcher
 * names. A bare host matches itself and every subdomain (`www.`, `region1.`);
 * a matcher with a `/` is a URL prefix, compared without the scheme.
 */
export const urlMatches = (url: string, matcher: UrlMatcher, base = location.href): boolean => {
  let u: URL
  try {
    u = new URL(url, base)
  } catch {
    return false
  }
  if (typeof matcher != 'string') return (matcher.lastIndex = 0, matcher.test(u.href))
  // Host names are case-insensitive (RFC 3986 §3.2.2), paths are not.
  const [h = '', ...path] = matcher.replace(/^(https?:)?\/\//, '').split('/')
  const m = h.toLowerCase()
  if (path.length) return (u.host + u.pathname + u.search).startsWith([m, ...path].join('/'))
  return u.hostname == m || u.hostname.endsWith('.' + m)
}

/**
 * For a config: the service a URL belongs to when that service has no consent
 * now (blocking parks such elements; strict mode refuses such requests), or
 * undefined when no service names a host at all.
 */
export const blockedByOf = (config: ResolvedConfig): ((url: string) => Service | undefined) | undefined => {
  const services = [...config.services.values()].filter((s) => s.hosts.length)
  return services.length
    ? (url) => {
        const s = $snapshot.get()
        return services.find((x) => !s.services[x.id] && x.hosts.some((h) => urlMatches(url, h)))
      }
    : undefined
}
