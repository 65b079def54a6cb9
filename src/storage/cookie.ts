import Cookies from 'js-cookie'
import type { ResolvedConfig } from '../config/types.js'
import { cookieValues } from './parse.js'

type CookieConfig = ResolvedConfig['cookie']

/** Every value of the cookie `name` visible to this page (see {@link cookieValues}). */
export const readCookies = (name: string): string[] => {
  try {
    return cookieValues(document.cookie, name)
  } catch {
    // Sandboxed documents throw SecurityError on access.
    return []
  }
}

/**
 * Writes the cookie to expire `maxAge` seconds from now (0 or less deletes it);
 * returns false when the browser refused to keep it. Max-Age (RFC 6265 §5.2.2)
 * rather than Expires: js-cookie writes Expires with `Date#toUTCString`, whose
 * first call costs V8 its date-formatting set-up on every page view (docs/speed.md).
 */
export const writeCookie = (c: CookieConfig, value: string, maxAge: number): boolean => {
  try {
    Cookies.set(c.name, value, {
      // A negative Max-Age deletes the cookie (RFC 6265 §5.2.2); 0 should too, but not everywhere (happy-dom keeps it).
      'max-age': String(maxAge > 0 ? Math.ceil(maxAge) : -1),
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
