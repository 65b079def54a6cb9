import { ConsentryError } from '../errors/index.js'

/**
 * `url` if it is an http(s) URL or a relative one (resolved against the page);
 * otherwise an `invalid-config` error naming `field`. Control characters are
 * refused outright: the URL parser drops tabs and newlines anywhere and C0
 * controls at either end (WHATWG URL, "basic URL parser"), so `"java\nscript:…"`
 * would not be what a reader of the config sees.
 */
export const checkUrl = (field: string, url: unknown): string => {
  let ok = false
  try {
    ok = typeof url == 'string' && !!url.trim() && !/[\0-\x1f\x7f]/.test(url) && /^https?:$/.test(new URL(url, typeof location == 'undefined' ? 'http://localhost/' : location.href).protocol)
  } catch {
    // Not a URL at all: refused below.
  }
  if (!ok) throw new ConsentryError('invalid-config', `${field}: expected an http(s) or relative URL, got ${JSON.stringify(url)}`)
  return url as string
}
