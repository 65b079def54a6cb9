import { h, render, type ComponentChild } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, init, rejectAll, set, $snapshot } from '../headless.js'
import { freshPage } from '../testing/index.js'
import { useConsent, useHas } from './preact.js'
import { SITE } from './testing.js'

let root: HTMLElement
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
const mount = (vnode: ComponentChild) => act(() => render(vnode, root))

beforeEach(async () => {
  freshPage()
  for (const k in renders) delete renders[k]
  root = document.createElement('div')
  document.body.append(root)
  await init(SITE)
})
afterEach(() => {
  render(null, root)
  root.remove()
})

describe('consentry/preact', () => {
  it('useConsent shows the live decision and follows acceptAll, rejectAll and set', () => {
    mount(h(Status, { name: 's', id: 'analytics' }))
    expect(root.innerHTML).toBe('<p data-decided="false">analytics: off</p>')
    act(() => acceptAll())
    expect(root.innerHTML).toBe('<p data-decided="true">analytics: on</p>')
    act(() => rejectAll())
    expect(root.textContent).toBe('analytics: off')
    act(() => set({ analytics: true }))
    expect(root.textContent).toBe('analytics: on')
  })

  it('useHas answers for a category or a service and re-renders only when its answer flips', () => {
    mount(h('div', null, h(Gate, { name: 'analytics', id: 'analytics' }), h(Gate, { name: 'meta', id: 'meta' })))
    expect(root.textContent).toBe('analytics refusedmeta refused')
    expect(renders).toEqual({ analytics: 1, meta: 1 })
    act(() => set({ analytics: true }))
    expect(root.textContent).toBe('analytics grantedmeta refused')
    // The decision changed (undecided → decided, analytics on) but meta's answer did not.
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    act(() => set({ posthog: false }))
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    act(() => set({ meta: true }))
    expect(root.textContent).toBe('analytics grantedmeta granted')
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
    expect(root.textContent).toBe('analytics refused')
    mount(h(Gate, { name: 'g', id: 'meta' }))
    expect(root.textContent).toBe('meta granted')
  })

  it('unsubscribes on unmount', () => {
    const before = $snapshot.lc
    mount(h('div', null, h(Status, { name: 's', id: 'analytics' }), h(Gate, { name: 'g', id: 'analytics' })))
    expect($snapshot.lc).toBe(before + 2)
    act(() => render(null, root))
    expect($snapshot.lc).toBe(before)
    act(() => acceptAll())
    expect(renders).toEqual({ s: 1, g: 1 })
  })
})
