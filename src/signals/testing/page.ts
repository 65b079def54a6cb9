/** The page the signals tests start from, and how they ask `__gpp` and `__uspapi` (one answer, read at once). */
import { afterEach, beforeEach, vi } from 'vitest'
import { init, type ConsentryConfig } from '../../headless.js'
import { useEnv } from '../../env/index.js'
import { freshPage, happyDomLoadsNothing } from '../../testing/index.js'
import { startSignals } from '../index.js'

type Cb = (data: any, success: boolean) => void
export const w = window as unknown as { __gpp?: (cmd: string, cb?: Cb, param?: unknown) => void; __uspapi?: (cmd: string, v: number, cb: Cb) => void }

export const SITE: ConsentryConfig = {
  mode: 'auto',
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', default: true },
    { id: 'marketing', default: true, optOut: true },
  ],
}
export const gpp = (cmd: string, param?: unknown) => {
  let out: unknown
  w.__gpp!(cmd, (d) => (out = d), param)
  return out as any
}
export const usp = () => {
  let out: any
  w.__uspapi!('getUSPData', 1, (d) => (out = d))
  return out?.uspString
}
/** Stops the signals a test started (after each test). */
export const running = { stop: () => {} }
export const start = async (config: ConsentryConfig, gpc = false) => {
  useEnv({ gpc: () => gpc })
  await init(config)
  running.stop = startSignals()
}

/** A fresh page before each test: no API, no usprivacy cookie, an empty body; signals stopped and mocks restored after. */
export const useSignalsPage = () => {
  // The __gppLocator and __uspapiLocator iframes are about:blank pages, which happy-dom does not load (and says so).
  happyDomLoadsNothing()
  beforeEach(() => {
    freshPage()
    delete w.__gpp
    delete w.__uspapi
    document.cookie = 'usprivacy=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
    document.body.replaceChildren()
  })
  afterEach(() => {
    running.stop()
    running.stop = () => {}
    vi.restoreAllMocks()
  })
}
