import { act, createElement as h, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, init, rejectAll, set, $snapshot } from '../headless.js'
import { freshPage } from '../testing/index.js'
import { useConsent, useHas } from './react.js'
import { SITE } from './testing.js'

// Tells React that updates are wrapped in act(), as React's own test helpers do.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLElement
let root: Root
const renders: Record<string, number> = {}

/** Shows the decision and one category; counts its renders under `name`. */
const Status = ({ name, id }: { name: string; id: string }) => {
  renders[name] = (renders[name] ?? 0) + 1
  const consent = useConsent()
  return h('p', { 'data-decided': String(consent.decided) }, `${id}: ${consent.categories[id] ? 'on' : 'off'}`)
}
const Gate = ({ name, id }: { name: string; id: string }) => {
  renders[name] = (renders[name] ?? 0) + 1
  return h('b', null, useHas(id) ? `${id} granted` : `${id} refused`)
}
const mount = (node: ReactNode) => act(() => root.render(node))

beforeEach(async () => {
  freshPage()
  for (const k in renders) delete renders[k]
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  await init(SITE)
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

describe('consentry/react', () => {
  it('useConsent shows the live decision and follows acceptAll, rejectAll and set', () => {
    mount(h(Status, { name: 's', id: 'analytics' }))
    expect(container.innerHTML).toBe('<p data-decided="false">analytics: off</p>')
    act(() => acceptAll())
    expect(container.innerHTML).toBe('<p data-decided="true">analytics: on</p>')
    act(() => rejectAll())
    expect(container.textContent).toBe('analytics: off')
    act(() => set({ analytics: true }))
    expect(container.textContent).toBe('analytics: on')
  })

  it('useHas answers for a category or a service and re-renders only when its answer flips', () => {
    mount(h('div', null, h(Gate, { name: 'analytics', id: 'analytics' }), h(Gate, { name: 'meta', id: 'meta' })))
    expect(container.textContent).toBe('analytics refusedmeta refused')
    expect(renders).toEqual({ analytics: 1, meta: 1 })
    act(() => set({ analytics: true }))
    expect(container.textContent).toBe('analytics grantedmeta refused')
    // The decision changed (undecided → decided, analytics on) but meta's answer did not.
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    act(() => set({ posthog: false }))
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    act(() => set({ meta: true }))
    expect(container.textContent).toBe('analytics grantedmeta granted')
    expect(renders).toEqual({ analytics: 2, meta: 2 })
  })

  it('useConsent re-renders on every change of the snapshot', () => {
    mount(h(Status, { name: 's', id: 'marketing' }))
    act(() => set({ analytics: true }))
    act(() => set({ posthog: false }))
    expect(renders.s).toBe(3)
  })

  it('useHas follows a new id', () => {
    act(() => set({ meta: true }))
    mount(h(Gate, { name: 'g', id: 'analytics' }))
    expect(container.textContent).toBe('analytics refused')
    mount(h(Gate, { name: 'g', id: 'meta' }))
    expect(container.textContent).toBe('meta granted')
  })

  it('unsubscribes on unmount', () => {
    const before = $snapshot.lc
    mount(h('div', null, h(Status, { name: 's', id: 'analytics' }), h(Gate, { name: 'g', id: 'analytics' })))
    expect($snapshot.lc).toBe(before + 2)
    act(() => root.unmount())
    expect($snapshot.lc).toBe(before)
    act(() => acceptAll())
    expect(renders).toEqual({ s: 1, g: 1 })
    root = createRoot(container) // for afterEach
  })
})
