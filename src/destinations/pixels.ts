/**
 * Ad pixels' own consent calls (privacy-signals §5). Each must be heard
 * before the pixel's first event, so where a vendor's snippet reuses a queue
 * that already exists (TikTok, UET, Clarity), the queue is created here with
 * the consent call first in it.
 */
import type { Snapshot } from '../store/index.js'
import type { Destination, PrivacySignals } from './types.js'

type Any = any
const w = () => window as unknown as Record<string, Any>
const granted = (s: Snapshot, category: string) => s.categories[category] === true
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
 * Meta Pixel: `fbq('consent', 'revoke')` before `init` until the category is
 * granted, `grant` when it is; for US opt-outs, Limited Data Use
 * (`dataProcessingOptions(['LDU'], 0, 0)`, Meta geolocates), else `[]`.
 * @example connectDestinations([metaPixel({ category: 'marketing' })])
 */
export const metaPixel = (o: { category?: string } = {}): Destination => {
  const apply = (s: Snapshot, sig: PrivacySignals) =>
    withFbq((fbq) => {
      fbq('dataProcessingOptions', ...(optedOut(sig) ? [['LDU'], 0, 0] : [[]]))
      fbq('consent', granted(s, o.category ?? 'marketing') ? 'grant' : 'revoke')
    })
  return { id: 'meta-pixel', update: apply }
}

/**
 * TikTok Pixel: `holdConsent()` until decided, then `grantConsent()` or
 * `revokeConsent()`; a US opt-out revokes. The queue is the snippet's own
 * `ttq` array, created here if the snippet has not run yet.
 * @example connectDestinations([tiktokPixel()])
 */
export const tiktokPixel = (o: { category?: string } = {}): Destination => {
  const call = (method: string) => {
    const ttq = (w().ttq ??= [])
    typeof ttq[method] == 'function' ? ttq[method]() : ttq.push([method])
  }
  const apply = (s: Snapshot, sig: PrivacySignals) =>
    call(!s.decided && s.mode == 'opt-in' ? 'holdConsent' : granted(s, o.category ?? 'marketing') && !optedOut(sig) ? 'grantConsent' : 'revokeConsent')
  return { id: 'tiktok-pixel', update: apply }
}

/**
 * Microsoft UET consent mode: `uetq.push('consent', 'default' | 'update', { ad_storage })`
 * on every page, the default first (Microsoft honours `ad_storage` only).
 * @example connectDestinations([microsoftUet()])
 */
export const microsoftUet = (o: { category?: string } = {}): Destination => {
  const push = (kind: string, s: Snapshot, sig: PrivacySignals) =>
    (w().uetq ??= []).push('consent', kind, { ad_storage: granted(s, o.category ?? 'marketing') && !optedOut(sig) ? 'granted' : 'denied' })
  return {
    id: 'microsoft-uet',
    init: (s, sig) => push('default', s, sig),
    update: (s, sig) => push('update', s, sig),
  }
}

/**
 * Microsoft Clarity Consent API v2: `clarity('consentv2', { ad_Storage, analytics_Storage })`
 * (keys are case-sensitive). The queue stub is the snippet's own.
 * @example connectDestinations([microsoftClarity()])
 */
export const microsoftClarity = (o: { analytics?: string; ads?: string } = {}): Destination => {
  const apply = (s: Snapshot, sig: PrivacySignals) => {
    const win = w()
    win.clarity ??= function clarity() {
      ;(win.clarity.q ??= []).push(arguments)
    }
    win.clarity('consentv2', {
      ad_Storage: granted(s, o.ads ?? 'marketing') && !optedOut(sig) ? 'granted' : 'denied',
      analytics_Storage: granted(s, o.analytics ?? 'analytics') ? 'granted' : 'denied',
    })
  }
  return { id: 'microsoft-clarity', update: apply }
}
