/**
 * Locators over puppeteer-core, the same code in both browsers: a locator is a
 * query that runs again on every use, so tests wait on state, never on a sleep.
 * CSS is puppeteer's: `>>>` crosses into open shadow roots (the UI lives in
 * one). A locator on the whole page starts with one, so `[part=banner]` finds
 * the banner; one inside another looks in that element's own tree.
 * Roles and names are the browser's own accessibility tree (puppeteer's `aria/`
 * handler: CDP Accessibility.queryAXTree in Chromium, WebDriver BiDi
 * browsingContext.locateNodes in Firefox), so hidden elements are not found and
 * a name matches exactly the name the browser computes.
 * As Playwright's locators, actions wait for one visible, enabled element and
 * fail on more than one, a click also for it to be still and reachable at its
 * centre ({@link settle}), and clicks are real input (`isTrusted` events). No
 * wait is without a limit ({@link within}).
 */
import type { ElementHandle, Frame } from 'puppeteer-core'

/** Where a locator runs: the page's main frame or an iframe's, and how long it may wait. */
export interface Realm {
  frame(): Promise<Frame>
  readonly timeout: number
  readonly firefox: boolean
}

type Els = ElementHandle<Element>[]
export type Box = { x: number; y: number; width: number; height: number }

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * `work`, or an error naming `what` once `ms` have passed without an answer. Puppeteer waits without a limit for a
 * frame's next execution context, and a navigation can leave that wait unanswered: a probe that hangs there would
 * otherwise hang the test until vitest's timeout, which names no step (CI: demo-walk, "timed out in 90000ms").
 */
export const within = <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)))
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}
/** The longest one query of a locator may take before it is asked again (each takes milliseconds, seconds under load). */
const PROBE_MS = 5_000
const dispose = (els: Els) => Promise.all(els.map((el) => el.dispose().catch(() => {})))

/** The open shadow roots below `scope`, nested ones too. */
const shadowRoots = async (scope: Frame | ElementHandle<Element>): Promise<Els> => {
  const collect = (root?: Element): ShadowRoot[] => {
    const out: ShadowRoot[] = []
    const walk = (node: ParentNode): void => {
      for (const el of Array.from(node.querySelectorAll('*'))) if (el.shadowRoot) out.push(el.shadowRoot), walk(el.shadowRoot)
    }
    walk(root ?? document)
    return out
  }
  const list = await ('goto' in scope ? scope.evaluateHandle(collect) : scope.evaluateHandle(collect))
  const props = await list.getProperties()
  await list.dispose()
  return [...props.values()].map((h) => h.asElement() as ElementHandle<Element>)
}

/** Every element `selector` finds in each scope (the realm's document when there is none). */
const under = async (scopes: Els | null, frame: Frame, selector: string): Promise<Els> =>
  scopes ? (await Promise.all(scopes.map((s) => s.$$(selector)))).flat() : frame.$$(selector)

export class Loc {
  constructor(
    private readonly realm: Realm,
    private readonly find: () => Promise<Els>,
    private readonly what: string,
  ) {}

