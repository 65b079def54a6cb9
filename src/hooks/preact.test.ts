import { h, render, type ComponentChild } from 'preact'
import { act } from 'preact/test-utils'
import { hooksBehaviour } from './behaviour.js'
import { useConsent, useHas } from './preact.js'

hooksBehaviour('consentry/preact', {
  h: h as never,
  useConsent,
  useHas,
  mount: (container, node) => act(() => render(node as ComponentChild, container)),
  unmount: (container) => act(() => render(null, container)),
  act: (fn) => act(fn),
})
