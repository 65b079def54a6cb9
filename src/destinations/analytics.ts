/**
 * Analytics SDKs' own opt-in and opt-out (privacy-signals §5). They are called
 * when present on the page; load them with `opt_out_…_by_default` (or blocked
 * by Consentry) so that nothing is captured before the first call.
 */
import type { Snapshot } from '../store/index.js'
import type { Destination } from './types.js'
import { allows } from './allows.js'

type Any = any
const sdk = (name: string): Any => (window as unknown as Record<string, Any>)[name]

/**
 * Segment analytics.js: every event carries `context.consent.categoryPreferences`
 * (a source middleware), and each change sends "Segment Consent Preference Updated".
 * Before Segment's snippet runs (it comes after Consentry, which holds its
 * loader), the middleware waits in the snippet's own queue, created here: the
 * snippet reuses an existing `window.analytics` array, and analytics.js
 * replays its `[method, ...args]` entries.
 * @example connectDestinations([segment()])
 */
export const segment = (): Destination => {
  let prefs: Record<string, boolean> = {}
  let installed = false
  const middleware = ({ payload, next }: Any) => {
    const ctx = (payload.obj.context ??= {})
    ctx.consent = { ...ctx.consent, categoryPreferences: { ...prefs } }
    next(payload)
  }
  const install = () => {
    const w = window as unknown as Record<string, Any>
    const a = w.analytics
    if (installed) return
    if (typeof a?.addSourceMiddleware == 'function') a.addSourceMiddleware(middleware)
    else if (!a || Array.isArray(a)) (w.analytics = a ?? []).push(['addSourceMiddleware', middleware])
    // Another library's `analytics`: left alone, tried again on the next change.
    else return
    installed = true
  }
  return {
    id: 'segment',
    init(s) {
      prefs = { ...s.categories }
      install()
    },
    update(s) {
      prefs = { ...s.categories }
      install()
      sdk('analytics')?.track?.('Segment Consent Preference Updated', {}, { context: { consent: { categoryPreferences: { ...prefs } } } })
    },
  }
}

/**
 * PostHog: `opt_in_capturing()` / `opt_out_capturing()` with the `posthog`
 * service when the config declares it, else with the category.
 */
export const posthog = (o: { category?: string; service?: string } = {}): Destination => ({
  id: 'posthog',
  update(s) {
    const p = sdk('posthog')
    if (!p) return
    const want = allows(s, o.category ?? 'analytics', o.service ?? 'posthog')
    // Only on a change: opting in again would send another "opt in" event.
    if (want && !p.has_opted_in_capturing?.()) p.opt_in_capturing?.()
    if (!want && !p.has_opted_out_capturing?.()) p.opt_out_capturing?.()
  },
})

/** Mixpanel: `opt_in_tracking()` / `opt_out_tracking()` with the `mixpanel` service, else the category. */
export const mixpanel = (o: { category?: string; service?: string } = {}): Destination => ({
  id: 'mixpanel',
  update(s) {
    const m = sdk('mixpanel')
    if (!m?.opt_in_tracking) return
    allows(s, o.category ?? 'analytics', o.service ?? 'mixpanel') ? m.opt_in_tracking() : m.opt_out_tracking()
  },
})

/** Amplitude Browser SDK 2: `setOptOut(!granted)`, with the `amplitude` service, else the category. */
export const amplitude = (o: { category?: string; service?: string } = {}): Destination => ({
  id: 'amplitude',
  update(s) {
    sdk('amplitude')?.setOptOut?.(!allows(s, o.category ?? 'analytics', o.service ?? 'amplitude'))
  },
})
