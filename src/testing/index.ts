/**
 * Shared set-up for the unit tests (never bundled: no entry imports it).
 * Each test starts from a page with no cookies, empty storage, no warnings
 * shown and Consentry not initialised.
 */
import nodeConsole from 'node:console'
import { afterAll, beforeAll, beforeEach, vi } from 'vitest'
import { teardown } from '../api/init.js'
import { useEnv } from '../env/index.js'
import { resetWarnings } from '../errors/index.js'
import { afterPaint } from '../schedule/index.js'
import type { ConsentryConfig } from '../config/index.js'

export const CONFIG: ConsentryConfig = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'posthog', cookies: ['ph_id', /^ph_/] }, { id: 'ga4', cookies: [/^_ga/] }] },
    { id: 'marketing', optOut: true, services: [{ id: 'meta' }] },
  ],
  revision: 1,
}

/** Deletes every cookie visible to the test document. */
export const clearCookies = (): void => {
  for (const pair of document.cookie.split(/;\s*/)) {
    const name = pair.split('=')[0]
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

/** Value of cookie `name` in the test document, or undefined. */
export const cookie = (name = 'consentry'): string | undefined =>
  document.cookie.split(/;\s*/).find((p) => p.startsWith(name + '='))?.slice(name.length + 1)

/** The browser's own `document.cookie` accessor, found on the document's prototype chain (happy-dom's globals may be other classes). */
const cookieAccessor = (): PropertyDescriptor => {
  for (let o: object | null = Object.getPrototypeOf(document); o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'cookie')
    if (d) return d
  }
  throw new Error('no document.cookie accessor')
}

/**
 * Replaces `document.cookie` on the test document until the next `freshPage()`:
 * `writes` sees every assignment, and `mode` decides what the browser does with it.
 */
export const stubCookies = (mode: 'keep' | 'drop' | 'throw', writes: string[] = []): string[] => {
  const realCookie = cookieAccessor()
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      if (mode == 'throw') throw new DOMException('sandboxed', 'SecurityError')
      return realCookie.get!.call(document)
    },
    set(v: string) {
      writes.push(v)
      if (mode == 'keep') realCookie.set!.call(document, v)
    },
  })
  return writes
}

export const freshPage = (): void => {
  delete (document as { cookie?: string }).cookie
  teardown()
  useEnv()
  resetWarnings()
  clearCookies()
  localStorage.clear()
  sessionStorage.clear()
}

/** The visitor turns away from the page (it is hidden, as when it is left): what Consentry keeps for then runs (see tabs/). */
export const leave = (): void => {
  const state = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
  document.dispatchEvent(new Event('visibilitychange'))
  state.mockRestore()
}

/**
 * What another tab of the site sends when it stores a decision (`value`, the encoded record, or null
 * for a reset; anything else is what a hostile page could post): a message on the channel named
 * after the cookie. Resolves once it has been delivered here.
 */
export const fromOtherTab = async (value: unknown, cookie = 'consentry'): Promise<void> => {
  const tab = new BroadcastChannel('consentry:' + cookie)
  const probe = new BroadcastChannel('consentry:' + cookie)
  const heard = new Promise((ok) => probe.addEventListener('message', ok, { once: true }))
  tab.postMessage(value)
  await heard
  // Every listener of the channel has had it by the next task.
  await new Promise((ok) => setTimeout(ok, 0))
  tab.close()
  probe.close()
}

/** Resolves once the work Consentry left for after the first paint has run (it was queued earlier, so it runs first). */
export const painted = (): Promise<void> => new Promise((r) => afterPaint(r))

/**
 * For a test file whose page asks happy-dom for a frame, a script or a stylesheet: the GPP and USP locator
 * iframes (`about:blank`), an embed, tag or stylesheet that consent releases. happy-dom loads none of them
 * (vitest's happy-dom runs with page and script loading off) and says so for each with a `NotSupportedError`
 * and its stack trace on Node's own console, out of the test's reach, so a clean run looked like a failing
 * one. This drops exactly those lines, while the file runs; every other error still prints.
 */
export const happyDomLoadsNothing = (): void => {
  const error = nodeConsole.error
  const loadingOff = (e: unknown) => (e as Error | undefined)?.name == 'NotSupportedError' && /^Failed to load .* loading is disabled\.$/.test((e as Error).message)
  beforeAll(() => {
    nodeConsole.error = (...args: unknown[]) => void (loadingOff(args[0]) || error.apply(nodeConsole, args))
  })
  afterAll(() => {
    nodeConsole.error = error
  })
}

/** What `console.warn` was called with during the current test, under {@link useQuietPage}. */
export const warn = vi.fn()

/** Before each test: mocks restored, a fresh page, and `console.warn` hushed into {@link warn}. */
export const useQuietPage = (): void =>
  beforeEach(() => {
    vi.restoreAllMocks()
    freshPage()
    warn.mockClear()
    vi.spyOn(console, 'warn').mockImplementation(warn)
  })
