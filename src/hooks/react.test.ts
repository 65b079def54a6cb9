import { act, createElement, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { hooksBehaviour } from './behaviour.js'
import { useConsent, useHas } from './react.js'

// Tells React that updates are wrapped in act(), as React's own test helpers do.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// One React root per container, made on first render and dropped on unmount.
const roots = new Map<HTMLElement, Root>()

hooksBehaviour('consentry/react', {
  h: createElement as never,
  useConsent,
  useHas,
  mount: (container, node) => {
    const root = roots.get(container) ?? createRoot(container)
    roots.set(container, root)
    act(() => root.render(node as ReactNode))
  },
  unmount: (container) => {
    const root = roots.get(container)
    roots.delete(container)
    if (root) act(() => root.unmount())
  },
  act: (fn) => act(fn),
})
