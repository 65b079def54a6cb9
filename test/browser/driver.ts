/**
 * One test API for both real browsers. Every browser suite is written once
 * against {@link Tab} — the part of Playwright's `Page` the suites use — and
 * runs twice: in Chromium through playwright-core (the `Page` itself), and in
 * Firefox ESR through puppeteer-core over WebDriver BiDi (an adapter below).
 *
 * The adapter keeps Playwright's semantics where a test depends on them:
 * CSS selectors pierce open shadow roots, `getByRole` matches accessible names
 * (exact or case-insensitive substring) and ignores hidden elements, actions
 * wait for one visible element and fail on more than one (strict mode), and
 * clicks and key presses are real input (`isTrusted` events), not `el.click()`.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext as PwContext, Page as PwPage } from 'playwright-core'
import puppeteer, {
  type Browser as PpBrowser,
  type BrowserContext as PpContext,
  type ElementHandle,
  type Frame as PpFrame,
  type JSHandle,
  type KeyInput,
  type Page as PpPage,
} from 'puppeteer-core'
import { launchChromium } from './harness.js'

export type BrowserName = 'chromium' | 'firefox'
/** Every suite runs in each of these; `BROWSERS=chromium` narrows a local run (CI always runs both). */
export const BROWSERS: readonly BrowserName[] = (process.env.BROWSERS?.split(',') as BrowserName[] | undefined) ?? ['chromium', 'firefox']
export const FIREFOX = '/usr/bin/firefox-esr'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface Loc {
  click(): Promise<void>
  focus(): Promise<void>
  textContent(): Promise<string | null>
  allTextContents(): Promise<string[]>
  getAttribute(name: string): Promise<string | null>
  count(): Promise<number>
  isVisible(): Promise<boolean>
  isHidden(): Promise<boolean>
  isDisabled(): Promise<boolean>
  boundingBox(): Promise<Box | null>
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>
  evaluate<R, A = undefined>(fn: (el: any, arg: A) => R | Promise<R>, arg?: A): Promise<R>
  locator(selector: string): Loc
  getByRole(role: string, options?: { name?: string; exact?: boolean }): Loc
  first(): Loc
  nth(index: number): Loc
}

export interface Cookie {
  name: string
  value: string
  domain: string
  path: string
  expires: number
  secure: boolean
  httpOnly: boolean
  sameSite: string
}

export interface Ctx {
  newPage(): Promise<Tab>
  pages(): Tab[]
  cookies(url?: string): Promise<Cookie[]>
  /** A cookie for `url`'s host (host-only, path `/`), or for `domain` and `path` as given (a leading dot: a domain cookie). */
  addCookies(cookies: ({ name: string; value: string; url: string } | { name: string; value: string; domain: string; path: string })[]): Promise<void>
  clearCookies(): Promise<void>
}

export interface ConsoleLine {
  type(): string
  text(): string
}

/** The part of Playwright's `Page` the suites use. */
export interface Tab {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit' }): Promise<unknown>
  reload(): Promise<unknown>
  goBack(options?: { waitUntil?: 'load' | 'commit' }): Promise<unknown>
  url(): string
  close(): Promise<void>
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number }): Promise<unknown>
  waitForTimeout(ms: number): Promise<void>
  addInitScript<A = undefined>(script: ((arg: A) => unknown) | { content: string }, arg?: A): Promise<void>
  addScriptTag(options: { content: string }): Promise<unknown>
  locator(selector: string): Loc
  getByRole(role: string, options?: { name?: string; exact?: boolean }): Loc
  frameLocator(selector: string): { locator(selector: string): Loc; getByRole(role: string, options?: { name?: string; exact?: boolean }): Loc }
  keyboard: { press(key: string): Promise<void> }
  viewportSize(): { width: number; height: number } | null
  setViewportSize(size: { width: number; height: number }): Promise<void>
  setDefaultTimeout(ms: number): void
  /**
   * This tab's emulated `prefers-color-scheme` / `prefers-reduced-motion` (null: the browser's own),
   * live and across navigations, as Playwright's `page.emulateMedia`. Firefox: the tab's own
   * override, as its devtools set it; needs {@link MEDIA_EMULATION} at launch.
   */
  emulateMedia(options: { colorScheme?: 'light' | 'dark' | null; reducedMotion?: 'reduce' | 'no-preference' | null }): Promise<void>
  on(event: 'pageerror', fn: (e: Error) => void): unknown
  on(event: 'console', fn: (m: ConsoleLine) => void): unknown
  context(): Ctx
  bringToFront(): Promise<void>
}

