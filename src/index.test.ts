import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Consentry from './index.js'
import { CONFIG } from './testing/index.js'
import { freshUiPage } from './ui/testing.js'

type W = { Consentry?: unknown }

beforeEach(() => {
  vi.restoreAllMocks()
  freshUiPage()
  delete (window as W).Consentry
})
afterEach(() => {
  delete (window as W).Consentry
})

describe('two copies on one page', () => {
  it('the first copy to start publishes itself as window.Consentry', async () => {
    await Consentry.init(CONFIG)
    const published = (window as unknown as { Consentry: { has(id: string): boolean; VERSION: string } }).Consentry
    expect(published.VERSION).toBe(Consentry.VERSION)
    Consentry.acceptAll()
    expect(published.has('analytics')).toBe(true)
    expect(document.querySelectorAll('[data-consentry]')).toHaveLength(1)
  })

  it('a later copy defers to the one already running: its calls go there, it shows no UI of its own, and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const calls: unknown[][] = []
    const snapshot = { decided: true, categories: { analytics: true } }
    // The script tag's copy, loaded first (its global has the same shape).
    const other = {
      VERSION: '9.9.9',
      init: (c: unknown) => (calls.push(['init', c]), Promise.resolve(snapshot)),
      has: (id: string) => (calls.push(['has', id]), id == 'analytics'),
      get: () => snapshot,
      acceptAll: () => calls.push(['acceptAll']),
      on: (e: string) => (calls.push(['on', e]), () => {}),
    }
    ;(window as W).Consentry = other
    await expect(Consentry.init(CONFIG)).resolves.toBe(snapshot)
    await Consentry.init(CONFIG)
    expect(Consentry.has('analytics')).toBe(true)
    expect(Consentry.get()).toBe(snapshot)
    Consentry.acceptAll()
    Consentry.on('change', () => {})
    expect(calls).toEqual([['init', CONFIG], ['init', CONFIG], ['has', 'analytics'], ['acceptAll'], ['on', 'change']])
    // No second banner: this copy never started its own UI.
    expect(document.querySelector('[data-consentry]')).toBeNull()
    expect(warn.mock.calls.filter(([m]) => String(m).includes('another copy of Consentry (9.9.9)'))).toHaveLength(1)
  })

  it('a global that is not a running Consentry (no VERSION, no init) is not followed', async () => {
    ;(window as W).Consentry = { has: () => true }
    await Consentry.init(CONFIG)
    expect(Consentry.has('analytics')).toBe(false)
  })
})
