/**
 * `window.__uspapi`: the IAB US Privacy API (USP API v1.0), kept for the ad
 * tech that still reads it (Google Ads, Prebid's USP module, `us_privacy=`
 * syncs; privacy-signals §2.3). `getUSPData` version 1 calls back at once,
 * synchronously and once, with `{ version: 1, uspString }`. Calls a stub
 * queued before this loaded are answered, in order.
 */
import Cookies from 'js-cookie'
import { answerFrames, locator } from './frames.js'

type Callback = (data: { version: 1; uspString: string } | null, success: boolean) => void
type UspFunction = ((command?: string, version?: number, callback?: Callback) => unknown) & { consentry?: true }

/** Installs `__uspapi` answering `uspString()`; the cookie `usprivacy` follows it when `cookie` is set. */
export const startUsp = (uspString: () => string, cookie: boolean) => {
  const w = window as unknown as { __uspapi?: UspFunction }
  const stub = w.__uspapi
  const queued = typeof stub == 'function' ? stub() : null
  const api: UspFunction = (command, version, callback) => {
    if (typeof callback != 'function') return
    if (command == 'getUSPData' && version == 1) callback({ version: 1, uspString: uspString() }, true)
    else callback(null, false)
  }
  api.consentry = true
  w.__uspapi = api
  const frames = typeof stub == 'function' ? () => {} : answerFrames('__uspapiCall', '__uspapiReturn', (c, reply) => api(c.command as string, c.version as number, reply))
  locator('__uspapiLocator')
  if (Array.isArray(queued)) for (const args of queued) if (Array.isArray(args)) api(...(args as Parameters<UspFunction>))
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
