/**
 * A visitor's tabs and cookie jar over puppeteer-core, the same code in both
 * browsers (locators: locator.ts); where a browser needs its own way, it says why.
 */
import type { BrowserContext, Frame, KeyInput, Page } from 'puppeteer-core'
import { consoleText, firefoxMedia } from './browser-quirks.js'
import type { BrowserName, LaunchOptions } from './driver.js'
import { Loc, rootByRole, rootLocator, within, type Realm } from './locator.js'
/** Chromium's per-tab "cookies disabled" (what a visitor's "block all cookies" setting does to `document.cookie`). */
export const disableCookies = async (page: Page): Promise<void> => {
  const cdp = await page.createCDPSession()
  await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true })
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

export class Ctx {
  constructor(
    readonly inner: BrowserContext,
    private readonly name: BrowserName,
    private readonly options: LaunchOptions,
  ) {}
  async newPage(): Promise<Tab> {
    const page = await this.inner.newPage()
    // Chromium has no GPC setting and no per-profile cookie blocking: each tab is told (Firefox: prefs at launch).
    if (this.name === 'chromium' && this.options.gpc) {
      await page.setExtraHTTPHeaders({ 'Sec-GPC': '1' })
      await page.evaluateOnNewDocument(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }))
    }
    if (this.name === 'chromium' && this.options.noCookies) await disableCookies(page)
    return new Tab(page, this, this.name)
  }
  /** The cookies for `url`'s host (all of them without `url`). */
  async cookies(url?: string): Promise<Cookie[]> {
    const host = url ? new URL(url).hostname : null
    return (await this.inner.cookies())
      .filter((c) => !host || c.domain.replace(/^\./, '') === host)
      .map((c) => ({ ...c, httpOnly: !!c.httpOnly, sameSite: c.sameSite ?? 'None' }))
  }
  /** A cookie for `url`'s host (host-only, path `/`), or for `domain` and `path` as given (a leading dot: a domain cookie). */
  async addCookies(cookies: ({ name: string; value: string; url: string } | { name: string; value: string; domain: string; path: string })[]): Promise<void> {
    await this.inner.setCookie(...cookies.map((c) => ('url' in c ? { name: c.name, value: c.value, domain: new URL(c.url).hostname, path: '/' } : c)))
  }
  async clearCookies(): Promise<void> {
    const all = await this.inner.cookies()
    if (all.length) await this.inner.deleteCookie(...all)
  }
  close(): Promise<void> {
    return this.inner.close().catch(() => {})
  }
}

export interface ConsoleLine {
  type(): string
  text(): string
}

