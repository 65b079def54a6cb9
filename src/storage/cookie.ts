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
