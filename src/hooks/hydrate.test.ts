// Server HTML hydrated in the browser: the hydration render must match the server's markup
// (React reports a mismatch through console.error, preact/debug too), then follow the store.
import 'preact/debug'
import { h, hydrate, render } from 'preact'
import { act as actPreact } from 'preact/test-utils'
import { renderToString as renderPreact } from 'preact-render-to-string'
import { act as actReact, createElement } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString as renderReact } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { init, rejectAll } from '../headless.js'
import { readConsent } from '../server/index.js'
import { freshPage } from '../testing/index.js'
import * as preact from './preact.js'
import * as react from './react.js'
import type { Snapshot } from './shared.js'
import { decisionCookie, SITE } from './testing.js'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

type Props = { initial?: Snapshot }
const page =
  (hooks: typeof preact | typeof react, el: typeof h | typeof createElement) =>
  ({ initial }: Props) => {
    const consent = hooks.useConsent(initial)
    const analytics = hooks.useHas('analytics', initial)
    return (el as typeof h)('p', { 'data-decided': String(consent.decided), title: analytics ? 'on' : 'off' }, `analytics ${analytics ? 'on' : 'off'}`)
  }
const PreactPage = page(preact, h)
const ReactPage = page(react, createElement) as never

/** Each framework's server render, hydration, and act() to flush updates. */
const frameworks = {
  preact: {
    server: (initial?: Snapshot) => renderPreact(h(PreactPage, { initial })),
    hydrate: async (el: Element, initial?: Snapshot) => {
      actPreact(() => hydrate(h(PreactPage, { initial }), el))
      unmount = () => actPreact(() => render(null, el))
    },
    act: (f: () => void) => actPreact(f),
  },
  react: {
    server: (initial?: Snapshot) => renderReact(createElement(ReactPage, { initial })),
    hydrate: async (el: Element, initial?: Snapshot) => {
      const root = await actReact(async () => hydrateRoot(el, createElement(ReactPage, { initial })))
      unmount = () => actReact(() => root.unmount())
    },
    act: (f: () => void) => actReact(f),
  },
}

let container: HTMLElement
// Unmounted after each test, or the root would still follow the store that the next test resets.
let unmount = () => {}
let errors: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  freshPage()
  container = document.createElement('div')
  document.body.append(container)
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  unmount()
  unmount = () => {}
  container.remove()
  vi.restoreAllMocks()
})

/** The browser side: the cookie the server read, the server's HTML, then init restores the decision. */
const load = async (cookie: string | null, html: string) => {
  if (cookie) document.cookie = `consentry=${cookie}; path=/`
  container.innerHTML = html
  return init(SITE)
}

describe.each(Object.entries(frameworks))('%s hydration', (_name, fw) => {
  it('matches the server HTML when init restored the same decision, then follows later changes', async () => {
    const cookie = decisionCookie(true)
    const initial = readConsent(`consentry=${cookie}`, SITE)
    const html = fw.server(initial)
    expect(html).toBe('<p data-decided="true" title="on">analytics on</p>')
    expect((await load(cookie, html)).categories.analytics).toBe(true)
    const p = container.firstElementChild
    await fw.hydrate(container, initial)
    expect(errors).not.toHaveBeenCalled()
    // The server's element was adopted, not replaced.
    expect(container.firstElementChild).toBe(p)
    expect(container.innerHTML).toBe(html)
    fw.act(() => rejectAll())
    expect(container.innerHTML).toBe('<p data-decided="true" title="off">analytics off</p>')
    expect(errors).not.toHaveBeenCalled()
  })

  it('when the browser knows more than the server did, hydrates to the server HTML, then shows the live decision', async () => {
    const initial = readConsent(undefined, SITE)
    const html = fw.server(initial)
    expect(html).toBe('<p data-decided="false" title="off">analytics off</p>')
    await load(decisionCookie(true), html)
    await fw.hydrate(container, initial)
    expect(errors).not.toHaveBeenCalled()
    expect(container.innerHTML).toBe('<p data-decided="true" title="on">analytics on</p>')
  })
})

describe('react hydration without initial', () => {
  it('hydrates to the undecided default the server rendered, then shows the live decision', async () => {
    const { server, hydrate } = frameworks.react
    const html = server()
    await load(decisionCookie(true), html)
    await hydrate(container)
    expect(errors).not.toHaveBeenCalled()
    expect(container.innerHTML).toBe('<p data-decided="true" title="on">analytics on</p>')
  })
})

describe('a mismatch is caught', () => {
  it.each(Object.entries(frameworks))('by %s (so the checks above mean something)', async (_name, fw) => {
    // preact/debug adds to its report, once, a hint about a Babel plugin for fuller component stacks.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    // preact/debug reports an element the server did not render; React any difference.
    await load(null, '<div>analytics off</div>')
    await fw.hydrate(container, readConsent(undefined, SITE))
    expect(errors).toHaveBeenCalled()
    expect(warn.mock.calls.filter(([m]) => !String(m).startsWith('Add @babel/plugin-transform-react-jsx-source'))).toEqual([])
  })
})
