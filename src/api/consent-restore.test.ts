/** Restoring a stored decision at init: fresh, stale, tampered, or from another config. */
import { describe, expect, it, vi } from 'vitest'
import { acceptAll, get, has, init, $ui } from '../headless.js'
import { encodeRecord } from '../record/index.js'
import { CONFIG, useQuietPage } from '../testing/index.js'

const MONTH = 2629800000

useQuietPage()

describe('restoring a stored decision', () => {
  const stored = (overrides: object = {}) =>
    encodeRecord({
      id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
      createdAt: Date.now() - 1000,
      updatedAt: Date.now() - 1000,
      revision: 1,
      categories: { necessary: true, analytics: true, marketing: false },
      services: { posthog: true, ga4: false, meta: false },
      method: 'banner',
      mode: 'opt-in',
      jurisdiction: '',
      gpc: false,
      optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
      ...overrides,
    })

  it('restores it and does not ask again', async () => {
    localStorage.setItem('consentry', stored())
    const s = await init(CONFIG)
    expect(s).toMatchObject({ decided: true, method: 'banner', id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13' })
    expect(has('posthog') && !has('ga4')).toBe(true)
    expect($ui.get()).toBe('hidden')
  })

  it('writes the snapshot\'s times only when they are read: start-up never calls Date#toISOString or toUTCString', async () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 6)
    localStorage.setItem('consentry', stored({ createdAt: at - 1000, updatedAt: at }))
    vi.useFakeTimers({ now: at + 1000, toFake: ['Date'] })
    const iso = vi.spyOn(Date.prototype, 'toISOString')
    const utc = vi.spyOn(Date.prototype, 'toUTCString')
    const s = await init(CONFIG)
    expect(iso).not.toHaveBeenCalled()
    expect(utc).not.toHaveBeenCalled()
    expect(s.updatedAt).toBe('2026-01-02T03:04:05.006Z')
    expect(get()).toMatchObject({ createdAt: '2026-01-02T03:04:04.006Z', updatedAt: '2026-01-02T03:04:05.006Z' })
    expect(JSON.parse(JSON.stringify(s)).updatedAt).toBe('2026-01-02T03:04:05.006Z')
    vi.useRealTimers()
  })

  it('treats a decision under an older revision as stale, and keeps its choices for the next prompt', async () => {
    localStorage.setItem('consentry', stored({ revision: 0 }))
    const s = await init(CONFIG)
    expect(s.decided).toBe(false)
    expect(has('analytics')).toBe(false)
    expect($ui.get()).toBe('banner')
    const { $consent } = await import('../store/index.js')
    expect($consent.get().record?.categories.analytics).toBe(true)
    // Deciding again keeps the consent id.
    acceptAll()
    expect(get().id).toBe('0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13')
  })

  it('treats a decision older than the consent lifetime as stale', async () => {
    localStorage.setItem('consentry', stored({ createdAt: Date.now() - 13 * MONTH, updatedAt: Date.now() - 13 * MONTH }))
    expect((await init(CONFIG)).decided).toBe(false)
  })

  it('honours a longer configured lifetime', async () => {
    localStorage.setItem('consentry', stored({ createdAt: Date.now() - 12.5 * MONTH, updatedAt: Date.now() - 12.5 * MONTH }))
    expect((await init({ ...CONFIG, lifetime: 13 })).decided).toBe(true)
  })

  it('does not grant what the config no longer has (what it gained since puts the decision out of force: asked.test.ts)', async () => {
    localStorage.setItem('consentry', stored({ categories: { necessary: true, analytics: true, marketing: false, retired: true }, services: { posthog: true, ga4: false, meta: false, gone: true } }))
    await init(CONFIG)
    expect(get().decided).toBe(true)
    expect(get().categories).toEqual({ necessary: true, analytics: true, marketing: false })
    expect(get().services).toEqual({ posthog: true, ga4: false, meta: false })
  })

  it('ignores a tampered value', async () => {
    localStorage.setItem('consentry', stored().replace('!marketing', 'marketing'))
    expect((await init(CONFIG)).decided).toBe(false)
    expect(has('marketing')).toBe(false)
  })
})
