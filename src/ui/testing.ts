/** Test helpers for the UI (never bundled: no entry imports it). */
import { afterAll, beforeEach, vi } from 'vitest'
import type { ConsentryConfig, UiConfig } from '../config/index.js'
import { acceptAll, init } from '../headless.js'
import { CONFIG, freshPage } from '../testing/index.js'
import { resetUi, type UiLoaders } from './index.js'
import { initWithUi } from './init.js'
import { $embedded } from './embed.js'

export const loaders: UiLoaders = { preferences: () => import('./preferences/index.js'), extras: () => import('./extras/index.js'), signals: () => import('../signals/start.js') }

// A decision (or a US visitor) sends the UI for its on-demand modules without waiting: let a file's last such
// import finish before its environment goes, or it fails then, after every test has passed.
afterAll(() => Promise.all([loaders.extras(), loaders.signals!()]))

/** A first-time visitor on an empty page, with no Consentry UI left from an earlier test. */
export const freshUiPage = (): void => {
  resetUi()
  $embedded.set([])
  freshPage()
  document.querySelectorAll('[data-consentry]').forEach((e) => e.remove())
  document.documentElement.lang = ''
  document.body.replaceChildren()
}

/** Consentry with its UI on the shared CONFIG, with `extra` config and `ui` settings. */
export const startUi = (ui: UiConfig = {}, extra: Partial<ConsentryConfig> = {}) => initWithUi({ ...CONFIG, ...extra, ui }, loaders)

/** A returning visitor on a fresh page: the decision (`decide`, accept all) an earlier visit with `config` stored, and no Consentry yet. */
export const returningVisitor = async (config: ConsentryConfig = CONFIG, decide: () => unknown = acceptAll): Promise<void> => {
  await init(config)
  decide()
  const record = localStorage.getItem('consentry')
  freshUiPage()
  localStorage.setItem('consentry', record!)
}

/** Before each test: mocks restored and a first-time visitor's empty page. */
export const useUiPage = (): void =>
  beforeEach(() => {
    vi.restoreAllMocks()
    freshUiPage()
  })

export const host = () => document.querySelector<HTMLElement>('[data-consentry]')
export const shadow = () => host()?.shadowRoot ?? null
export const q = <T extends Element = HTMLElement>(sel: string) => shadow()?.querySelector<T>(sel) ?? null
export const qa = (sel: string) => [...(shadow()?.querySelectorAll<HTMLElement>(sel) ?? [])]
export const action = (name: string) => q<HTMLButtonElement>(`[data-consentry-action="${name}"]`)
/** Waits for the lazily loaded preferences centre to render (10 s: a loaded machine takes seconds to import the chunk). */
export const waitFor = async <T>(get: () => T | null | undefined, ms = 10000): Promise<T> => {
  const until = Date.now() + ms
  for (;;) {
    const v = get()
    if (v) return v
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}
