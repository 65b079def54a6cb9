import Cookies from 'js-cookie'
import type { ResolvedConfig } from '../config/types.js'

type CookieConfig = ResolvedConfig['cookie']

/**
 * Every value of the cookie `name` visible to this page. Several can exist at
 * once (one per domain or path variant, RFC 6265 §5.4 orders them by path
 * length, not age), so the caller picks the newest valid one instead of
 * trusting whichever comes first, as `Cookies.get` would.
 */
export const readCookies = (name: string): string[] => {
  const out: string[] = []
  let jar = ''
  try {
    jar = document.cookie
  } catch {
    // Sandboxed documents throw SecurityError on access.
  }
  for (const pair of jar.split(/;\s*/)) {
    const eq = pair.indexOf('=')
    if (pair.slice(0, eq) === name) out.push(pair.slice(eq + 1))
  }
  return out
}

/** Writes the cookie; returns false when the browser refused to keep it. */
export const writeCookie = (c: CookieConfig, value: string, expires: Date): boolean => {
  try {
    Cookies.set(c.name, value, {
      expires,
      path: c.path,
      domain: c.domain,
      sameSite: c.sameSite,
      secure: c.secure,
    })
  } catch {
    return false
  }
  return readCookies(c.name).includes(value)
}

export const removeCookie = (c: CookieConfig): void => {
  try {
    Cookies.remove(c.name, { path: c.path, domain: c.domain })
  } catch {
    // Nothing to do: a document that cannot write cookies has none of ours.
  }
}