  /** Polls until `pick` returns something for the current matches; throws its last complaint at the timeout. */
  private async until<T>(pick: (els: Els, seen: { visible: boolean; enabled: boolean }[]) => T | string, timeout = this.realm.timeout): Promise<T> {
    const end = Date.now() + timeout
    for (;;) {
      let els: Els = []
      let seen: { visible: boolean; enabled: boolean }[]
      try {
        const probe = async () => {
          const found = await this.find()
          const states = await Promise.all(
            found.map((el) =>
              el.evaluate((e) => {
                const r = e.getBoundingClientRect()
                const visible = r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'
                return { visible, enabled: !(e as HTMLButtonElement).disabled && e.getAttribute('aria-disabled') !== 'true' }
              }),
            ),
          )
          return { found, states }
        }
        // A query that does not answer is asked again (a fresh call waits on the new document), never waited on
        // past the timeout.
        ;({ found: els, states: seen } = await within(probe(), Math.max(1_000, Math.min(PROBE_MS, end - Date.now())), `a query for ${this.what}`))
      } catch (e) {
        // A navigation took the document (and every handle in it) away mid-query: ask the new one.
        await dispose(els)
        if (Date.now() > end) throw e
        await sleep(50)
        continue
      }
      const got = pick(els, seen)
      const keep = typeof got === 'string' ? undefined : got
      await dispose(els.filter((el) => el !== keep))
      if (typeof got !== 'string') return got
      if (Date.now() > end) throw new Error(`timed out waiting for ${this.what} ${got}`)
      await sleep(50)
    }
  }
  private strict(els: Els): void {
    if (els.length > 1) throw new Error(`strict mode: ${this.what} resolved to ${els.length} elements`)
  }
  /** The one match, once there is exactly one (visible and enabled too, when `actionable`). */
  private one(actionable = false): Promise<ElementHandle<Element>> {
    return this.until((els, seen) => {
      this.strict(els)
      if (els.length && (!actionable || (seen[0]!.visible && seen[0]!.enabled))) return els[0]!
      return actionable ? 'to be visible and enabled' : 'to be attached'
    })
  }
  private async use<R>(actionable: boolean, fn: (el: ElementHandle<Element>) => Promise<R>): Promise<R> {
    const el = await this.one(actionable)
    try {
      return await within(fn(el), this.realm.timeout, `${this.what}`)
    } finally {
      await el.dispose().catch(() => {})
    }
  }
  click(): Promise<void> {
    return this.use(true, async (el) => {
      await settle(el)
      try {
        await el.click()
      } catch (e) {
        // Firefox (BiDi): puppeteer finds the point to click with `element instanceof Element` in the element's
        // frame, which is false for an element another window created and moved there (a placeholder drawn by
        // the page into an iframe's blank document). Click the element's centre in the top page instead.
        if (!String(e).includes('Node is either not clickable or not an Element')) throw e
        const { x, y } = await this.centre(el)
        await (await this.realm.frame()).page().mouse.click(x, y)
      }
    })
  }
  /** The centre of `el` in the top page's viewport, through every enclosing iframe's content box. */
  private async centre(el: ElementHandle<Element>): Promise<{ x: number; y: number }> {
    await el.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }))
    const r = await el.evaluate((e) => {
      const b = e.getBoundingClientRect()
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 }
    })
    for (let frame: Frame | null = await this.realm.frame(); frame?.parentFrame(); frame = frame.parentFrame()) {
      const host = (await frame.frameElement())!
      const o = await host.evaluate((f) => {
        const b = f.getBoundingClientRect()
        const s = getComputedStyle(f)
        return { x: b.x + f.clientLeft + parseFloat(s.paddingLeft), y: b.y + f.clientTop + parseFloat(s.paddingTop) }
      })
      await host.dispose()
      r.x += o.x
      r.y += o.y
    }
    return r
  }
  focus(): Promise<void> {
    return this.use(false, (el) => el.focus())
  }
  textContent(): Promise<string | null> {
    return this.use(false, (el) => el.evaluate((e) => e.textContent))
  }
  allTextContents(): Promise<string[]> {
    const all = async () => {
      const els = await this.find()
      const texts = await Promise.all(els.map((el) => el.evaluate((e) => e.textContent ?? '')))
      await dispose(els)
      return texts
    }
    return within(all(), this.realm.timeout, `the texts of ${this.what}`)
  }
  getAttribute(name: string): Promise<string | null> {
    return this.use(false, (el) => el.evaluate((e, n) => e.getAttribute(n), name))
  }
  count(): Promise<number> {
    return this.until((els) => els.length)
  }
  isVisible(): Promise<boolean> {
    return this.until((els, seen) => (this.strict(els), !!seen[0]?.visible))
  }
  async isHidden(): Promise<boolean> {
    return !(await this.isVisible())
  }
  async isDisabled(): Promise<boolean> {
    await this.one()
    return this.until((els, seen) => (this.strict(els), !seen[0]?.enabled))
  }
  boundingBox(): Promise<Box | null> {
    return this.use(false, (el) =>
      el.evaluate((e) => {
        const r = e.getBoundingClientRect()
        return { x: r.x, y: r.y, width: r.width, height: r.height }
      }),
    )
  }
  async waitFor({ state = 'visible', timeout }: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    await this.until((els, seen) => {
      if (state !== 'detached') this.strict(els)
      const ok = state === 'attached' ? els.length === 1 : state === 'detached' ? !els.length : state === 'visible' ? !!seen[0]?.visible : !seen[0]?.visible
      return ok || `to be ${state}`
    }, timeout)
  }
  evaluate<R, A = undefined>(fn: (el: any, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // Small values of one element (styles, boxes, attributes): by value as puppeteer returns them.
    return this.use(false, (el) => el.evaluate(fn as never, arg as never) as Promise<R>)
  }
  locator(selector: string): Loc {
    return new Loc(this.realm, async () => under(await this.find(), await this.realm.frame(), selector), `${this.what} >> ${selector}`)
  }
  getByRole(role: string, { name }: { name?: string } = {}): Loc {
    return new Loc(this.realm, async () => byRole(this.realm, await this.find(), role, name), `${this.what} >> role=${role}[name=${JSON.stringify(name)}]`)
  }
  first(): Loc {
    return this.nth(0)
  }
  nth(index: number): Loc {
    return new Loc(
      this.realm,
      async () => {
        const els = await this.find()
        const pick = els.at(index)
        await dispose(els.filter((el) => el !== pick))
        return pick ? [pick] : []
      },
      `${this.what} >> nth=${index}`,
    )
  }
}

