// @vitest-environment happy-dom
// consentry/angular with Angular's own server render and hydration, as users get them: the fixture app rendered to
// HTML by @angular/platform-server in a Node process of its own (test/dist/fixtures/angular/server.mjs, with the
// built consentry/server and consentry/angular), then hydrated in this page by @angular/platform-browser with
// provideClientHydration(). With the server's reading, hydration reuses the server's nodes and Angular reports no
// mismatch, and the live store takes over after it; the control without the reading loses the server's nodes.
import '@angular/compiler'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Snapshot } from 'consentry/headless'

const root = process.cwd()
/** A real `consentry` cookie of a visitor who accepted everything, as the browser sends it. */
let cookie: string
/** What the server process rendered for that cookie. */
let served: { reading: Snapshot; html: string }

beforeAll(async () => {
  const { encodeRecord } = await import('../../src/record/index.js')
  const now = Date.now()
  cookie = `consentry=${encodeRecord({
    id: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13', createdAt: now, updatedAt: now, revision: 1,
    categories: { necessary: true, analytics: true, marketing: true }, services: { posthog: true, meta: true }, method: 'banner', mode: 'opt-in',
    jurisdiction: 'EU', gpc: false, optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
  })}`
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'test/dist/fixtures/angular/server.mjs'), cookie], { cwd: root })
  served = JSON.parse(stdout)
  // A Node process that loads Angular's compiler and server platform: seconds on a loaded machine.
}, 60_000)
afterEach(() => vi.restoreAllMocks())

/** Puts the server's page body into this page and hydrates the app built with `reading`; what Angular logged. */
const hydrate = async (reading: Snapshot | undefined) => {
  const { provideZonelessChangeDetection } = await import('@angular/core')
  const { bootstrapApplication, provideClientHydration } = await import('@angular/platform-browser')
  const { makeApp } = await import('./fixtures/angular/app.mjs')
  // The server's response, parsed as a browser parses it (the test's own markup, not config).
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(served.html)![1]!
  const before = document.querySelector('cy-app')!.firstElementChild
  const logged: string[] = []
  for (const level of ['warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')))
  // Looked at right after the first render, the hydration, before anything that follows it (the fixture's probe).
  let kept: boolean | undefined
  ;(globalThis as { afterHydration?: () => void }).afterHydration = () => (kept = before?.isConnected)
  const app = await bootstrapApplication(makeApp(reading), { providers: [provideClientHydration(), provideZonelessChangeDetection()] })
  await app.whenStable()
  return { app, logged, before, kept }
}

describe('consentry/angular, server-rendered by Angular and hydrated', () => {
  it('the server renders from its reading of the cookie, with hydration data', () => {
    expect(served.reading.categories.analytics).toBe(true)
    expect(served.html).toMatch(/<cy-app[^>]*ngh="0"[^>]*>.*<figure>video<\/figure>/s)
    expect(served.html).toContain('id="ng-state"')
  })

  it('with the reading, hydration reuses the server’s nodes with no mismatch, then the live store takes over', async () => {
    // This page's store has no decision yet: the visitor's cookie was set since, say, or init runs later.
    const headless = await import('consentry/headless')
    const { SITE } = await import('./fixtures/angular/app.mjs')
    await headless.init(SITE)
    headless.rejectAll()
    const { app, logged, before, kept } = await hydrate(served.reading)
    expect(logged.filter((l) => /NG0\d+/.test(l))).toEqual([])
    // Hydration kept the server's video: the same node, not a new one.
    expect(before?.tagName).toBe('FIGURE')
    expect(kept).toBe(true)
    // After the first render (afterNextRender), the live store: refused here.
    expect(document.querySelector('cy-app button')?.textContent).toBe('Allow videos')
    headless.acceptAll()
    await app.whenStable()
    expect(document.querySelector('cy-app figure')).not.toBeNull()
    app.destroy()
  })

  it('control: without the reading, the first render is the live store’s and the server’s video is not kept', async () => {
    // The page's store refuses, as in the test before this one's first render.
    ;(await import('consentry/headless')).rejectAll()
    const { app, before, kept } = await hydrate(undefined)
    expect(before?.tagName).toBe('FIGURE')
    expect(kept).toBe(false)
    expect(document.querySelector('cy-app figure')).toBeNull()
    app.destroy()
  })
})
