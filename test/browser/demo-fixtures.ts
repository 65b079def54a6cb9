/**
 * What the demo suites (demo-*.test.ts) share: the real demo server on an
 * ephemeral port, what its records service and vendor tags saw, and a browser
 * suite whose visitors start on one of its pages.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createDemoServer, listen, type DemoServer } from '../../demo/server.mjs'
import type { BrowserName } from './driver.js'
import { browserSuite, type BrowserSuite } from './suite.js'

/** The real demo server on an ephemeral port, its records service on PGlite in a directory of its own. */
export interface Demo {
  server: DemoServer
  port: number
}
export const startDemo = async (): Promise<Demo> => {
  const server = createDemoServer(undefined, { dataDir: mkdtempSync(join(tmpdir(), 'consentry-demo-')) })
  const port = await listen(server, 0)
  // Once listening, the demo subscribes its audience sync through its own records service, which creates the
  // PGlite database then: seconds of WebAssembly on this process's one thread, during which the server answers
  // nobody. Tests start after it (CI saw a page's first load time out, and a request reset, while it ran).
  await server.audienceSync.ready
  return { server, port }
}
export const stopDemo = async (demo: Demo | undefined): Promise<void> => {
  if (!demo) return
  demo.server.closeAllConnections()
  await new Promise((ok) => demo.server.close(ok))
  await demo.server.records.close()
  rmSync(demo.server.records.dataDir, { recursive: true, force: true })
}

/** A record as the records service keeps it. */
export interface Stored {
  id: string
  consentId: string
  method: string
  jurisdiction: string
  usp?: string
  url: string
  categories: Record<string, boolean>
  receivedAt: string
}
/** What the demo's records service holds, through its admin API (GET /v1/consent/:id, or the whole export). */
export const storedFor = async (demo: Demo, consentId: string): Promise<Stored[]> =>
  (await (await fetch(`http://127.0.0.1:${demo.port}/v1/consent/${consentId}`, { headers: { authorization: `Bearer ${demo.server.records.adminToken}` }, signal: AbortSignal.timeout(10_000) })).json()).records

/** One thing a demo vendor tag did, as the demo server saw it (`GET /api/tags`). */
export interface TagHit {
  kind: 'script' | 'beacon' | 'pixel'
  path: string
  detail: string
}

/** Reports every CSP violation as a console error, which fails the test (see afterEach). */
export const reportCsp = () => {
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
}

/**
 * The demo server of a whole file, for both browsers' suites: call it at the top of the file, outside `describe`, so
 * it starts before them and stops after them. A start is seconds of PGlite on this process's one thread (8 s for the
 * first in a process, 5 s for the next, measured on a loaded 2-CPU machine), once per file instead of once per
 * browser. The browsers' visitors share it as two
 * visitors share a site: a test finds its own records by its consent id, and its tag hits after those it saw first.
 */
export const demoServer = (): (() => Demo) => {
  let demo: Demo | undefined
  beforeAll(async () => {
    demo = await startDemo()
  })
  afterAll(() => stopDemo(demo))
  return () => {
    if (!demo) throw new Error('no demo server: call demoServer() at the top of the file, outside describe')
    return demo
  }
}

export interface DemoSuite extends BrowserSuite {
  /** The demo server this file's tests visit (see {@link demoServer}). */
  demo: Demo
  origin(): string
}

/**
 * A browser suite on the file's demo server (`demo`, from {@link demoServer}). The demo server has no blank
 * page, so each new tab starts on one of its HTML pages (a 404 or an SVG document
 * would make Chromium ask for /favicon.ico, a 404 in the console).
 */
export const demoSuite = (browserName: BrowserName, demo: () => Demo): DemoSuite => {
  const origin = () => `http://127.0.0.1:${suite.demo.port}`
  const suite = Object.assign(browserSuite(browserName, { start: () => `${origin()}/privacy.html` }), { origin }) as DemoSuite
  beforeAll(() => {
    suite.demo = demo()
  })
  return suite
}
