/** Shared set-up of the destinations' tests: a fresh page without any vendor's globals, and gtag as Google's snippet has it. */
import { afterEach, beforeEach, vi } from 'vitest'
import type { ConsentryConfig } from '../headless.js'
import { freshPage } from '../testing/index.js'

export type Win = Record<string, any>
export const win = window as unknown as Win
export const CONFIG: ConsentryConfig = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'ga' }] },
    { id: 'marketing', services: [{ id: 'meta' }] },
  ],
}
const GLOBALS = ['dataLayer', 'fbq', '_fbq', '__consentryFbq', 'ttq', 'uetq', 'clarity', 'analytics', 'posthog', 'mixpanel', 'amplitude']

/** What the test connected: disconnected after it. */
export const running = { stop: () => {} }

/** Each test of the calling file starts from a fresh page and disconnects what it connected. */
export const useDestinationsPage = (): void => {
  beforeEach(() => {
    freshPage()
    for (const g of GLOBALS) delete win[g]
  })
  afterEach(() => {
    running.stop()
    running.stop = () => {}
    vi.restoreAllMocks()
  })
}

/** What Google's own snippet does: `gtag` pushes its `arguments`. */
export function gtag(..._: unknown[]) {
  ;(win.dataLayer ??= []).push(arguments)
}
export const isArguments = (x: unknown) => Object.prototype.toString.call(x) === '[object Arguments]'
export const commands = () => ((win.dataLayer ?? []) as unknown[]).filter(isArguments).map((a) => Array.from(a as ArrayLike<unknown>))
export const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
}
