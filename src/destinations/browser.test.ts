/**
 * The script tag's destinations file, run as a page runs it: its JSON block in
 * the document, then the file itself (a fresh copy each test), talking to
 * Consentry through `window.Consentry.use`, at `consentry:ready` when it loads first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, get, init, on, use } from '../headless.js'
import { freshPage } from '../testing/index.js'

const win = window as unknown as Record<string, any>
const isArguments = (x: unknown) => Object.prototype.toString.call(x) === '[object Arguments]'
const commands = () => ((win.dataLayer ?? []) as unknown[]).filter(isArguments).map((a) => Array.from(a as ArrayLike<unknown>))

/** The page: the block, then `consentry-destinations.min.js`. */
const load = async (block: string) => {
  document.head.innerHTML = `<script type="application/json" data-consentry-destinations>${block}</script>`
  vi.resetModules()
  await import('./browser.js')
}

let fetch: ReturnType<typeof vi.fn>
let error: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  freshPage()
  delete win.dataLayer
  delete win.Consentry
  fetch = vi.fn(async () => new Response(null, { status: 204 }))
  window.fetch = fetch as unknown as typeof window.fetch
  error = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
  document.head.innerHTML = ''
})

describe('consentry-destinations.min.js', () => {
  it('"sync": true without a url is an invalid-config error naming data-consentry-destinations.sync.url; nothing is sent, and the other destinations still run', async () => {
    await load('{ "sync": true, "googleConsentMode": true }')
    expect(error).toHaveBeenCalledTimes(1)
    // Its own copy of ConsentryError (the file is loaded afresh), so compared by name.
    expect(error.mock.calls[0]![0]).toMatchObject({ name: 'ConsentryError', code: 'invalid-config', message: '[consentry] data-consentry-destinations.sync.url: expected an http(s) or relative URL, got undefined' })
    // The Consent Mode default went out the moment the file ran, bad entry or not.
    expect(commands().map((c) => c.slice(0, 2))).toEqual([['consent', 'default']])
    // consentry.min.js runs next: it defines window.Consentry and announces `consentry:ready` during init.
    win.Consentry = { get, on, use }
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
    acceptAll()
    await vi.waitFor(() => expect(commands().at(-1)!.slice(0, 2)).toEqual(['consent', 'update']))
    await new Promise((ok) => setTimeout(ok, 20))
    expect(fetch).not.toHaveBeenCalled()
  })

  it('loaded after Consentry has started, it plugs in through window.Consentry.use at once: the default, then the state as it is', async () => {
    win.Consentry = { get, on, use }
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
    acceptAll()
    await load('{ "googleConsentMode": true }')
    expect(commands().map((c) => c.slice(0, 2))).toEqual([['consent', 'default'], ['consent', 'update']])
    expect(commands()[1]![2]).toMatchObject({ analytics_storage: 'granted' })
  })

  it('with a Consentry of an older release (no use), it says what it needs rather than stay silent', async () => {
    await load('{ "googleConsentMode": true }')
    win.Consentry = { get, on }
    await init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
    expect(error).toHaveBeenCalledWith(expect.stringContaining('needs consentry.min.js of the same release'))
  })

  it('"serverSync" with a javascript: url is refused the same way, naming its own key', async () => {
    await load('{ "serverSync": { "url": "java\\nscript:alert(1)" } }')
    expect(error.mock.calls[0]![0]).toMatchObject({ code: 'invalid-config', message: expect.stringContaining('data-consentry-destinations.serverSync.url: expected an http(s) or relative URL') })
  })

  it('an unknown name is reported and left out; the Consent Mode default still goes out', async () => {
    await load('{ "googleConsentMode": { "waitForUpdate": 800 }, "nope": true }')
    expect(error.mock.calls[0]![0]).toMatchObject({ code: 'invalid-config', message: expect.stringContaining('data-consentry-destinations.nope: expected one of') })
    expect(commands()).toEqual([['consent', 'default', expect.objectContaining({ ad_storage: 'denied', analytics_storage: 'denied', wait_for_update: 800 })]])
  })
})
