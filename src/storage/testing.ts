/** Records and cookie writes for the storage tests: a decision as stored, and the config it was made under. */
import { resolveConfig } from '../config/index.js'
import type { ConsentRecord } from '../record/index.js'
import { CONFIG } from '../testing/index.js'

export const NOW = Date.now()
export const record = (updatedAt: number, analytics: boolean): ConsentRecord => ({
  id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
  createdAt: NOW - 10_000,
  updatedAt,
  revision: 1,
  categories: { necessary: true, analytics, marketing: false },
  // Every id of CONFIG, as a decision stores them: one that leaves a service of an allowed category out did not
  // ask about it, and is not in force (record/fit.ts).
  services: { posthog: analytics, ga4: analytics, meta: false },
  method: 'preferences',
  mode: 'opt-in',
  jurisdiction: '',
  gpc: false,
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
})
export const config = () => resolveConfig(CONFIG)
export const setCookie = (value: string) => (document.cookie = `consentry=${value}; path=/`)
