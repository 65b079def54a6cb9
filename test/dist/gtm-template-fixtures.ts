// What the tests of the Google Tag Manager Community Template (gtm/template.tpl) share: the template as parsed by
// the local sandbox (./gtm-sandbox/), a tag's data, Consentry records, a page, and the Consent Mode states Consentry
// itself would give.
import { readFileSync } from 'node:fs'
import type { ConsentRecord } from '../../src/record/index.js'
import { CONSENT_TYPES } from '../../src/destinations/google.js'
import { parseTemplate, runTemplate, type Run, type RunOptions, type Template } from './gtm-sandbox/index.js'

export const TEXT = readFileSync(new URL('../../gtm/template.tpl', import.meta.url), 'utf8')
export const template = parseTemplate(TEXT)
export const TYPES = Object.keys(CONSENT_TYPES)
export const NOW = Date.UTC(2026, 10, 25, 10)
export const DAY = 864e5

export type Param = { type: string; name: string; defaultValue?: unknown; subParams?: Param[]; simpleTableColumns?: { name: string }[] }
export const flat = (ps: Param[]): Param[] => ps.flatMap((p) => (p.type == 'GROUP' ? flat(p.subParams ?? []) : p.type == 'LABEL' ? [] : [p]))
export const PARAMS = flat(template.parameters as Param[])

/** What a tag of this template holds when nobody changes a field. */
export const defaults = (): Record<string, unknown> => Object.fromEntries(PARAMS.map((p) => [p.name, structuredClone(p.defaultValue)]))
export const data = (over: Record<string, unknown> = {}) => ({ ...defaults(), ...over })
export const CONFIG = JSON.parse(defaults().config as string)

export const record = (over: Partial<ConsentRecord>): ConsentRecord => ({
  id: '0b8e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b', createdAt: NOW - 3 * DAY, updatedAt: NOW - DAY, revision: CONFIG.revision,
  categories: { necessary: true, analytics: false, marketing: false }, services: {}, method: 'banner', mode: 'opt-in',
  jurisdiction: 'EU', gpc: false, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false }, ...over,
})

/** A page whose Consentry script, once injected, lets listeners subscribe. */
export const page = () => {
  const listeners: Record<string, ((s: unknown) => void)[]> = {}
  const window: Record<string, unknown> = {}
  const onInject = (_url: string, w: Record<string, unknown>) => {
    w.Consentry = { on: (event: string, cb: (s: unknown) => void) => void (listeners[event] ??= []).push(cb) }
  }
  return { listeners, window, onInject }
}

export const run = (d: Record<string, unknown> = data(), options: RunOptions = {}, t: Template = template): Run => runTemplate(t, d, { now: NOW, ...options })
export const updates = (r: Run) => r.calls.filter((c) => c.api == 'updateConsentState').map((c) => c.args[0])

/** Consent Mode states for a Consentry snapshot, by the template's default mapping (the same as Consentry's googleConsentMode). */
export const expected = (categories: Record<string, boolean>, optOut: { sale: boolean; sharing: boolean; targetedAds: boolean }) => {
  const rows = defaults().mapping as { consentType: string; categories: string }[]
  const optedOut = optOut.sale || optOut.sharing || optOut.targetedAds
  return Object.fromEntries(rows.map((r) => {
    const ids = r.categories.split(',').map((s) => s.trim())
    const granted = !(optedOut && (r.consentType == 'ad_user_data' || r.consentType == 'ad_personalization')) && ids.some((id) => categories[id] === true)
    return [r.consentType, granted ? 'granted' : 'denied']
  }))
}
