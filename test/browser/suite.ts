/**
 * The set-up every browser test file shares: one test server per file, a browser
 * per kind shared by the files of a worker (see `sharedLaunch`), a first-time visitor's tab per test, and a watch on that
 * tab: every test ends with no page error and no `console.error` (a CSP report,
 * a failed import() and an uncaught exception all land there) but the ones it
 * expects, and no warning of an unknown config key.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { launch, sharedLaunch, watch, type BrowserName, type LaunchOptions, type PageLog, type Session, type Tab } from './driver.js'
import { startServer, type Route, type TestServer } from './harness.js'

export interface SuiteOptions {
  launch?: LaunchOptions
  /** Pages the test server serves from the start, by path. */
  routes?: Record<string, Route>
  /**
   * Where each test's first-time visitor starts (default the test server's `/__blank`); `null`: no
   * tab before the test, which opens one with {@link BrowserSuite.visit} once its own server is up.
   */
  start?: () => string | null
  /** Console errors every test of the suite causes on purpose (a request to a server that is down). */
  expectedErrors?: RegExp
  /**
   * A browser of the file's own, launched for it and closed after it, instead of the worker's shared one: for a
   * file that measures the browser process itself (its heap), which the other files' pages must not share.
   */
  ownBrowser?: boolean
}

export interface BrowserSuite {
  readonly browserName: BrowserName
  server: TestServer
  session: Session
  /** This test's tab, a first-time visitor's. */
  page: Tab
  /** What this test's tabs reported (see {@link watch}: other tabs may write here too). */
  log: PageLog
  /** Console errors the current test causes on purpose (each test asserts its own); emptied before each test. */
  expected: RegExp[]
  /** A new first-time visitor's tab at `url` (watched into {@link log}), which becomes {@link page}. */
  visit(url: string): Promise<Tab>
}

/** Registers the hooks of a browser suite in `browserName` and returns its live fixtures. */
export const browserSuite = (browserName: BrowserName, options: SuiteOptions = {}): BrowserSuite => {
  const suite: BrowserSuite = {
    browserName,
    expected: [],
    async visit(url) {
      const { origin, pathname, search } = new URL(url)
      suite.page = await suite.session.visitor(origin, pathname + search)
      // Well inside the test's 30 s, so a missing element fails with its selector, not a bare timeout.
      suite.page.setDefaultTimeout(10_000)
      watch(suite.page, suite.log)
      return suite.page
    },
  } as Partial<BrowserSuite> as BrowserSuite
  beforeAll(async () => {
    suite.server = await startServer()
    for (const [path, route] of Object.entries(options.routes ?? {})) suite.server.route(path, route)
    suite.session = await (options.ownBrowser ? launch : sharedLaunch)(browserName, options.launch)
  })
  afterAll(async () => {
    await (options.ownBrowser ? suite.session?.close() : suite.session?.release())
    await suite.server?.close()
  })
  beforeEach(async () => {
    suite.expected = []
    suite.log = { errors: [], warnings: [] }
    const start = options.start ? options.start() : `${suite.server.origin}/__blank`
    if (start) await suite.visit(start)
  })
  afterEach(() => {
    const expected = options.expectedErrors ? [options.expectedErrors, ...suite.expected] : suite.expected
    expect(suite.log.errors.filter((e) => !expected.some((r) => r.test(e)))).toEqual([])
    // The script tag says so of a config key it does not know (a typo): no page of the suites, the demo's included,
    // may have one that a test did not put there on purpose.
    expect(suite.log.warnings.filter((w) => /unknown config key/.test(w) && !expected.some((r) => r.test(w)))).toEqual([])
  })
  return suite
}