/**
 * Elements of `role` named `name` below the scopes. Firefox's accessibility locator does not cross
 * into a shadow root from a start node outside it (Chromium's does), so there each open shadow root
 * below is a start node too.
 */
const byRole = async (realm: Realm, scopes: Els | null, role: string, name = ''): Promise<Els> => {
  const frame = await realm.frame()
  const roots = realm.firefox ? (await Promise.all((scopes ?? [frame]).map(shadowRoots))).flat() : []
  const found = [...(await under(scopes, frame, `aria/${name}[role="${role}"]`)), ...(await under(roots, frame, `aria/${name}[role="${role}"]`))]
  await dispose(roots)
  return found
}

/**
 * Before a click, as Playwright's actionability checks: waits until `el`'s box is the same over two animation
 * frames and a click at its centre would reach it (or something inside it), looking through open shadow roots.
 * Puppeteer clicks at a point measured a few protocol round trips earlier, so a layout change in between sends the
 * click to whatever is there then (CI: demo-visitor's footer link, as the demo page redrew its tag rows after a
 * decision, and the preferences never opened). Coordinates are the element's own document's, so it holds in an
 * iframe too. After 2 s it gives up and lets the click go, as before: a covered element fails on what follows.
 */
const settle = async (el: ElementHandle<Element>): Promise<void> => {
  const end = Date.now() + 2_000
  while (Date.now() < end) {
    const ready = await within(
      el.evaluate(async (e) => {
        // A hidden tab may never run an animation frame: a short timer stands in.
        const frame = () => new Promise((r) => (requestAnimationFrame(r), setTimeout(r, 100)))
        const box = () => JSON.stringify(e.getBoundingClientRect())
        const before = box()
        await frame()
        await frame()
        if (box() !== before) return false
        const r = e.getBoundingClientRect()
        const x = r.left + r.width / 2
        const y = r.top + r.height / 2
        let hit = document.elementFromPoint(x, y)
        for (let inner: Element | null; hit?.shadowRoot && (inner = hit.shadowRoot.elementFromPoint(x, y)) && inner !== hit; ) hit = inner
        // `el` itself, or anything in it, shadow trees included; or the host of a closed tree it is in.
        for (let n: Node | null = hit; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === e) return true
        if (hit && (e.getRootNode() as ShadowRoot).host === hit) return true
        // Out of view (nothing there is hit), partly scrolled out of its container, or under something sticky
        // there: to the middle, as puppeteer's click would scroll it, and look again.
        e.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' as ScrollBehavior })
        return false
      }),
      1_000,
      'settle',
    ).catch(() => true)
    if (ready) return
    await sleep(50)
  }
}

/** A locator over the whole of `realm`'s document. */
export const rootLocator = (realm: Realm, selector: string): Loc => new Loc(realm, async () => (await realm.frame()).$$(`>>> ${selector}`), selector)
export const rootByRole = (realm: Realm, role: string, name?: string): Loc =>
  new Loc(realm, () => byRole(realm, null, role, name), `role=${role}[name=${JSON.stringify(name)}]`)
