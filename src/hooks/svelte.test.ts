/**
 * consentry/svelte in a browser page (happy-dom), with real Svelte 5 components compiled by Svelte's own compiler
 * (vitest.config.ts): the stores follow the decision, tell only what changed, stop following when the component
 * goes, keep Svelte's store contract (`get`, `derived`), and hydrate server markup without showing the undecided
 * state first.
 */
import { flushSync, hydrate, mount, unmount } from 'svelte'
import { derived, get } from 'svelte/store'
import { render } from 'svelte/server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, init, rejectAll, set, $snapshot } from '../headless.js'
import { readConsent } from '../server/index.js'
import { freshPage } from '../testing/index.js'
import { freshContainer } from './behaviour.js'
import { consent, granted } from './svelte.js'
import { decisionCookie, SITE } from './testing.js'
import Page from './svelte-testing.svelte'
import ServerPage from './svelte-testing.svelte?server'

let container: HTMLElement
let component: Record<string, unknown> | undefined

beforeEach(async () => {
  container = await freshContainer()
})
afterEach(() => {
  if (component) unmount(component)
  component = undefined
  container.remove()
})

/** What a store tells its subscriber, in order. */
const heard = <T>(store: { subscribe(run: (v: T) => void): () => void }) => {
  const values: T[] = []
  const stop = store.subscribe((v) => values.push(v))
  return { values, stop }
}

describe('consentry/svelte', () => {
  it('$consent and $granted in a component show the live decision and follow acceptAll, rejectAll and set', () => {
    component = mount(Page, { target: container, props: {} })
    expect(container.innerHTML).toBe('<p data-decided="false">analytics off</p>')
    acceptAll()
    flushSync()
    expect(container.innerHTML).toBe('<p data-decided="true">analytics on</p>')
    rejectAll()
    flushSync()
    expect(container.textContent).toBe('analytics off')
    set({ analytics: true })
    flushSync()
    expect(container.textContent).toBe('analytics on')
  })

  it('granted() tells its subscribers at once, then only when its answer flips, for a category or a service', () => {
    const analytics = heard(granted('analytics'))
    const meta = heard(granted('meta'))
    expect([analytics.values, meta.values]).toEqual([[false], [false]])
    set({ analytics: true })
    set({ analytics: true, posthog: false })
    expect([analytics.values, meta.values]).toEqual([[false, true], [false]])
    set({ meta: true })
    expect([analytics.values, meta.values]).toEqual([[false, true], [false, true]])
    analytics.stop()
    meta.stop()
  })

  it("keeps Svelte's store contract: get() and derived() from svelte/store read it", () => {
    acceptAll()
    expect(get(consent()).decided).toBe(true)
    expect(get(granted('posthog'))).toBe(true)
    const label = derived([consent(), granted('marketing')], ([c, m]) => `${c.method} ${m}`)
    const { values, stop } = heard(label)
    rejectAll()
    expect(values).toEqual(['api true', 'api false'])
    stop()
  })

  it('stops following the store when the component is unmounted, and when a subscriber stops', () => {
    const before = $snapshot.lc
    component = mount(Page, { target: container, props: {} })
    flushSync()
    expect($snapshot.lc).toBe(before + 2)
    unmount(component)
    component = undefined
    expect($snapshot.lc).toBe(before)
    const { values, stop } = heard(consent())
    stop()
    acceptAll()
    expect(values.map((s) => s.decided)).toEqual([false])
    expect($snapshot.lc).toBe(before)
  })
})

describe('consentry/svelte hydrating server markup', () => {
  /**
   * Server markup for a visitor who granted analytics, and the same decision in this page's cookie (as the browser
   * sent it), before `init` has run: the store still knows nothing, as during a hydration that comes first.
   */
  const serverPage = () => {
    const initial = readConsent(`consentry=${decisionCookie(true)}`, SITE)
    const { body } = render(ServerPage, { props: { initial } })
    freshPage()
    document.cookie = `consentry=${decisionCookie(true)}`
    container.innerHTML = body
    return { initial, body }
  }
  const text = () => container.querySelector('p')!.outerHTML

  it("the hydration renders the server's markup, keeping its nodes, then follows the store once init has run", async () => {
    const { initial } = serverPage()
    const p = container.querySelector('p')
    expect(text()).toBe('<p data-decided="true">analytics on</p>')
    component = hydrate(Page, { target: container, props: { initial } })
    expect(text()).toBe('<p data-decided="true">analytics on</p>')
    expect(container.querySelector('p')).toBe(p)
    await Promise.resolve()
    flushSync()
    expect(text()).toBe('<p data-decided="true">analytics on</p>')
    await init(SITE)
    rejectAll()
    flushSync()
    expect(text()).toBe('<p data-decided="true">analytics off</p>')
    expect(container.querySelector('p')).toBe(p)
  })

  it('where the live decision differs by then (init ran first, and the visitor refused), hydration still renders the server markup, and the live decision right after', async () => {
    const { initial } = serverPage()
    await init(SITE)
    rejectAll()
    component = hydrate(Page, { target: container, props: { initial } })
    expect(text()).toBe('<p data-decided="true">analytics on</p>')
    await Promise.resolve()
    flushSync()
    expect(text()).toBe('<p data-decided="true">analytics off</p>')
  })

  it('control: without the server snapshot, the same hydration shows the undecided state over the server markup', () => {
    serverPage()
    component = hydrate(Page, { target: container, props: {} })
    expect(text()).toBe('<p data-decided="false">analytics off</p>')
  })
})
