// docs/recipes/ssr.md step by step: the server reads the Cookie header and renders, the browser
// receives that HTML, hydrates it and starts Consentry in an effect (React) or after hydrate (Preact).
import { h as hp, hydrate, render as renderP } from 'preact'
import { act as actPreact } from 'preact/test-utils'
import { renderToString as preactToString } from 'preact-render-to-string'
import { act, createContext, createElement as h, useContext, useEffect, type ReactNode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { init, set } from '../index.js'
import { readConsent, readGpc } from '../server/index.js'
import { cookie } from '../testing/index.js'
import { freshUiPage, host, waitFor } from '../ui/testing.js'
import * as preactHooks from './preact.js'
import { useConsent, useHas, type Snapshot } from './react.js'
import { decisionCookie, SITE as consentConfig } from './testing.js'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// app/consent.tsx, as in the recipe (createElement for JSX).
const InitialConsent = createContext<Snapshot | undefined>(undefined)
const ConsentProvider = ({ initial, children }: { initial: Snapshot; children?: ReactNode }) => {
  useEffect(() => {
    void init(consentConfig)
  }, [])
  return h(InitialConsent.Provider, { value: initial }, children)
}
const useConsentHere = (): Snapshot => useConsent(useContext(InitialConsent))
const useHasHere = (id: string): boolean => useHas(id, useContext(InitialConsent))
const shown: string[] = []
const AnalyticsNote = () => {
  const consent = useConsentHere()
  const analytics = useHasHere('analytics')
  const text = !consent.decided ? 'Choose your cookie settings in the banner below.' : analytics ? 'Thanks: analytics are on.' : 'Allow analytics'
  shown.push(text)
  return consent.decided && !analytics ? h('button', { onClick: () => set({ analytics: true }) }, text) : h('p', null, text)
}

// app/layout.tsx, as in the recipe, with the request's headers.
const RootLayout = async ({ request }: { request: Headers }) => {
  const consent = readConsent(request.get('cookie'), consentConfig, { gpc: readGpc(request.get('sec-gpc')) })
  return h(ConsentProvider, { initial: consent }, h(AnalyticsNote))
}

let container: HTMLElement
let root: Root | undefined
let errors: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  freshUiPage()
  shown.length = 0
  container = document.createElement('div')
  document.body.append(container)
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  if (root) act(() => root!.unmount())
  root = undefined
  renderP(null, container)
  container.remove()
  vi.restoreAllMocks()
})

/** The whole round trip: request → server HTML → the browser with that cookie hydrates it. */
const visit = async (cookieValue: string | null) => {
  // Server.
  const request = new Headers(cookieValue ? { cookie: `theme=dark; consentry=${cookieValue}` } : {})
  const tree = await RootLayout({ request })
  const html = renderToString(tree)
  // Browser: the same cookie, the server's HTML, then hydration (whose effect calls init).
  if (cookieValue) document.cookie = `consentry=${cookieValue}; path=/`
  container.innerHTML = html
  await act(async () => {
    root = hydrateRoot(container, tree)
  })
  return html
}

describe('the Next.js recipe', () => {
  it('a returning visitor: the server HTML already shows the decision and hydration changes nothing', async () => {
    const html = await visit(decisionCookie(false))
    expect(html).toBe('<button>Allow analytics</button>')
    expect(await waitFor(host)).toBeTruthy() // init ran, from the effect (the UI is built after the first paint)
    expect(container.innerHTML).toBe(html)
    // Never an undecided flash: every render (server, hydration, the live store after init) showed the decision.
    expect(shown.length).toBeGreaterThanOrEqual(2)
    expect([...new Set(shown)]).toEqual(['Allow analytics'])
    expect(errors).not.toHaveBeenCalled()

    await act(async () => container.querySelector('button')!.click())
    expect(container.innerHTML).toBe('<p>Thanks: analytics are on.</p>')
    expect(readConsent(`consentry=${cookie()}`, consentConfig).categories.analytics).toBe(true)
    expect(errors).not.toHaveBeenCalled()
  })

  it('a first visit: undecided on the server, the banner decides, the page follows', async () => {
    const html = await visit(null)
    expect(html).toBe('<p>Choose your cookie settings in the banner below.</p>')
    expect(await waitFor(host)).toBeTruthy() // the banner is built in the task after init's
    expect(errors).not.toHaveBeenCalled()
    await act(async () => set({ analytics: true }))
    expect(container.textContent).toBe('Thanks: analytics are on.')
  })
})

// The Preact variant: server.ts, client.ts and app.tsx of the recipe.
const App = ({ consent }: { consent: Snapshot }) => {
  const { decided } = preactHooks.useConsent(consent)
  const analytics = preactHooks.useHas('analytics', consent)
  return hp('main', null, analytics ? hp('p', null, 'Analytics on.') : hp('p', null, decided ? 'Analytics off.' : 'Choose your cookie settings.'))
}
const page = (cookieHeader: string | null | undefined): string => {
  const consent = readConsent(cookieHeader, consentConfig)
  const json = JSON.stringify(consent).replace(/</g, '\\u003c')
  return `<div id="app">${preactToString(hp(App, { consent }))}</div><script type="application/json" id="consent-initial">${json}</script>`
}

describe('the Preact recipe', () => {
  it('the server page carries its reading; the client hydrates with it, then init takes over', async () => {
    const value = decisionCookie(true)
    container.innerHTML = page(`consentry=${value}`)
    expect(container.querySelector('#app')!.innerHTML).toBe('<main><p>Analytics on.</p></main>')
    document.cookie = `consentry=${value}; path=/`
    const before = container.querySelector('p')
    // client.ts
    const consent = JSON.parse(document.getElementById('consent-initial')!.textContent!)
    actPreact(() => hydrate(hp(App, { consent }), document.getElementById('app')!))
    await init(consentConfig)
    expect(container.querySelector('p')).toBe(before)
    expect(container.querySelector('#app')!.innerHTML).toBe('<main><p>Analytics on.</p></main>')
    actPreact(() => set({ analytics: false }))
    expect(container.querySelector('#app')!.innerHTML).toBe('<main><p>Analytics off.</p></main>')
    renderP(null, document.getElementById('app')!)
  })
})
