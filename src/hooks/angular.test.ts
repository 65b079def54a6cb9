/**
 * consentry/angular in a browser page (happy-dom), with real Angular components compiled at run time (JIT) and
 * zoneless change detection: the signals follow the store, an OnPush view is checked again only when an answer it
 * reads changes, they stop following when the component goes, and a server render never follows the shared store.
 */
// The JIT compiler: it compiles the components below, and Angular's own partially compiled declarations, at run time.
import '@angular/compiler'
import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  createComponent,
  Injector,
  PLATFORM_ID,
  provideZonelessChangeDetection,
  runInInjectionContext,
  signal,
  type ComponentRef,
  type Provider,
  type Type,
} from '@angular/core'
import { createApplication } from '@angular/platform-browser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, rejectAll, set, $snapshot } from '../headless.js'
import { readConsent } from '../server/index.js'
import { decisionCookie } from './testing.js'
import { injectConsent, injectHas } from './angular.js'
import { freshContainer } from './behaviour.js'

let container: HTMLElement
let app: ApplicationRef | undefined
const renders: Record<string, number> = {}
/** Counts a view's checks under `name`; the template calls it, so it runs each time the view is refreshed. */
const counted = (name: string) => (renders[name] = (renders[name] ?? 0) + 1) && ''

/** Shows the decision and one category, from injectConsent. */
const Status = Component({
  selector: 'cy-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ count() }}<p [attr.data-decided]="consent().decided">analytics: {{ consent().categories['analytics'] ? 'on' : 'off' }}</p>`,
})(
  class Status {
    consent = injectConsent()
    count = () => counted('status')
  },
)
/** One injectHas per component, for the id the test sets; one component class per id (Angular ids them by selector). */
const gates = new Map<string, Type<unknown>>()
const gate = (id: string) => {
  if (!gates.has(id)) gates.set(id, makeGate(id))
  return gates.get(id)!
}
const makeGate = (id: string) =>
  Component({
    selector: `cy-gate-${id}`,
    changeDetection: ChangeDetectionStrategy.OnPush,
    template: `{{ count() }}<b>${id} {{ on() ? 'granted' : 'refused' }}</b>`,
  })(
    class Gate {
      on = injectHas(id)
      count = () => counted(id)
    },
  )