/** Launch options that mean the same in both browsers. */
export interface LaunchOptions {
  /** Resolve every `*.test` host name to 127.0.0.1 (pages and "trackers" on two origins). */
  testHosts?: boolean
  /** Send `Sec-GPC: 1` and expose `navigator.globalPrivacyControl === true` (Firefox: the real pref). */
  gpc?: boolean
  /** Block all cookies for every site (Chromium: per tab through CDP, see {@link disableCookies}). */
  noCookies?: boolean
  /**
   * Keep the back/forward cache on, as visitors have it (playwright-core turns it off in
   * Chromium by default). A restore fires no `load`: go back with `waitUntil: 'commit'`.
   */
  bfcache?: boolean
  /** Firefox only: extra command-line arguments and prefs (e.g. `--remote-allow-system-access` for the privileged memory probe in firefox-heap.ts). */
  firefox?: { args?: string[]; prefs?: Record<string, unknown> }
}

/** A browser with a fresh profile; each {@link Session.visitor} is a first-time visitor (no cookies, no storage). */
export interface Session {
  readonly name: BrowserName
  /**
   * A first-time visitor's tab, left on `${origin}${start}` (default `/__blank`, which
   * harness.ts's startServer serves). Servers without that page (the demo) name one of theirs,
   * so no 404 (and no late favicon 404) reaches the console.
   */
  visitor(origin: string, start?: string): Promise<Tab>
  /** The current visitor's cookie jar and tabs. */
  context(): Ctx
  close(): Promise<void>
  /** Firefox only: the puppeteer-core browser, for WebDriver BiDi commands the {@link Tab} API has no word for. */
  readonly puppeteer?: PpBrowser
}

export const launch = async (name: BrowserName, options: LaunchOptions = {}): Promise<Session> =>
  name === 'chromium' ? launchChromiumSession(options) : launchFirefoxSession(options)

// ---------------------------------------------------------------- Chromium

const launchChromiumSession = async (options: LaunchOptions): Promise<Session> => {
  const args: string[] = []
  if (options.testHosts) args.push('--host-resolver-rules=MAP *.test 127.0.0.1')
  const chromium = await launchChromium(args, options.bfcache ? ['--disable-back-forward-cache'] : [])
  const context = chromium.context
  if (options.gpc) {
    await context.setExtraHTTPHeaders({ 'Sec-GPC': '1' })
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }))
  }
  const tab = (p: PwPage) => p as unknown as Tab
  const setUp = async (page: PwPage): Promise<PwPage> => {
    if (options.noCookies) await disableCookies(page)
    return page
  }
  if (options.noCookies) context.on('page', (p) => void disableCookies(p))
  return {
    name: 'chromium',
    async visitor(origin, start = '/__blank') {
      const page = await setUp(await context.newPage())
      await Promise.all(context.pages().filter((p) => p !== page).map((p) => p.close()))
      await context.clearCookies()
      await page.goto(`${origin}${start}`)
      await page.evaluate(() => {
        localStorage.clear()
        sessionStorage.clear()
      })
      return tab(page)
    },
    context: () => context as unknown as Ctx,
    close: () => chromium.close(),
  }
}

/** Chromium's per-tab "cookies disabled" (what a visitor's "block all cookies" setting does to `document.cookie`). */
export const disableCookies = async (page: PwPage): Promise<void> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true })
}

/** The playwright context behind a Chromium tab (for Chromium-only probes such as CDP heap sizes). */
export const chromiumContext = (tab: Tab): PwContext => (tab as unknown as PwPage).context()

