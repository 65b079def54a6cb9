import type { CookieMatcher } from '../config/types.js'
import { matches } from './names.js'

const EXPIRED = '=; expires=Thu, 01 Jan 1970 00:00:00 GMT'

/**
 * Every Domain a script on this page could have set a cookie for: none
 * (host-only), the host, and each parent domain (RFC 6265 §5.3 step 5 lets a
 * page set any of them; the browser itself refuses public suffixes such as
 * `.co.uk`, so trying them is harmless).
 */
export const domainVariants = (host: string): (string | undefined)[] => {
  const labels = host.split('.')
  const out: (string | undefined)[] = [undefined]
  // An IP address has no parent domains.
  if (/^[\d.]+$|:/.test(host)) return out
  for (let i = 0; i < labels.length - 1; i++) out.push('.' + labels.slice(i).join('.'))
  return out
}

/** `/`, and each ancestor of the current path down to the path itself (RFC 6265 §5.1.4 default-path). */
export const pathVariants = (path: string): string[] => {
  const out = ['/']
  const parts = path.split('/').filter(Boolean)
  for (let i = 1; i <= parts.length; i++) {
    const p = '/' + parts.slice(0, i).join('/')
    out.push(p, p + '/')
  }
  return out
}

/**
 * Deletes every cookie visible to this page whose name matches, on every
 * domain and path variant it could live on. HttpOnly cookies and cookies of
 * other sites cannot be removed from a page at all (see `reloadOnWithdraw`).
 * Returns the names it deleted.
 */
export const deleteCookies = (matchers: CookieMatcher[], doc: Document = document): string[] => {
  if (!matchers.length) return []
  const names = new Set<string>()
  for (const pair of doc.cookie.split(/;\s*/)) {
    const name = pair.slice(0, pair.indexOf('=') >>> 0)
    if (name && matches(name, matchers)) names.add(name)
  }
  const { hostname, pathname } = doc.location
  for (const name of names)
    for (const domain of domainVariants(hostname))
      for (const path of pathVariants(pathname))
        doc.cookie = name + EXPIRED + '; path=' + path + (domain ? '; domain=' + domain : '')
  return [...names]
}

/** Removes matching keys from a Storage (localStorage, sessionStorage); never throws. */
export const deleteKeys = (matchers: CookieMatcher[], storage: () => Storage | null): string[] => {
  const removed: string[] = []
  try {
    const s = storage()
    if (!s) return removed
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i)
      if (key !== null && matches(key, matchers)) {
        s.removeItem(key)
        removed.push(key)
      }
    }
  } catch {
    // Storage blocked: nothing of the service's can be there either.
  }
  return removed
}

/**
 * Deletes the cookies and storage keys that match: what `startBlocking` does
 * when a service loses (or never had) consent. The script tag loads it on
 * demand, only when a matching cookie or key is actually there.
 */
export const clean = (cookies: CookieMatcher[], keys: CookieMatcher[], storage: () => Storage | null): void => {
  deleteCookies(cookies)
  deleteKeys(keys, storage)
}
