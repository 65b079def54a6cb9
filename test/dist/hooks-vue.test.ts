// @vitest-environment happy-dom
// consentry/vue as users get it, in a page: the built dist/vue.mjs follows the one store that dist/index.mjs and
// dist/headless.mjs change (a page environment from the start, since Vue's DOM renderer looks for `document` when
// it is imported; the Node server render is in hooks.test.ts).
import { afterAll, expect, it, vi } from 'vitest'

afterAll(() => vi.restoreAllMocks())

it('a Vue app re-renders on decisions made through consentry and consentry/headless, and stops following when unmounted', async () => {
  const { createApp, h, nextTick } = await import('vue')
  const consentry = await import('consentry')
  const headless = await import('consentry/headless')
  const vue = await import('consentry/vue')
  await headless.init({ revision: 1, categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }] })
  const el = document.body.appendChild(document.createElement('div'))
  let renders = 0
  const app = createApp({ setup: () => { const c = vue.useConsent(), a = vue.useHas('posthog'); return () => h('p', `${++renders && c.value.decided} ${a.value}`) } })
  app.mount(el)
  expect(el.textContent).toBe('false false')
  consentry.acceptAll()
  await nextTick()
  expect(el.textContent).toBe('true true')
  headless.set({ posthog: false })
  await nextTick()
  expect(el.textContent).toBe('true false')
  app.unmount()
  const before = renders
  headless.acceptAll()
  await nextTick()
  expect(renders).toBe(before)
})