/**
 * Launch options for {@link Tab.emulateMedia} in Firefox, which sets the tab's overrides from the
 * browser's privileged scope over WebDriver BiDi (Chromium needs nothing).
 */
export const MEDIA_EMULATION: LaunchOptions = { firefox: { args: ['--remote-allow-system-access'] } }

/**
 * A screen of `width` × `height` CSS px at `deviceScaleFactor` device pixels per CSS px, for this
 * tab: `innerWidth`, `innerHeight` and `devicePixelRatio` say so. Chromium: CDP
 * Emulation.setDeviceMetricsOverride; Firefox: WebDriver BiDi browsingContext.setViewport.
 */
export const emulateScreen = async (tab: Tab, metrics: { width: number; height: number; deviceScaleFactor: number }): Promise<void> => {
  if (tab instanceof FirefoxTab) return tab.page.setViewport(metrics)
  const page = tab as unknown as PwPage
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setDeviceMetricsOverride', { ...metrics, mobile: false })
}

// ---------------------------------------------------------------- Firefox

const launchFirefoxSession = async (options: LaunchOptions): Promise<Session> => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX}: install it (apt-get install -y firefox-esr); the suite does not skip`)
  const dir = await mkdtemp(join(tmpdir(), 'consentry-firefox-'))
  const prefs: Record<string, unknown> = {
    // No calls home from a test profile.
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    // Back/forward cache on, as for a visitor (it is Firefox's default; say so).
    'browser.sessionhistory.max_total_viewers': 8,
  }
  if (options.testHosts) prefs['network.dns.forceResolve'] = '127.0.0.1'
  if (options.gpc) prefs['privacy.globalprivacycontrol.enabled'] = true
  if (options.noCookies) prefs['network.cookie.cookieBehavior'] = 2
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: dir,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: { ...prefs, ...options.firefox?.prefs },
    args: options.firefox?.args,
  })
  let current: FirefoxCtx | null = null
  return {
    name: 'firefox',
    puppeteer: browser,
    async visitor(origin, start = '/__blank') {
      // A new browser context is a visitor with an empty cookie jar and empty storage.
      const old = current
      current = new FirefoxCtx(await browser.createBrowserContext())
      await old?.close()
      const tab = await current.newPage()
      await tab.goto(`${origin}${start}`)
      return tab
    },
    context() {
      if (!current) throw new Error('no visitor yet: call visitor() first')
      return current
    },
    close: async () => {
      await browser.close().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}

class FirefoxCtx implements Ctx {
  readonly tabs: FirefoxTab[] = []
  constructor(readonly inner: PpContext) {}
  async newPage(): Promise<Tab> {
    const page = await this.inner.newPage()
    const tab = new FirefoxTab(page, this)
    this.tabs.push(tab)
    page.once('close', () => this.tabs.splice(this.tabs.indexOf(tab), 1))
    return tab
  }
  pages(): Tab[] {
    return [...this.tabs]
  }
  async cookies(url?: string): Promise<Cookie[]> {
    const host = url ? new URL(url).hostname : null
    return (await this.inner.cookies())
      .filter((c) => !host || c.domain.replace(/^\./, '') === host)
      .map((c) => ({
        name: c.name,
        value: c.value,
        domain: c.domain,
        path: c.path,
        expires: c.expires,
        secure: c.secure,
        httpOnly: !!c.httpOnly,
        sameSite: c.sameSite ?? 'None',
      }))
  }
  async addCookies(cookies: ({ name: string; value: string; url: string } | { name: string; value: string; domain: string; path: string })[]): Promise<void> {
    await this.inner.setCookie(
      ...cookies.map((c) => ('url' in c ? { name: c.name, value: c.value, domain: new URL(c.url).hostname, path: '/' } : { name: c.name, value: c.value, domain: c.domain, path: c.path })),
    )
  }
  async clearCookies(): Promise<void> {
    const all = await this.inner.cookies()
    if (all.length) await this.inner.deleteCookie(...all)
  }
  close(): Promise<void> {
    return this.inner.close().catch(() => {})
  }
}

type Step = { css: string } | { role: string; name?: string; exact?: boolean } | { nth: number }

/**
 * Resolves a locator chain in the page (it runs there, so it is self-contained;
 * no eval, so it works under the strictest CSP) and answers for `mode`.
 * Returns every match of the last step, in document order (a shadow root's
 * contents right after its host, as Playwright orders them).
 */
const inPage = (steps: Step[], mode: string, index: number): unknown => {
  const deep = (root: ParentNode): Element[] => {
    const out: Element[] = []
    const walk = (node: ParentNode): void => {
      for (const el of Array.from(node.children)) {
        out.push(el)
        if (el.shadowRoot) walk(el.shadowRoot)
        walk(el)
      }
    }
    walk(root)
    return out
  }
  const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)
  // Split on descendant combinators outside brackets, parens and quotes; keep `a > b` together.
  const tokens = (sel: string): string[] => {
    const out: string[] = []
    let cur = ''
    let depth = 0
    let quote = ''
    for (const ch of sel.trim()) {
      if (quote) quote = ch === quote ? '' : quote
      else if (ch === '"' || ch === "'") quote = ch
      else if (ch === '[' || ch === '(') depth++
      else if (ch === ']' || ch === ')') depth--
      if (/\s/.test(ch) && !depth && !quote) {
        if (cur) out.push(cur)
        cur = ''
      } else cur += ch
    }
    if (cur) out.push(cur)
    const merged: string[] = []
    for (let i = 0; i < out.length; i++) {
      if (out[i] === '>' || out[i] === '+' || out[i] === '~') merged[merged.length - 1] += out[i]! + out[++i]!
      else merged.push(out[i]!)
    }
    return merged
  }
  const within = (el: Element, scope: Element | null): boolean => {
    for (let a = up(el); a; a = up(a)) if (a === scope) return true
    return scope === null
  }
  const css = (scope: Element | null, sel: string): Element[] => {
    const parts = tokens(sel)
    const last = parts.pop()!
    return deep(scope ?? document).filter((el) => {
      if (!el.matches(last)) return false
      let a: Element | null = el
      for (let i = parts.length - 1; i >= 0; i--) {
        do a = up(a!)
        while (a && a !== scope && !a.matches(parts[i]!))
        if (!a || a === scope) return false
      }
      return true
    })
  }
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
  }
  const IMPLICIT: Record<string, string> = {
    button: 'button,input[type=button],input[type=submit],input[type=reset]',
    link: 'a[href],area[href]',
    checkbox: 'input[type=checkbox]',
    heading: 'h1,h2,h3,h4,h5,h6',
    dialog: 'dialog',
    textbox: 'input:not([type]),input[type=text],textarea',
  }
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim()
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby')
    if (by) {
      const root = el.getRootNode() as Document | ShadowRoot
      return norm(by.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' '))
    }
    const label = el.getAttribute('aria-label')
    if (label) return norm(label)
    if (el instanceof HTMLInputElement && el.labels?.length) return norm(el.labels[0]!.textContent)
    return norm(el.textContent) || norm(el.getAttribute('title'))
  }
  let scopes: (Element | null)[] = [null]
  for (const step of steps) {
    if ('nth' in step) {
      const pick = step.nth < 0 ? scopes[scopes.length + step.nth] : scopes[step.nth]
      scopes = pick === undefined ? [] : [pick]
      continue
    }
    const next: Element[] = []
    for (const scope of scopes) {
      const found =
        'css' in step
          ? css(scope, step.css)
          : deep(scope ?? document).filter((el) => {
              const role = el.getAttribute('role') ?? (IMPLICIT[step.role] && el.matches(IMPLICIT[step.role]!) ? step.role : null)
              if (role !== step.role || !visible(el) || !within(el, scope)) return false
              if (step.name === undefined) return true
              const name = nameOf(el)
              return step.exact ? name === step.name : name.toLowerCase().includes(step.name.toLowerCase())
            })
      for (const el of found) if (!next.includes(el)) next.push(el)
    }
    scopes = next
  }
  const found = scopes as Element[]
  if (mode === 'handle') return found[index] ?? null
  if (mode === 'texts') return found.map((el) => el.textContent ?? '')
  const el = found[0]
  return {
    count: found.length,
    visible: !!el && visible(el),
    enabled: !!el && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * A page function's result by value, as Playwright returns it. WebDriver BiDi
 * sends an object that occurs twice in a result only once (the second time as
 * a bare reference, which puppeteer reads as `undefined`), so the result is
 * first copied in the page into a tree of plain objects and arrays.
 */
const byValue = async (frame: PpFrame, h: JSHandle): Promise<unknown> => {
  try {
    return await frame.evaluate((v: unknown) => {
      const copy = (x: unknown, path: unknown[]): unknown => {
        if (x === null || typeof x !== 'object' || path.includes(x)) return x
        const inner = [...path, x]
        if (Array.isArray(x)) {
          const out: unknown[] = []
          for (let i = 0; i < x.length; i++) out.push(copy(x[i], inner))
          return out
        }
        const proto = Object.getPrototypeOf(x)
        if (proto !== Object.prototype && proto !== null) return x
        const out: Record<string, unknown> = {}
        for (const k of Object.keys(x)) out[k] = copy((x as Record<string, unknown>)[k], inner)
        return out
      }
      return copy(v, [])
    }, h)
  } finally {
    await h.dispose().catch(() => {})
  }
}

/** Firefox's text of each console entry, by the entry's first argument; `waiting`: console events that want it. */
type EntryTexts = WeakMap<object, string> & { waiting: Map<object, () => void> }
const entryTextsByBrowser = new WeakMap<PpBrowser, EntryTexts>()
/** Records Firefox's own text of every console entry, from the WebDriver BiDi connection (puppeteer-core's internal `browser.connection`). */
const entryTexts = (page: PpPage): EntryTexts => {
  const browser = page.browser()
  let texts = entryTextsByBrowser.get(browser)
  if (!texts) {
    const made: EntryTexts = Object.assign(new WeakMap<object, string>(), { waiting: new Map<object, () => void>() })
    const connection = (browser as unknown as { connection: { on(type: string, fn: (entry: { text?: string | null; args?: unknown[] }) => void): unknown } }).connection
    connection.on('log.entryAdded', (entry) => {
      const first = entry.args?.[0]
      if (typeof first !== 'object' || first === null || typeof entry.text !== 'string') return
      made.set(first, entry.text)
      made.waiting.get(first)?.()
    })
    entryTextsByBrowser.set(browser, (texts = made))
  }
  return texts
}

/** Something to run page functions in: the page's main frame or an iframe's. */
type Realm = () => Promise<PpFrame>

class FirefoxLoc implements Loc {
  constructor(
    private readonly realm: Realm,
    private readonly steps: Step[],
    private readonly timeout: () => number,
  ) {}
  private get description(): string {
    return this.steps.map((s) => ('css' in s ? s.css : 'role' in s ? `role=${s.role}[name=${JSON.stringify(s.name)}]` : `nth=${s.nth}`)).join(' >> ')
  }
  private async state(): Promise<{ count: number; visible: boolean; enabled: boolean }> {
    const frame = await this.realm()
    return frame.evaluate(inPage, this.steps, 'state', 0) as Promise<{ count: number; visible: boolean; enabled: boolean }>
  }
  /** Waits for exactly one visible, enabled element (Playwright's actionability) and returns its handle. */
  private async actionable(): Promise<ElementHandle<Element>> {
    const end = Date.now() + this.timeout()
    for (;;) {
      const s = await this.state()
      if (s.count > 1) throw new Error(`strict mode: ${this.description} resolved to ${s.count} elements`)
      if (s.count === 1 && s.visible && s.enabled) return this.handle()
      if (Date.now() > end) throw new Error(`timed out waiting for ${this.description} to be visible and enabled (${JSON.stringify(s)})`)
      await sleep(50)
    }
  }
  private async handle(index = 0): Promise<ElementHandle<Element>> {
    const frame = await this.realm()
    const h = await frame.evaluateHandle(inPage, this.steps, 'handle', index)
    const el = h.asElement()
    if (!el) throw new Error(`no element for ${this.description}`)
    return el as ElementHandle<Element>
  }
  private async one(): Promise<ElementHandle<Element>> {
    const end = Date.now() + this.timeout()
    for (;;) {
      const s = await this.state()
      if (s.count > 1) throw new Error(`strict mode: ${this.description} resolved to ${s.count} elements`)
      if (s.count === 1) return this.handle()
      if (Date.now() > end) throw new Error(`timed out waiting for ${this.description}`)
      await sleep(50)
    }
  }
  async click(): Promise<void> {
    const el = await this.actionable()
    try {
      await el.click()
    } catch (e) {
      // Puppeteer finds the point to click with `element instanceof Element` in the element's frame,
      // which is false for an element another window created and moved there (a placeholder drawn by
      // the page into an iframe's blank document). Find the point without that test, and click there.
      if (!String(e).includes('Node is either not clickable or not an Element')) throw e
      const { x, y } = await this.centre(el)
      await (await this.realm()).page().mouse.click(x, y)
    }
  }
  /** The centre of `el` in the top page's viewport, through every enclosing iframe's content box. */
  private async centre(el: ElementHandle<Element>): Promise<{ x: number; y: number }> {
    await el.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }))
    const r = await el.evaluate((e) => {
      const b = e.getBoundingClientRect()
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 }
    })
    for (let frame: PpFrame | null = await this.realm(); frame?.parentFrame(); frame = frame.parentFrame()) {
      const host = await frame.frameElement()
      if (!host) throw new Error('no element for a frame of the page')
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
  async focus(): Promise<void> {
    await (await this.one()).focus()
  }
  async textContent(): Promise<string | null> {
    return (await this.one()).evaluate((el) => el.textContent)
  }
  async allTextContents(): Promise<string[]> {
    const frame = await this.realm()
    return frame.evaluate(inPage, this.steps, 'texts', 0) as Promise<string[]>
  }
  async getAttribute(name: string): Promise<string | null> {
    return (await this.one()).evaluate((el, n) => el.getAttribute(n), name)
  }
  async count(): Promise<number> {
    return (await this.state()).count
  }
  async isVisible(): Promise<boolean> {
    const s = await this.state()
    if (s.count > 1) throw new Error(`strict mode: ${this.description} resolved to ${s.count} elements`)
    return s.visible
  }
  async isHidden(): Promise<boolean> {
    return !(await this.isVisible())
  }
  async isDisabled(): Promise<boolean> {
    await this.one()
    return !(await this.state()).enabled
  }
  async boundingBox(): Promise<Box | null> {
    return (await this.one()).evaluate((el) => {
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    })
  }
  async waitFor({ state = 'visible', timeout }: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const end = Date.now() + (timeout ?? this.timeout())
    for (;;) {
      const s = await this.state()
      if (s.count > 1 && state !== 'detached') throw new Error(`strict mode: ${this.description} resolved to ${s.count} elements`)
      const ok = state === 'attached' ? s.count === 1 : state === 'detached' ? s.count === 0 : state === 'visible' ? s.visible : !s.visible
      if (ok) return
      if (Date.now() > end) throw new Error(`timed out waiting for ${this.description} to be ${state}`)
      await sleep(50)
    }
  }
  async evaluate<R, A>(fn: (el: any, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const el = await this.one()
    return byValue(await this.realm(), await el.evaluateHandle(fn as never, arg as never)) as Promise<R>
  }
  locator(selector: string): Loc {
    return new FirefoxLoc(this.realm, [...this.steps, { css: selector }], this.timeout)
  }
  getByRole(role: string, options: { name?: string; exact?: boolean } = {}): Loc {
    return new FirefoxLoc(this.realm, [...this.steps, { role, ...options }], this.timeout)
  }
  first(): Loc {
    return this.nth(0)
  }
  nth(index: number): Loc {
    return new FirefoxLoc(this.realm, [...this.steps, { nth: index }], this.timeout)
  }
}

class FirefoxTab implements Tab {
  private defaultTimeout = 10_000
  readonly keyboard = {
    press: async (key: string): Promise<void> => {
      // Playwright's "Shift+Tab" chords, and its "Space" for the space bar.
      const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k === 'Control' || k === 'ControlOrMeta' ? 'Control' : k)) as KeyInput[]
      const main = keys.pop()!
      for (const k of keys) await this.page.keyboard.down(k)
      await this.page.keyboard.press(main)
      for (const k of keys.reverse()) await this.page.keyboard.up(k)
    },
  }
  constructor(
    readonly page: PpPage,
    private readonly ctx: FirefoxCtx,
  ) {}
  goto(url: string, options: { waitUntil?: 'load' | 'domcontentloaded' | 'commit' } = {}): Promise<unknown> {
    return this.page.goto(url, { waitUntil: options.waitUntil === 'load' || !options.waitUntil ? 'load' : 'domcontentloaded' })
  }
  reload(): Promise<unknown> {
    return this.page.reload({ waitUntil: 'load' })
  }
  async goBack(options: { waitUntil?: 'load' | 'commit' } = {}): Promise<unknown> {
    if (options.waitUntil != 'commit') return this.page.goBack({ waitUntil: 'load' })
    // A back/forward-cache restore fires no load event: return once the URL has changed. Puppeteer's
    // page.url() does not follow a restore in Firefox, so ask the document too (while the old one is
    // being torn down the question may fail: ask again).
    const from = this.page.url()
    void this.page.goBack({ timeout: 0 }).catch(() => {})
    const end = Date.now() + this.defaultTimeout
    const moved = async () => this.page.url() != from || (await this.page.evaluate(() => location.href).catch(() => from)) != from
    while (!(await moved()) && Date.now() < end) await sleep(25)
    return null
  }
  url(): string {
    return this.page.url()
  }
  close(): Promise<void> {
    return this.page.close()
  }
  async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const h = await (arg === undefined ? this.page.evaluateHandle(fn as never) : this.page.evaluateHandle(fn as never, arg as never))
    return byValue(this.page.mainFrame(), h) as Promise<R>
  }
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options: { timeout?: number } = {}): Promise<unknown> {
    return this.page.waitForFunction(fn as never, { timeout: options.timeout ?? this.defaultTimeout, polling: 50 }, arg as never)
  }
  waitForTimeout(ms: number): Promise<void> {
    return sleep(ms)
  }
  async addInitScript<A>(script: ((arg: A) => unknown) | { content: string }, arg?: A): Promise<void> {
    if (typeof script === 'function') await this.page.evaluateOnNewDocument(script as never, arg as never)
    else await this.page.evaluateOnNewDocument(script.content)
  }
  addScriptTag(options: { content: string }): Promise<unknown> {
    return this.page.addScriptTag(options)
  }
  private realm: Realm = async () => this.page.mainFrame()
  locator(selector: string): Loc {
    return new FirefoxLoc(this.realm, [{ css: selector }], () => this.defaultTimeout)
  }
  getByRole(role: string, options: { name?: string; exact?: boolean } = {}): Loc {
    return new FirefoxLoc(this.realm, [{ role, ...options }], () => this.defaultTimeout)
  }
  frameLocator(selector: string) {
    const host = new FirefoxLoc(this.realm, [{ css: selector }], () => this.defaultTimeout)
    const realm: Realm = async () => {
      await host.waitFor({ state: 'attached' })
      const frame = await (await (host as unknown as { one(): Promise<ElementHandle<Element>> }).one()).contentFrame()
      if (!frame) throw new Error(`${selector} is not a frame`)
      return frame
    }
    return {
      locator: (sel: string): Loc => new FirefoxLoc(realm, [{ css: sel }], () => this.defaultTimeout),
      getByRole: (role: string, options: { name?: string; exact?: boolean } = {}): Loc =>
        new FirefoxLoc(realm, [{ role, ...options }], () => this.defaultTimeout),
    }
  }
  viewportSize(): { width: number; height: number } | null {
    const v = this.page.viewport()
    return v ? { width: v.width, height: v.height } : null
  }
  async setViewportSize(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewport(size)
  }
  setDefaultTimeout(ms: number): void {
    this.defaultTimeout = ms
    this.page.setDefaultTimeout(ms)
  }
  on(event: 'pageerror' | 'console', fn: (x: never) => void): unknown {
    if (event === 'pageerror') return this.page.on('pageerror', (e) => (fn as (e: Error) => void)(e as Error))
    const texts = entryTexts(this.page)
    return this.page.on('console', (m) => {
      // Puppeteer says "warn" where Playwright says "warning".
      const send = (text: string) => (fn as (m: ConsoleLine) => void)({ type: () => (m.type() === 'warn' ? 'warning' : m.type()), text: () => text })
      if (!m.text().includes('JSHandle@')) return send(m.text())
      // WebDriver BiDi sends an object argument (an Error from `console.error(err)`) without its
      // contents, so puppeteer's text says "JSHandle@error". Firefox's own text for the entry
      // ("Error: <message>") is on the same protocol event, which the connection also emits
      // (before or after puppeteer's console event): take the text from there, or puppeteer's if it never comes.
      const first = (m.args()[0] as unknown as { remoteValue(): object }).remoteValue()
      const known = texts.get(first)
      if (known !== undefined) return send(known)
      let done = false
      const finish = () => {
        if (done) return
        done = true
        texts.waiting.delete(first)
        send(texts.get(first) ?? m.text())
      }
      texts.waiting.set(first, finish)
      setTimeout(finish, 0)
    })
  }
  context(): Ctx {
    return this.ctx
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront()
  }
  async emulateMedia(options: { colorScheme?: 'light' | 'dark' | null; reducedMotion?: 'reduce' | 'no-preference' | null }): Promise<void> {
    // The top browsing context's overrides (what devtools' "simulate prefers-color-scheme" sets):
    // for this tab only, applied live (media queries fire `change`), kept across navigations.
    const set: string[] = []
    if (options.colorScheme !== undefined) set.push(`bc.prefersColorSchemeOverride = ${JSON.stringify(options.colorScheme ?? 'none')}`)
    if (options.reducedMotion !== undefined) set.push(`bc.prefersReducedMotionOverride = ${JSON.stringify(options.reducedMotion ?? 'none')}`)
    const bidi = (this.page.browser() as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection
    const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' }).catch(() => null)
    const chrome = (tree?.result.contexts as { context: string; url: string }[] | undefined)?.find((c) => c.url.endsWith('browser.xhtml'))
    if (!chrome) throw new Error('emulateMedia in Firefox needs the privileged scope: launch with MEDIA_EMULATION')
    const id = (this.page.mainFrame() as unknown as { _id: string })._id
    const expression = `(() => {
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs')
      const bc = NavigableManager.getBrowsingContextById(${JSON.stringify(id)})
      if (!bc) throw new Error('no browsing context ' + ${JSON.stringify(id)})
      ${set.join('\n')}
    })()`
    const r = await bidi.send('script.evaluate', { expression, target: { context: chrome.context }, awaitPromise: false })
    if (r.result.type === 'exception') throw new Error(`emulateMedia failed: ${JSON.stringify(r.result.exceptionDetails)}`)
  }
}

/** What a page reported: uncaught errors and `console.error` / `console.warn` lines. */
export interface PageLog {
  errors: string[]
  warnings: string[]
}

/** Records a tab's errors and warnings from now on (into `log`, which several tabs may share). */
export const watch = (tab: Tab, log: PageLog = { errors: [], warnings: [] }): PageLog => {
  tab.on('pageerror', (e) => log.errors.push(String(e)))
  tab.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text())
    if (m.type() === 'warning') log.warnings.push(m.text())
  })
  return log
}