/** injectHas following a signal: the id can change. */
const Follows = Component({
  selector: 'cy-follows',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<i>{{ id() }} {{ on() ? 'granted' : 'refused' }}</i>`,
})(
  class Follows {
    id = signal('analytics')
    on = injectHas(this.id)
  },
)

/** Renders `component` into a new element of the container, in an application of its own, and checks it once. */
const render = async <T,>(component: Type<T>, providers: Provider[] = []): Promise<ComponentRef<T>> => {
  app ??= await createApplication({ providers: [provideZonelessChangeDetection(), ...providers] })
  const ref = createComponent(component, { environmentInjector: app.injector, hostElement: container.appendChild(document.createElement('div')) })
  app.attachView(ref.hostView)
  app.tick()
  return ref
}
/** What zoneless change detection does after a signal changed, at once. */
const check = () => app!.tick()

beforeEach(async () => {
  for (const k in renders) delete renders[k]
  container = await freshContainer()
})
afterEach(() => {
  app?.destroy()
  app = undefined
  container.remove()
})

describe('consentry/angular', () => {
  it('injectConsent shows the live decision and follows acceptAll, rejectAll and set', async () => {
    await render(Status)
    expect(container.querySelector('p')!.outerHTML).toBe('<p data-decided="false">analytics: off</p>')
    acceptAll()
    check()
    expect(container.querySelector('p')!.outerHTML).toBe('<p data-decided="true">analytics: on</p>')
    rejectAll()
    check()
    expect(container.textContent).toBe('analytics: off')
    set({ analytics: true })
    check()
    expect(container.textContent).toBe('analytics: on')
    // Every change of the snapshot is one new value: the view was checked for each (first render + 3).
    expect(renders.status).toBe(4)
  })

  it('injectHas answers for a category or a service, and an OnPush view is checked again only when its answer flips', async () => {
    await render(gate('analytics'))
    await render(gate('meta'))
    expect(container.textContent).toBe('analytics refusedmeta refused')
    expect(renders).toEqual({ analytics: 1, meta: 1 })
    set({ analytics: true })
    check()
    expect(container.textContent).toBe('analytics grantedmeta refused')
    // The decision changed (undecided → decided, analytics on) but meta's answer did not.
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    set({ analytics: true, posthog: false })
    check()
    expect(renders).toEqual({ analytics: 2, meta: 1 })
    set({ meta: true })
    check()
    expect(container.textContent).toBe('analytics grantedmeta granted')
    expect(renders).toEqual({ analytics: 2, meta: 2 })
  })

  it('injectHas follows an id given as a signal', async () => {
    set({ meta: true })
    const ref = await render(Follows)
    expect(container.textContent).toBe('analytics refused')
    ref.instance.id.set('meta')
    check()
    expect(container.textContent).toBe('meta granted')
  })

  it('stops following the store when the component is destroyed', async () => {
    const before = $snapshot.lc
    const a = await render(Status)
    const b = await render(gate('analytics'))
    expect($snapshot.lc).toBe(before + 2)
    a.destroy()
    b.destroy()
    expect($snapshot.lc).toBe(before)
    acceptAll()
    check()
    expect(renders).toEqual({ status: 1, analytics: 1 })
  })

  it('outside an injection context: Angular’s NG0203, naming the function', () => {
    expect(() => injectConsent()).toThrow(/NG0203.*injectConsent/s)
    expect(() => injectHas('analytics')).toThrow(/NG0203.*injectHas/s)
    // In a bare injector's context (no application, so no DestroyRef of a view): a service's field, say.
    const injector = Injector.create({ providers: [] })
    const has = runInInjectionContext(injector, () => injectHas('analytics'))
    expect(has()).toBe(false)
    acceptAll()
    expect(has()).toBe(true)
  })

  it('a server render (PLATFORM_ID "server") shows the server’s reading, or undecided, and never follows the shared store', async () => {
    acceptAll()
    const before = $snapshot.lc
    await render(gate('analytics'), [{ provide: PLATFORM_ID, useValue: 'server' }])
    // The store holds another visitor's acceptance; this request has none.
    expect(container.textContent).toBe('analytics refused')
    expect($snapshot.lc).toBe(before)
    const initial = readConsent(`consentry=${decisionCookie(true)}`, { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }, { id: 'marketing', services: [{ id: 'meta' }] }], revision: 1 })
    const Read = Component({ selector: 'cy-read', template: `<u>{{ on() }}</u>` })(
      class Read {
        on = injectHas('posthog', initial)
      },
    )
    rejectAll()
    await render(Read)
    expect(container.querySelector('u')!.textContent).toBe('true')
    expect($snapshot.lc).toBe(before)
  })

  it('with the server’s reading in the browser: the first render is the server’s (what hydration finds), then the live store', async () => {
    const initial = readConsent(`consentry=${decisionCookie(true)}`, { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics', services: [{ id: 'posthog' }] }, { id: 'marketing', services: [{ id: 'meta' }] }], revision: 1 })
    const firsts: boolean[] = []
    const Hydrated = Component({ selector: 'cy-hydrated', template: `{{ seen() }}<u>{{ on() }}</u>` })(
      class Hydrated {
        on = injectHas('analytics', initial)
        seen = () => (firsts.push(this.on()), '')
      },
    )
    // This page's store says undecided; the server read an acceptance from the cookie.
    await render(Hydrated)
    expect(firsts[0]).toBe(true)
    // afterNextRender: after the first render the live store takes over.
    check()
    expect(container.querySelector('u')!.textContent).toBe('false')
    acceptAll()
    check()
    expect(container.querySelector('u')!.textContent).toBe('true')
  })
})
