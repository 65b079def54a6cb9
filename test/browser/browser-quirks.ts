/**
 * The two places where puppeteer-core does not say the same thing in both
 * browsers, kept as small as they can be: the text of a console entry whose
 * argument is an object, and media emulation in Firefox.
 */
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core'

type Bidi = { send(method: string, params: object): Promise<{ result: any }>; on(type: string, fn: (entry: any) => void): unknown }
/** puppeteer-core's WebDriver BiDi connection of a Firefox browser (internal: BiDi commands puppeteer has no word for). */
export const bidiOf = (browser: Browser): Bidi => (browser as unknown as { connection: Bidi }).connection

/** Firefox's text of each console entry, by the entry's first argument; `waiting`: console events that want it. */
type EntryTexts = WeakMap<object, string> & { waiting: Map<object, () => void> }
const entryTextsByBrowser = new WeakMap<object, EntryTexts>()
const entryTexts = (page: Page): EntryTexts => {
  let texts = entryTextsByBrowser.get(page.browser())
  if (!texts) {
    const made: EntryTexts = Object.assign(new WeakMap<object, string>(), { waiting: new Map<object, () => void>() })
    bidiOf(page.browser()).on('log.entryAdded', (entry: { text?: string | null; args?: unknown[] }) => {
      const first = entry.args?.[0]
      if (typeof first !== 'object' || first === null || typeof entry.text !== 'string') return
      made.set(first, entry.text)
      made.waiting.get(first)?.()
    })
    entryTextsByBrowser.set(page.browser(), (texts = made))
  }
  return texts
}

/**
 * The text of a console entry with an object argument (`console.error(err)`), for which puppeteer
 * says "JSHandle@error" in both browsers. Chromium: CDP's description of each argument ("Error: <message>
 * and the stack"). Firefox: WebDriver BiDi sends the object without its contents, but Firefox's own text
 * for the entry is on the same protocol event (before or after puppeteer's console event): take it
 * from there, or puppeteer's if it never comes.
 */
export const consoleText = (page: Page, firefox: boolean): ((m: ConsoleMessage, send: (text: string) => void) => void) => {
  // Firefox: listen from now on, before the first entry comes.
  const texts = firefox ? entryTexts(page) : null
  return (m, send) => {
    const args = m.args() as unknown as { remoteObject(): { description?: string; value?: unknown }; remoteValue(): object }[]
    if (!texts) return send(args.map((a) => a.remoteObject().description ?? String(a.remoteObject().value)).join(' '))
    const first = args[0]!.remoteValue()
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
  }
}

/**
 * Firefox: puppeteer's emulateMediaFeatures is CDP-only, so set the top browsing context's overrides (what
 * devtools' "simulate prefers-color-scheme" sets) from the privileged scope: for this tab only, applied
 * live (media queries fire `change`), kept across navigations. Needs SYSTEM_ACCESS at launch.
 */
export const firefoxMedia = async (page: Page, options: { colorScheme?: string | null; reducedMotion?: string | null }): Promise<void> => {
  const set: string[] = []
  if (options.colorScheme !== undefined) set.push(`bc.prefersColorSchemeOverride = ${JSON.stringify(options.colorScheme ?? 'none')}`)
  if (options.reducedMotion !== undefined) set.push(`bc.prefersReducedMotionOverride = ${JSON.stringify(options.reducedMotion ?? 'none')}`)
  const id = (page.mainFrame() as unknown as { _id: string })._id
  await privileged(page.browser(), `(() => {
    const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs')
    const bc = NavigableManager.getBrowsingContextById(${JSON.stringify(id)})
    if (!bc) throw new Error('no browsing context ' + ${JSON.stringify(id)})
    ${set.join('\n')}
  })()`)
}

/** Runs `expression` in Firefox's privileged browser window (launched with SYSTEM_ACCESS) and returns its value. */
export const privileged = async (browser: Browser, expression: string): Promise<unknown> => {
  const bidi = bidiOf(browser)
  const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' }).catch(() => null)
  const chrome = (tree?.result.contexts as { context: string; url: string }[] | undefined)?.find((c) => c.url.endsWith('browser.xhtml'))
  if (!chrome) throw new Error('no privileged browser window: launch Firefox with SYSTEM_ACCESS')
  const r = await bidi.send('script.evaluate', { expression, target: { context: chrome.context }, awaitPromise: true })
  if (r.result.type === 'exception') throw new Error(`privileged script failed: ${JSON.stringify(r.result.exceptionDetails)}`)
  return r.result.result?.value
}
