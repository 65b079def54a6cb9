// @vitest-environment happy-dom
// consentry/angular as users get it: the built dist/angular.mjs and .cjs with their types, importing @angular/core
// rather than bundling it, and in a page an Angular component (compiled at run time) that follows the one store that
// dist/index.mjs and dist/headless.mjs change.
import '@angular/compiler'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it, vi } from 'vitest'

// Paths, not URLs: in a happy-dom file the global URL is the page's.
const root = process.cwd()
const require = createRequire(join(root, 'package.json'))
const dist = (file: string) => readFileSync(join(root, 'dist', file), 'utf8')

afterAll(() => vi.restoreAllMocks())

describe('consentry/angular as built', () => {
  it('exports injectConsent and injectHas in ESM and CJS, with types, and imports @angular/core instead of bundling it', async () => {
    const esm = await import('consentry/angular')
    // Angular is ESM only; Node 20.19 and later require() it (require(esm)), as a CJS server build does.
    const cjs = require('consentry/angular')
    for (const n of ['injectConsent', 'injectHas']) {
      expect(typeof (esm as Record<string, unknown>)[n], `ESM ${n}`).toBe('function')
      expect(typeof cjs[n], `CJS ${n}`).toBe('function')
    }
    for (const ext of ['d.ts', 'd.cts']) expect(dist(`angular.${ext}`)).toMatch(/injectConsent[\s\S]*injectHas/)
    expect(dist('angular.mjs')).toMatch(/^import \{ [\w, ]+ \} from '@angular\/core';$/m)
    expect(dist('angular.cjs')).toContain("require('@angular/core')")
    for (const file of ['angular.mjs', 'angular.cjs']) {
      // No Angular code of its own, no UI.
      expect(dist(file)).not.toMatch(/(from |require\()'(@angular\/(common|compiler|platform-browser)|preact|\.\/chunks\/(banner|mount|preferences|extras|index))/)
      expect(dist(file).length).toBeLessThan(5000)
    }
  })

  it('an Angular component follows decisions made through consentry and consentry/headless, and stops following when destroyed', async () => {
    const { ChangeDetectionStrategy, Component, createComponent, provideZonelessChangeDetection } = await import('@angular/core')
    const { createApplication } = await import('@angular/platform-browser')
    const consentry = await import('consentry')
    const headless = await import('consentry/headless')
    const angular = await import('consentry/angular')
    await headless.init({ revision: 1, categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }] })
    let renders = 0
    const Page = Component({ selector: 'cy-page', changeDetection: ChangeDetectionStrategy.OnPush, template: `{{ count() }}{{ consent().decided }} {{ posthog() }}` })(
      class Page {
        consent = angular.injectConsent()
        posthog = angular.injectHas('posthog')
        count = () => (++renders, '')
      },
    )
    const app = await createApplication({ providers: [provideZonelessChangeDetection()] })
    const el = document.body.appendChild(document.createElement('div'))
    const ref = createComponent(Page, { environmentInjector: app.injector, hostElement: el })
    app.attachView(ref.hostView)
    app.tick()
    expect(el.textContent).toBe('false false')
    consentry.acceptAll()
    app.tick()
    expect(el.textContent).toBe('true true')
    headless.set({ posthog: false })
    app.tick()
    expect(el.textContent).toBe('true false')
    ref.destroy()
    const before = renders
    headless.acceptAll()
    app.tick()
    expect(renders).toBe(before)
    app.destroy()
  })

  it('with zone.js (Angular’s default): a decision made outside Angular’s zone shows without a tick of the app’s own', async () => {
    // In a process of its own: zone.js patches timers, promises and events for good (test/dist/fixtures/angular/zone.mjs).
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'test/dist/fixtures/angular/zone.mjs')], { cwd: root })
    expect(JSON.parse(stdout)).toEqual(['analytics refused', 'analytics granted', 'analytics refused'])
  }, 60_000)
})
