/**
 * Ad pixels' own consent calls (privacy-signals §5). Each must be heard
 * before the pixel's first event, so where a vendor's snippet reuses a queue
 * that already exists (TikTok, UET, Clarity), the queue is created here with
 * the consent call first in it.
 */
import type { Snapshot } from '../store/index.js'
import type { Destination, PrivacySignals } from './types.js'
import { allows } from './allows.js'

type Any = any
const w = () => window as unknown as Record<string, Any>
const optedOut = (sig: PrivacySignals) => sig.optOut.sale || sig.optOut.sharing || sig.optOut.targetedAds

/**
 * Calls `fn` with Meta's `fbq` now, or — when the pixel's base code runs
 * later — as soon as that code has built `fbq` and its queue, so the call is
 * queued ahead of the page's own `fbq('init', …)`. (The base code assigns
 * `fbq` first and its `queue` last; the hook waits for the queue.)
 */
const withFbq = (fn: (fbq: Any) => void) => {
  const win = w()
  if (typeof win.fbq == 'function') return fn(win.fbq)
  const waiting: ((fbq: Any) => void)[] = (win.__consentryFbq ??= [])
  waiting.push(fn)
  if (waiting.length > 1) return
  const define = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true })
  Object.defineProperty(win, 'fbq', {
    configurable: true,
    get: () => undefined,
    set(fbq: Any) {
      define(win, 'fbq', fbq)
      if (typeof fbq != 'function') return
      Object.defineProperty(fbq, 'queue', {
        configurable: true,
        get: () => undefined,
        set(q: unknown) {
          define(fbq, 'queue', q)
          for (const f of waiting.splice(0)) f(fbq)
        },
      })
    },
  })
}

/**
 * Meta Pixel: `fbq('consent', 'revoke')` the moment it is connected — ahead of
 * the page's `fbq('init', …)` even when Consentry itself loads later — then, when
 * Consentry is ready and on every change, `grant` or `revoke` with the
 * `meta-pixel` service (else the category); for US opt-outs Limited Data Use
 * (`dataProcessingOptions(['LDU'], 0, 0)`, Meta geolocates), else `[]`.
 * @example connectDestinations([metaPixel({ category: 'marketing' })])
 */
export const metaPixel = (o: { category?: string; service?: string } = {}): Destination => {
  const apply = (s: Snapshot, sig: PrivacySignals) =>
    withFbq((fbq) => {
      fbq('dataProcessingOptions', ...(optedOut(sig) ? [['LDU'], 0, 0] : [[]]))
      fbq('consent', allows(s, o.category ?? 'marketing', o.service ?? 'meta-pixel') ? 'grant' : 'revoke')
    })
  return { id: 'meta-pixel', connect: () => withFbq((fbq) => fbq('consent', 'revoke')), update: apply }
}

/**
 * TikTok Pixel: `holdConsent()` the moment it is connected, kept until decided,
 * then `grantConsent()` or `revokeConsent()` with the `tiktok-pixel` service
 * (else the category); a US opt-out revokes. The queue is the snippet's own
 * `ttq` array, created here if the snippet has not run yet.
 * @example connectDestinations([tiktokPixel()])
 */
export const tiktokPixel = (o: { category?: string; service?: string } = {}): Destination => {
  let last = ''
  const call = (method: string) => {
    if (method == last) return
    last = method
    const ttq = (w().ttq ??= [])
    typeof ttq[method] == 'function' ? ttq[method]() : ttq.push([method])
  }
  const apply = (s: Snapshot, sig: PrivacySignals) =>
    call(!s.decided && s.mode == 'opt-in' ? 'holdConsent' : allows(s, o.category ?? 'marketing', o.service ?? 'tiktok-pixel') && !optedOut(sig) ? 'grantConsent' : 'revokeConsent')
  return { id: 'tiktok-pixel', connect: () => call('holdConsent'), update: apply }
}

/**
 * Microsoft UET consent mode: `uetq.push('consent', 'default', { ad_storage: 'denied' })`
 * the moment it is connected, before the tag, on every page; then an `update`
 * when Consentry is ready and on every change (Microsoft honours `ad_storage` only),
 * with the `microsoft-uet` service, else the category.
 * @example connectDestinations([microsoftUet()])
 */
export const microsoftUet = (o: { category?: string; service?: string } = {}): Destination => {
  const push = (kind: string, ad_storage: string) => (w().uetq ??= []).push('consent', kind, { ad_storage })
  return {
    id: 'microsoft-uet',
    connect: () => push('default', 'denied'),
    update: (s, sig) => push('update', allows(s, o.category ?? 'marketing', o.service ?? 'microsoft-uet') && !optedOut(sig) ? 'granted' : 'denied'),
  }
}

/**
 * Microsoft Clarity Consent API v2: `clarity('consentv2', { ad_Storage, analytics_Storage })`
 * (keys are case-sensitive), both denied the moment it is connected, then what
 * the visitor decided: analytics with the `microsoft-clarity` service (else the
 * category), ads with the ads category. The queue stub is the snippet's own.
 * @example connectDestinations([microsoftClarity()])
 */
export const microsoftClarity = (o: { analytics?: string; ads?: string; service?: string } = {}): Destination => {
  const send = (ad: boolean, analytics: boolean) => {
    const win = w()
    win.clarity ??= function clarity() {
      ;(win.clarity.q ??= []).push(arguments)
    }
    win.clarity('consentv2', { ad_Storage: ad ? 'granted' : 'denied', analytics_Storage: analytics ? 'granted' : 'denied' })
  }
  return {
    id: 'microsoft-clarity',
    connect: () => send(false, false),
    update: (s, sig) => send(s.categories[o.ads ?? 'marketing'] === true && !optedOut(sig), allows(s, o.analytics ?? 'analytics', o.service ?? 'microsoft-clarity')),
  }
}
