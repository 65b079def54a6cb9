/**
 * How the tests of what outside code and other frames can ask `__gpp` and `__uspapi` call them and check the page:
 * every answer a call gets, a frame's message as the browser delivers it, and no error reaching the page.
 */
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { init, type ConsentryConfig } from '../../headless.js'
import { useEnv } from '../../env/index.js'
import { freshPage, happyDomLoadsNothing } from '../../testing/index.js'
import { startSignals } from '../index.js'

type Cb = (data: any, success: boolean) => void
type Api = (...a: unknown[]) => void
export const w = window as unknown as { __gpp?: Api; __uspapi?: Api }

export const SITE: ConsentryConfig = {
  mode: 'auto',
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}
/** Every answer a call gets, synchronously. */
export const call = (api: 'gpp' | 'usp', ...args: unknown[]) => {
  const out: [unknown, boolean][] = []
  const cb: Cb = (d, ok) => void out.push([d, ok])
  if (api == 'gpp') w.__gpp!(args[0], cb, ...args.slice(1))
  else w.__uspapi!(args[0], args[1] ?? 1, cb)
  return out
}
export const gpp = (cmd: unknown, param?: unknown) => {
  const out = call('gpp', cmd, param)
  expect(out).toHaveLength(1)
  return out[0]!
}
let stop = () => {}
export const start = async (config: ConsentryConfig = { ...SITE, region: 'US-CA' }, gpc = true) => {
  useEnv({ gpc: () => gpc })
  await init(config)
  stop = startSignals()
}
/** A frame's message, as the browser delivers it: the reply is structured-cloned, like a real postMessage. */
export const ask = (data: unknown, source: unknown = undefined) => {
  const replies: unknown[] = []
  const frame = source ?? { postMessage: (m: unknown) => void replies.push(structuredClone(m)) }
  window.dispatchEvent(new MessageEvent('message', { data, source: frame as Window }))
  return replies
}
export const ODD_PREFIXES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '']
export const ODD_PARAMS: unknown[] = [undefined, null, 7, {}, [], { toString: () => { throw new Error('hostile') } }, Symbol('x'), () => 'usnat', 'x'.repeat(1_000_000)]

/** A fresh page before each test; after it, no error may have reached the page, and the signals stop. */
export const useOutsidePage = () => {
  // The __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load (and says so).
  happyDomLoadsNothing()
  let errors: unknown[] = []
  const onError = (e: ErrorEvent) => void errors.push(e.error)
  beforeEach(() => {
    freshPage()
    delete w.__gpp
    delete w.__uspapi
    document.body.replaceChildren()
    errors = []
    addEventListener('error', onError)
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => {
    removeEventListener('error', onError)
    expect(errors).toEqual([])
    stop()
    stop = () => {}
    vi.restoreAllMocks()
  })
}
