/**
 * `window.__uspapi`: the IAB US Privacy API (USP API v1.0), kept for the ad
 * tech that still reads it (Google Ads, Prebid's USP module, `us_privacy=`
 * syncs; privacy-signals §2.3). `getUSPData` version 1 calls back at once,
 * synchronously and once, with `{ version: 1, uspString }`. Calls a stub
 * queued before this loaded are answered, in order.
 */
import Cookies from 'js-cookie'
import { answer, answerFrames, locator, MAX_KEPT } from './frames.js'

type Callback = (data: { version: 1; uspString: string } | null, success: boolean) => void
type UspFunction = ((command?: unknown, version?: unknown, callback?: unknown) => unknown) & { consentry?: true }

/**
 * Installs `__uspapi` answering `uspString()`; the cookie `usprivacy` follows
 * it when `cookie` is set. Any call with a callback is answered: `null` and
 * `false` for anything but `getUSPData` version 1; nothing a caller passes or
 * a callback throws escapes to the page.
 */
export const startUsp = (uspString: () => string, cookie: boolean) => {
  const w = window as unknown as { __uspapi?: UspFunction }
  const stub = w.__uspapi
  let queued: unknown = null
  try {
    queued = typeof stub == 'function' ? stub() : null
  } catch {
    // Not a stub of ours: nothing handed over.
  }
  const api: UspFunction = (command, version, callback) => {
    if (typeof callback != 'function') return
    const ok = command === 'getUSPData' && (version === 1 || version === '1')
    answer(callback as Callback, ok ? { version: 1, uspString: uspString() } : null, ok)
  }
  api.consentry = true
  w.__uspapi = api
  const frames = answerFrames('__uspapiCall', '__uspapiReturn', (c, reply) => api(c.command, c.version, reply))
  locator('__uspapiLocator')
  if (Array.isArray(queued)) for (const args of queued.slice(0, MAX_KEPT)) if (Array.isArray(args)) api(args[0], args[1], args[2])
  // The IAB's recommended first-party copy, for servers and for tags that read the cookie (US Privacy String §"Storage").
  const write = () => {
    if (cookie)
      Cookies.set('usprivacy', uspString(), { expires: 395, path: '/', sameSite: 'Lax', secure: location.protocol == 'https:' })
  }
  write()
  return {
    update: write,
    stop(): void {
      frames()
      if (w.__uspapi === api) delete w.__uspapi
    },
  }
}
