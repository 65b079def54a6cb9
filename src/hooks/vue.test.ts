/**
 * consentry/vue in a browser page (happy-dom): the composables follow the store, update only what depends on a
 * changed answer, stop following when the component goes, and hydrate server markup without a mismatch.
 */
import { createApp, createSSRApp, defineComponent, h, nextTick, ref, type App } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, init, rejectAll, set, $snapshot } from '../headless.js'
import { readConsent } from '../server/index.js'
import { freshPage } from '../testing/index.js'
import { decisionCookie, SITE } from './testing.js'
import { useConsent, useHas } from './vue.js'
import { ConsentPage } from './vue-testing.js'
import { freshContainer } from './behaviour.js'

let container: HTMLElement
let app: App | undefined
const renders: Record<string, number> = {}
const mount = (component: ReturnType<typeof defineComponent>, props = {}) => {
  app?.unmount()
  app = createApp(component, props)
  app.mount(container)
}

/** Shows the decision and one category; counts its renders. */
const Status = defineComponent({
  props: { id: { type: String, required: true } },
  setup(props) {
    const consent = useConsent()
    return () => ((renders.status = (renders.status ?? 0) + 1), h('p', { 'data-decided': String(consent.value.decided) }, `${props.id}: ${consent.value.categories[props.id] ? 'on' : 'off'}`))
  },
})
/** One useHas per child, each counting its own renders. */
const Gate = defineComponent({
  props: { id: { type: String, required: true } },
  setup(props) {
    const on = useHas(() => props.id)
    return () => ((renders[props.id] = (renders[props.id] ?? 0) + 1), h('b', `${props.id} ${on.value ? 'granted' : 'refused'}`))
  },
})

beforeEach(async () => {
  for (const k in renders) delete renders[k]
  container = await freshContainer()
})
afterEach(() => {
  app?.unmount()
  app = undefined
  container.remove()
})

describe('consentry/vue', () => {
  it('useConsent shows the live decision and follows acceptAll, rejectAll and set', async () => {
    mount(Status, { id: 'analytics' })
    expect(container.innerHTML).toBe('<p data-decided="false">analytics: off</p>')
    acceptAll()
    await nextTick()
    expect(container.innerHTML).toBe('<p data-decided="true">analytics: on</p>')
    rejectAll()
    await nextTick()
    expect(container.textContent).toBe('analytics: off')
    set({ analytics: true })
    await nextTick()
    expect(container.textContent).toBe('analytics: on')
  })

  it('useHas answers for a category or a service and updates only when its answer flips', async () => {
    mount(defineComponent({ setup: () => () => h('div', [h(Gate, { id: 'analytics' }), h(Gate, { id: 'meta' })]) }))
    expect(container.textContent).toBe('analytics refusedmeta refused')
    expect(renders).toEqual({ analytics: 1, meta: 1 })
    set({ analytics: true })
    await nextTick()
    expect(container.textContent).toBe('analytics grantedmeta refused')
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    set({ analytics: true, posthog: false })
    await nextTick()
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    set({ meta: true })
    await nextTick()
    expect(container.textContent).toBe('analytics grantedmeta granted')
    expect(renders).toEqual({ analytics: 2, meta: 2 })
  })

  it('useHas follows an id given as a ref', async () => {
    set({ meta: true })
    const id = ref('analytics')
    mount(defineComponent({ setup: () => { const on = useHas(id); return () => h('b', `${id.value} ${on.value}`) } }))
    expect(container.textContent).toBe('analytics false')
    id.value = 'meta'
    await nextTick()
    expect(container.textContent).toBe('meta true')
  })

  it('stops following the store when the component is unmounted', async () => {
    const before = $snapshot.lc
    mount(defineComponent({ setup: () => () => h('div', [h(Status, { id: 'analytics' }), h(Gate, { id: 'analytics' })]) }))
    expect($snapshot.lc).toBe(before + 2)
    app!.unmount()
    app = undefined
    expect($snapshot.lc).toBe(before)
    acceptAll()
    await nextTick()
    expect(renders).toEqual({ status: 1, analytics: 1 })
  })

  it('outside a component (a plain effect scope or none) it still follows, and says nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const consent = useConsent()
    const analytics = useHas('analytics')
    acceptAll()
    expect([consent.value.decided, analytics.value]).toEqual([true, true])
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('consentry/vue hydrating server markup', () => {
  // The component the server rendered and the browser hydrates: the decision, and analytics.
  const Page = ConsentPage

  /**
   * Server markup for a visitor who granted analytics, and the same decision in this page's cookie (as the browser
   * sent it), before `init` has run: the store still knows nothing, as during a hydration that comes first.
   */
  const serverPage = async () => {
    const initial = readConsent(`consentry=${decisionCookie(true)}`, SITE)
    const html = await renderToString(createSSRApp(Page, { initial }))
    freshPage()
    document.cookie = `consentry=${decisionCookie(true)}`
    container.innerHTML = html
    return { initial, html }
  }
  const hydrationWarnings = (...spies: ReturnType<typeof vi.spyOn>[]) =>
    spies.flatMap((spy) => spy.mock.calls).filter(([m]) => /hydrat|mismatch/i.test(String(m)))

  it('the hydration render matches the server markup (no mismatch warning), then follows the store once init has run', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { initial, html } = await serverPage()
    expect(html).toBe('<p data-decided="true">analytics on</p>')
    app = createSSRApp(Page, { initial })
    app.mount(container)
    await nextTick()
    expect(container.innerHTML).toBe(html)
    expect(hydrationWarnings(warn, error)).toEqual([])
    await init(SITE)
    rejectAll()
    await nextTick()
    expect(container.innerHTML).toBe('<p data-decided="true">analytics off</p>')
  })

  it('control: without the server snapshot, the same hydration reports the mismatch', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await serverPage()
    app = createSSRApp(Page, {})
    app.mount(container)
    expect(hydrationWarnings(warn, error).length).toBeGreaterThan(0)
  })
})
