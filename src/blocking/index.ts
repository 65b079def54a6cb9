import type { CookieMatcher, ResolvedConfig, Service } from '../config/types.js'
import { atom } from 'nanostores'
import { env } from '../env/index.js'
import { granted } from '../api/query.js'
import { ConsentryError } from '../errors/index.js'
import { parked } from '../plugins/index.js'
import { $config, $snapshot, type Snapshot } from '../store/index.js'
import { clean } from './cookies.js'
import { matches, presentNames } from './names.js'
import { guardElements } from './dynamic.js'
import { activate, live } from './markup.js'
import { blockedByOf } from './match.js'
import { warnPlacement } from './placement.js'
import { afterPaint } from '../schedule/index.js'
import { warnUndeclared } from './undeclared.js'

export { activate, allowedFor, resetMarkup } from './markup.js'
export { deleteCookies, deleteKeys, domainVariants, pathVariants } from './cookies.js'
export { urlMatches, blockedByOf, type UrlMatcher } from './match.js'


/** Iframes that wait for consent now: the UI shows its placeholders in them. */
export const $waitingFrames = atom<HTMLIFrameElement[]>([])

/** Deletes matching cookies and storage keys; the script tag's loads on demand. */
export type Cleaner = (cookies: CookieMatcher[], keys: CookieMatcher[], storage: () => Storage | null) => unknown

/**
 * Deletes the cookies and localStorage keys of every service `s` does not
 * grant (of those `only` names, if given). Most page views have none of them:
 * the cleaner is called only when one is there, so the script tag loads it rarely.
 */
const cleanUp = (config: ResolvedConfig, s: Snapshot, cleaner: Cleaner, only?: (id: string) => boolean): unknown => {
  const cookies: CookieMatcher[] = []
  const keys: CookieMatcher[] = []
  for (const service of config.services.values())
    if (!s.services[service.id] && (!only || only(service.id))) cookies.push(...service.cookies), keys.push(...service.localStorage)
  const all = [...cookies, ...keys]
  // Nothing to look for (every service allowed, or none names a cookie): every cookie and key is not read at all.
  return all.length && presentNames(env.localStorage).some((n) => matches(n, all)) && cleaner(cookies, keys, env.localStorage)
}

/**
 * Starts blocking for the page: runs what the decision allows now and as it
 * changes (in this tab or another), including elements added to the page
 * later; deletes the cookies and storage of services without consent at
 * start-up; and on withdrawal deletes them again (and reloads the page when
 * `reloadOnWithdraw` is set). Returns a function that stops it. `consentry`
 * and the script tag start it in `init`; with `consentry/headless`, call it
 * after `init`.
 * @example await init(config); startBlocking()
 */
export const startBlocking = (config: ResolvedConfig | null = $config.get()): (() => void) => blockWith(config, clean)

/** `startBlocking` with the cookie cleaner given: the UI's loads it on demand. */
export const blockWith = (config: ResolvedConfig | null, cleaner: Cleaner): (() => void) => {
  if (!config) throw new ConsentryError('not-initialised', 'startBlocking')
  if (process.env.NODE_ENV !== 'production') warnPlacement(config)
  let last = $snapshot.get()
  // Inline scripts allowed to run whose code the parser was still reading (see markup.ts): walked again,
  // ahead of what it adds next, with its next batch of nodes or when the document has been parsed.
  let held: HTMLElement[] = []
  /** Runs what the decision allows under `roots` (the whole page by default); keeps `$waitingFrames` in step. */
  const run = (roots: ParentNode[] = [document]) => {
    const s = $snapshot.get()
    // A walk of the whole page finds them again.
    const again = roots[0] == document ? [] : held
    held = []
    const waiting = [...again, ...roots].flatMap((root) => activate((id) => granted(s, id), s.decided, root, (el) => held.push(el)))
    if (process.env.NODE_ENV !== 'production') warnUndeclared(config, waiting)
    // After a walk of some added nodes only, the frames that waited before and still wait stay.
    const frames = [...new Set([...(roots[0] == document ? [] : $waitingFrames.get().filter((f) => f.isConnected && !f.hasAttribute('data-consentry-done'))), ...waiting.filter((el) => el.tagName == 'IFRAME')])] as HTMLIFrameElement[]
    // Set only when it changed: each set wakes the UI's subscribers.
    const before = $waitingFrames.get()
    if (frames.length != before.length || frames.some((f, i) => f != before[i])) $waitingFrames.set(frames)
  }
  const blockedBy = blockedByOf(config)
  // An element parked once it is in the page (its src set after insertion) waits like markup:
  // walked on its own, so an iframe gets its placeholder. Plugins hear of it (strict mode fails a pixel).
  const onParked = (el: Element, url: string, service: Service) => {
    parked(el, url, service)
    if (el.isConnected) queueMicrotask(() => run([el]))
  }
  const unguard = blockedBy ? guardElements(blockedBy, onParked) : () => {}
  let stopped = false
  // The cookies and storage of services without consent go after the first paint (the cleaner
  // reads every cookie and storage key): nothing that could read them runs before consent anyway.
  afterPaint(() => stopped || cleanUp(config, $snapshot.get(), cleaner))
  run()
  // Elements parsed after this script, or inserted later by a CMS or tag manager: only what was
  // added is walked (a page whose parser adds 200 tags in chunks is not queried 200 times whole).
  // Removals alone cannot bring anything new to run.
  const observer = new MutationObserver((records) => {
    const added: ParentNode[] = []
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType == 1 && n.isConnected && !live.has(n)) added.push(n as Element)
    if (added.length || held.length) run(added)
  })
  observer.observe(document, { childList: true, subtree: true })
  // The parser's last piece may add nothing after a script it was reading (`</script></body>`).
  addEventListener('DOMContentLoaded', () => stopped || run([]), { once: true })
  const unbind = $snapshot.listen((s) => {
    const before = last
    const withdrawn = (id: string) => before.services[id] === true && !s.services[id]
    last = s
    run()
    if (Object.keys(s.services).some(withdrawn)) {
      // Scripts already running keep running, and HttpOnly cookies stay: only a reload stops them.
      void Promise.resolve(cleanUp(config, s, cleaner, withdrawn)).then(() => config.reloadOnWithdraw && location.reload())
    }
  })
  return () => {
    stopped = true
    observer.disconnect()
    unbind()
    unguard()
  }
}
