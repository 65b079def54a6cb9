/**
 * The behaviour both hook flavours must show, written once and run by
 * preact.test.ts and react.test.ts with their own renderer (test code only:
 * no entry imports this file).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, init, rejectAll, set, $snapshot } from '../headless.js'
import type { Snapshot } from '../store/index.js'
import { freshPage } from '../testing/index.js'
import { SITE } from './testing.js'

/** What a framework lends the suite: its element factory, its hooks, and a root to render into. */
export interface Renderer {
  h: (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => unknown
  useConsent: () => Snapshot
  useHas: (id: string) => boolean
  /** Renders `node` into `container` (replacing what was there), inside the framework's act(). */
  mount: (container: HTMLElement, node: unknown) => void
  /** Unmounts everything rendered into `container`, inside act(). */
  unmount: (container: HTMLElement) => void
  /** Runs `fn` inside the framework's act(), so its updates are flushed. */
  act: (fn: () => void) => void
}

/** A fresh page with `init(SITE)` run, and an empty element in its body to render into. */
export const freshContainer = async (): Promise<HTMLElement> => {
  freshPage()
  const container = document.body.appendChild(document.createElement('div'))
  await init(SITE)
  return container
}

export const hooksBehaviour = (name: string, r: Renderer): void => {
  const { h, act } = r
  let container: HTMLElement
  const renders: Record<string, number> = {}

  /** Shows the decision and one category; counts its renders under `name`. */
  const Status = ({ name, id }: { name: string; id: string }) => {
    renders[name] = (renders[name] ?? 0) + 1
    const consent = r.useConsent()
    return h('p', { 'data-decided': String(consent.decided) }, `${id}: ${consent.categories[id] ? 'on' : 'off'}`)
  }
  const Gate = ({ name, id }: { name: string; id: string }) => {
    renders[name] = (renders[name] ?? 0) + 1
    return h('b', null, r.useHas(id) ? `${id} granted` : `${id} refused`)
  }
  const mount = (node: unknown) => r.mount(container, node)

  beforeEach(async () => {
    for (const k in renders) delete renders[k]
    container = await freshContainer()
  })
  afterEach(() => {
    r.unmount(container)
    container.remove()
  })

  describe(name, () => {
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
      act(() => set({ analytics: true, posthog: false }))
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
      r.unmount(container)
      expect($snapshot.lc).toBe(before)
      act(() => acceptAll())
      expect(renders).toEqual({ s: 1, g: 1 })
    })
  })
}
