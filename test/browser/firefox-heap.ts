/**
 * A tab's memory after garbage collection, measured by Firefox itself: the
 * figures about:memory shows, read through WebDriver BiDi in the browser's
 * privileged (parent-process) scope. Chromium's equivalent is CDP
 * (HeapProfiler.collectGarbage + Runtime.getHeapUsage).
 *
 * Why not Marionette: Firefox allows one WebDriver session per browser, shared
 * by Marionette and WebDriver BiDi, and puppeteer's BiDi session holds it
 * (Marionette's WebDriver:NewSession fails with "Maximum number of active
 * sessions"). BiDi itself can run privileged code once Firefox is started with
 * `--remote-allow-system-access` ({@link SYSTEM_ACCESS}).
 */
import { privileged } from './browser-quirks.js'
import type { Session } from './driver.js'

export { SYSTEM_ACCESS } from './driver.js'

/**
 * Report paths that are not the page's data: compiled code (JIT code, its stubs and data, in the
 * window's zone and realms), and free cells in the zone's GC arenas ("unused-gc-things").
 */
const NOT_DATA = /\/js-zone\([^/]*\)\/(code\/|jit-|cacheir-stubs|baseline-stubs|unused-gc-things)|\/js-realm\([^/]*\)\/(jit-scripts|ion-data|baseline\/|alloc-sites)/
/** The window's own part of a report path, and the names in it (URLs, ids): elided to group reports. */
const TOP = /^[^)]*\)/
const NAMES = /\((?:[^()]|\([^()]*\))*\)/

export interface FirefoxHeap {
  /** The content process's JavaScript GC heap in use (about:memory's js-main-runtime-gc-heap-committed/used). */
  gcHeapUsed: number
  /** Everything about:memory attributes to the tab's top window: DOM, layout, style, its JavaScript realms and their compiled code. */
  window: number
  /**
   * The same without compiled code and free GC cells: what the page's live objects take — DOM
   * nodes, style and layout, JS objects and strings. Compiled code grows while the JITs warm up
   * (hundreds of KB over the first thousands of calls), and free cells come and go with
   * fragmentation (up to a few hundred KB on a busy machine); neither is a leak.
   */
  windowData: number
  /** {@link windowData} by report path below the window (ids and URLs elided), for telling what grew. */
  parts: Record<string, number>
  /** The content process, as about:memory names it. */
  process: string
}

/**
 * Runs about:memory's "GC" and "CC" in every content process (three rounds, so
 * garbage freed by the cycle collector is swept too), then reads the memory
 * reports of the process that shows `url` in a top-level window. The requests
 * and the report request travel in order on each process's IPC channel, so the
 * reports are taken after the collections.
 */
export const firefoxHeap = async (session: Session, url: string): Promise<FirefoxHeap> => {
  if (session.name !== 'firefox') throw new Error('firefoxHeap needs a Firefox session')
  // about:memory writes a URL's slashes as backslashes in report paths.
  const key = url.replace(/\//g, '\\')
  const expression = `(async () => {
    for (let i = 0; i < 3; i++) {
      Services.obs.notifyObservers(null, 'child-gc-request')
      Services.obs.notifyObservers(null, 'child-cc-request')
    }
    Services.obs.notifyObservers(null, 'child-gc-request')
    const mgr = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager)
    const procs = {}
    const key = ${JSON.stringify(key)}
    const NOT_DATA = new RegExp(${JSON.stringify(NOT_DATA.source)})
    const TOP = new RegExp(${JSON.stringify(TOP.source)})
    const NAMES = new RegExp(${JSON.stringify(NAMES.source)}, 'g')
    await new Promise((done) =>
      mgr.getReports((proc, path, kind, units, amount) => {
        const p = (procs[proc] ??= { gcHeapUsed: 0, window: 0, windowData: 0, parts: {} })
        if (path.startsWith('js-main-runtime-gc-heap-committed/used/')) p.gcHeapUsed += amount
        if (path.startsWith('explicit/window-objects/top(' + key + ', id=')) {
          p.window += amount
          if (!NOT_DATA.test(path)) {
            p.windowData += amount
            const part = path.replace(TOP, '').replace(NAMES, '()')
            p.parts[part] = (p.parts[part] ?? 0) + amount
          }
        }
      }, null, done, null, false),
    )
    return JSON.stringify(procs)
  })()`
  const procs = JSON.parse((await privileged(session.browser, expression)) as string) as Record<string, Omit<FirefoxHeap, 'process'>>
  const hits = Object.entries(procs).filter(([, p]) => p.window > 0)
  if (hits.length !== 1) throw new Error(`expected one process showing ${url}, found ${hits.map(([name]) => name).join(', ') || 'none'}`)
  const [process, figures] = hits[0]!
  return { process, ...figures }
}