/** A tab: the part of a browser page the suites use, in Playwright's words where it had them. */
export class Tab {
  private defaultTimeout = 10_000
  private readonly realm: Realm
  constructor(
    readonly page: Page,
    private readonly ctx: Ctx,
    readonly browserName: BrowserName,
  ) {
    const tab = this
    this.realm = { frame: async () => page.mainFrame(), get timeout() { return tab.defaultTimeout }, firefox: browserName === 'firefox' }
  }
  readonly mouse = {
    /** A click at (`x`, `y`), CSS pixels from the viewport's top left, as a visitor's pointer makes it. */
    click: (x: number, y: number): Promise<void> => this.page.mouse.click(x, y),
  }
  readonly keyboard = {
    /** A key or a chord in Playwright's words ("Shift+Tab", "Space"). */
    press: async (key: string): Promise<void> => {
      const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k === 'ControlOrMeta' ? 'Control' : k)) as KeyInput[]
      const main = keys.pop()!
      for (const k of keys) await this.page.keyboard.down(k)
      await this.page.keyboard.press(main)
      for (const k of keys.reverse()) await this.page.keyboard.up(k)
    },
  }
  /**
   * A navigation's limit: never under 20 s. Loading a page from the test's own server is fast, but on a loaded 2-CPU CI
   * machine (the other worker's PGlite or a browser starting) a first navigation took over 10 s once; what a test
   * asserts about the page keeps the shorter element timeout.
   */
  private get navTimeout(): number {
    return Math.max(this.defaultTimeout, 20_000)
  }
  goto(url: string, options: { waitUntil?: 'load' | 'domcontentloaded' } = {}): Promise<unknown> {
    return this.page.goto(url, { waitUntil: options.waitUntil ?? 'load', timeout: this.navTimeout })
  }
  /** Clicks `link` and waits for the page it leads to to load, so what follows asks the new document. */
  async follow(link: Loc): Promise<void> {
    await Promise.all([this.page.waitForNavigation({ waitUntil: 'load', timeout: this.navTimeout }), link.click()])
  }
  reload(): Promise<unknown> {
    return this.page.reload({ waitUntil: 'load', timeout: this.navTimeout })
  }
  /** Back in history; `commit`: a back/forward-cache restore, which fires no `load`, so return once the URL has changed. */
  async goBack(options: { waitUntil?: 'load' | 'commit' } = {}): Promise<unknown> {
    if (options.waitUntil != 'commit') return this.page.goBack({ waitUntil: 'load', timeout: this.navTimeout })
    // Puppeteer's page.url() does not follow a restore in Firefox, so ask the document too
    // (while the old one is being torn down the question may fail: ask again).
    const from = this.page.url()
    void this.page.goBack({ timeout: 0 }).catch(() => {})
    await this.page.waitForFunction((url) => location.href !== url, { timeout: this.navTimeout, polling: 25 }, from).catch(() => null)
    return null
  }
  url(): string {
    return this.page.url()
  }
  close(): Promise<void> {
    return this.page.close()
  }
  /**
   * `fn` in the page, its result by value. Bounded at 30 s, a browser test's own timeout: puppeteer waits without a
   * limit for the main frame's next execution context, so one asked during a navigation could otherwise wait out a
   * longer test (demo-walk's 90 s) and fail it with no step named.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return within(evaluateByValue(this.page.mainFrame(), fn as never, arg), 30_000, `evaluate ${String(fn).slice(0, 80)}`) as Promise<R>
  }
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options: { timeout?: number } = {}): Promise<unknown> {
    return this.page.waitForFunction(fn as never, { timeout: options.timeout ?? this.defaultTimeout, polling: 50 }, arg as never)
  }
  waitForTimeout(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms))
  }
  async addInitScript<A = undefined>(script: ((arg: A) => unknown) | { content: string }, arg?: A): Promise<void> {
    await (typeof script === 'function' ? this.page.evaluateOnNewDocument(script as never, arg as never) : this.page.evaluateOnNewDocument(script.content))
  }
  /** A script element with `content`, or loading `url` (resolves once it has run). */
  addScriptTag(options: { content: string } | { url: string }): Promise<unknown> {
    return this.page.addScriptTag(options)
  }
  locator(selector: string): Loc {
    return rootLocator(this.realm, selector)
  }
  getByRole(role: string, options: { name?: string } = {}): Loc {
    return rootByRole(this.realm, role, options.name)
  }
  /** The document of the iframe `selector` finds, for locators inside it. */
  frameLocator(selector: string): { locator(selector: string): Loc; getByRole(role: string, options?: { name?: string }) : Loc } {
    const host = this.locator(selector)
    const realm: Realm = {
      ...this.realm,
      frame: async () => {
        await host.waitFor({ state: 'attached' })
        const el = await this.page.$(`>>> ${selector}`)
        const frame = await el?.contentFrame()
        await el?.dispose()
        if (!frame) throw new Error(`${selector} is not a frame`)
        return frame
      },
    }
    return { locator: (sel) => rootLocator(realm, sel), getByRole: (role, options = {}) => rootByRole(realm, role, options.name) }
  }
  viewportSize(): { width: number; height: number } | null {
    return this.page.viewport()
  }
  async setViewportSize(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewport(size)
  }
  setDefaultTimeout(ms: number): void {
    this.defaultTimeout = ms
    this.page.setDefaultTimeout(ms)
  }
  /** A screen of `width` × `height` CSS px at `deviceScaleFactor`: `innerWidth`, `innerHeight` and `devicePixelRatio` say so. */
  async emulateScreen(metrics: { width: number; height: number; deviceScaleFactor: number }): Promise<void> {
    await this.page.setViewport(metrics)
  }
  /** This tab's emulated `prefers-color-scheme` / `prefers-reduced-motion` (null: the browser's own), live and across navigations. */
  async emulateMedia(options: { colorScheme?: 'light' | 'dark' | null; reducedMotion?: 'reduce' | 'no-preference' | null }): Promise<void> {
    if (this.browserName === 'firefox') return firefoxMedia(this.page, options)
    const features = []
    if (options.colorScheme !== undefined) features.push({ name: 'prefers-color-scheme', value: options.colorScheme ?? '' })
    if (options.reducedMotion !== undefined) features.push({ name: 'prefers-reduced-motion', value: options.reducedMotion ?? '' })
    await this.page.emulateMediaFeatures(features)
  }
  on(event: 'pageerror', fn: (e: Error) => void): unknown
  on(event: 'console', fn: (m: ConsoleLine) => void): unknown
  on(event: 'pageerror' | 'console', fn: (x: never) => void): unknown {
    if (event === 'pageerror') return this.page.on('pageerror', (e) => (fn as (e: Error) => void)(e as Error))
    const text = consoleText(this.page, this.browserName === 'firefox')
    return this.page.on('console', (m) => {
      // Puppeteer says "warn" where Playwright said "warning".
      const send = (text: string) => (fn as (m: ConsoleLine) => void)({ type: () => (m.type() === 'warn' ? 'warning' : m.type()), text: () => text })
      if (!m.text().includes('JSHandle@')) send(m.text())
      else text(m, send)
    })
  }
  context(): Ctx {
    return this.ctx
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront()
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

/**
 * A page function's result by value. WebDriver BiDi sends an object that occurs twice in a result
 * only once (the second time as a bare reference, which puppeteer reads as `undefined`), so the
 * result is copied in the page into a tree of plain objects and arrays before it is sent.
 */
const plainCopy = (x: unknown, path: unknown[]): unknown => {
  if (x === null || typeof x !== 'object' || path.includes(x)) return x
  const inner = [...path, x]
  if (Array.isArray(x)) return x.map((item) => plainCopy(item, inner))
  const proto = Object.getPrototypeOf(x)
  if (proto !== Object.prototype && proto !== null) return x
  return Object.fromEntries(Object.keys(x).map((k) => [k, plainCopy((x as Record<string, unknown>)[k], inner)]))
}

/**
 * Runs `fn(arg)` in `frame` and returns its result by value, in one round trip: a navigation
 * the function starts cannot take its result away before it is copied.
 */
const evaluateByValue = (frame: Frame, fn: (arg: never) => unknown, arg?: unknown): Promise<unknown> =>
  frame.evaluate(`(async () => {
    const plainCopy = ${plainCopy.toString()}
    return plainCopy(await (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}), [])
  })()`)
