import { beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, get, init, rejectAll, set, startBlocking } from '../headless.js'
import { CONFIG, freshPage, happyDomLoadsNothing, painted } from '../testing/index.js'
import { $waitingFrames, resetMarkup } from './index.js'

// The iframes, stylesheets and embeds released here are pages happy-dom does not load (and says so).
happyDomLoadsNothing()

declare global {
  interface Window {
    ran?: string[]
  }
}

/**
 * happy-dom does not execute scripts, so here "ran" is the live scripts that
 * were inserted, in order; the real-Chromium suite proves they execute.
 */
let inserted: HTMLScriptElement[] = []
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLScriptElement && n.type != 'text/plain') inserted.push(n)
}).observe(document, { childList: true, subtree: true })
const ran = () => inserted.map((s) => /push\('([^']+)'\)/.exec(s.text)?.[1])

let stop = () => {}
beforeEach(() => {
  stop()
  freshPage()
  resetMarkup()
  document.body.replaceChildren()
  window.ran = []
  inserted = []
})

/** Adds markup to the page (parsed, so its scripts do not run on their own). */
const page = (html: string) => {
  const t = document.createElement('template')
  t.innerHTML = html
  document.body.append(t.content)
}
const tick = () => new Promise((r) => setTimeout(r, 0))
const begin = async (config = CONFIG) => {
  await init(config)
  stop = startBlocking()
}

describe('blocked markup', () => {
  it('runs nothing before consent, then each script once, in document order, when it is granted', async () => {
    page(`
      <script type="text/plain" data-consent="analytics">window.ran.push('a1')</script>
      <script type="text/plain" data-consent="marketing">window.ran.push('m1')</script>
      <script type="text/plain" data-consent="analytics" data-service="posthog">window.ran.push('posthog')</script>
      <script type="text/plain" data-category="analytics">window.ran.push('cc3-form')</script>
      <script type="text/plain" data-consent="analytics">window.ran.push('a2')</script>`)
    await begin()
    await tick()
    expect(ran()).toEqual([])
    set({ analytics: true, ga4: true, posthog: false })
    await tick()
    expect(ran()).toEqual(['a1', 'cc3-form', 'a2'])
    set({ posthog: true })
    acceptAll()
    acceptAll()
    await tick()
    expect(ran()).toEqual(['a1', 'cc3-form', 'a2', 'posthog', 'm1'])
  })

  it('keeps the attributes of the script it runs, except the ones that held it back', async () => {
    page(`<script type="text/plain" data-consent="analytics" data-type="module" nonce="n0nce" integrity="sha384-x" crossorigin="anonymous" referrerpolicy="no-referrer" defer id="tag"></script>`)
    await begin()
    acceptAll()
    await tick()
    const live = document.querySelector<HTMLScriptElement>('script[type=module]')!
    expect(live.id).toBe('tag')
    expect(live.nonce || live.getAttribute('nonce')).toBe('n0nce')
    for (const a of ['integrity', 'crossorigin', 'referrerpolicy', 'defer']) expect(live.hasAttribute(a)).toBe(true)
    expect(live.hasAttribute('data-consent')).toBe(false)
    expect(document.querySelector('script[type="text/plain"]')!.hasAttribute('data-consentry-done')).toBe(true)
  })

  it('runs "!category" scripts on refusal or withdrawal, not before a decision', async () => {
    page(`<script type="text/plain" data-consent="!analytics">window.ran.push('refused')</script>`)
    await begin()
    await tick()
    expect(ran()).toEqual([])
    acceptAll()
    await tick()
    expect(ran()).toEqual([])
    rejectAll()
    await tick()
    expect(ran()).toEqual(['refused'])
  })

  it('loads iframes, images, video sources and links from data-src / data-href when granted', async () => {
    page(`
      <iframe data-consent="marketing" data-service="meta" data-src="https://video.example/embed/1"></iframe>
      <img data-consent="analytics" data-src="https://pixel.example/p.gif" data-srcset="https://pixel.example/p2.gif 2x" alt="">
      <video><source data-consent="analytics" data-src="https://cdn.example/v.mp4"></video>
      <link data-consent="analytics" rel="stylesheet" data-href="https://cdn.example/widget.css">`)
    await begin()
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false)
    set({ analytics: true })
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://pixel.example/p.gif')
    expect(document.querySelector('img')!.getAttribute('srcset')).toBe('https://pixel.example/p2.gif 2x')
    expect(document.querySelector('source')!.getAttribute('src')).toBe('https://cdn.example/v.mp4')
    expect(document.querySelector('link')!.getAttribute('href')).toBe('https://cdn.example/widget.css')
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false)
    set({ meta: true })
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://video.example/embed/1')
  })

  it('an element naming a service runs once that service is granted; one naming only the category waits for the category', async () => {
    page(`
      <iframe data-consent="analytics" data-service="posthog" data-src="https://video.example/embed/1"></iframe>
      <script type="text/plain" data-consent="analytics" data-service="posthog">window.ran.push('posthog')</script>
      <script type="text/plain" data-consent="analytics">window.ran.push('retargeting')</script>
      <script type="text/plain" data-consent="!analytics" data-service="posthog">window.ran.push('no posthog')</script>
      <script type="text/plain" data-consent="!analytics">window.ran.push('no analytics')</script>`)
    await begin()
    set({ posthog: true })
    await tick()
    // The visitor agreed to one tool, not to the category: its other tags keep waiting.
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('https://video.example/embed/1')
    expect(ran()).toEqual(['posthog', 'no analytics'])
    set({ ga4: true })
    await tick()
    expect(ran()).toEqual(['posthog', 'no analytics', 'retargeting'])
  })

  it('picks up waiting elements added to the page later', async () => {
    await begin()
    acceptAll()
    page(`<script type="text/plain" data-consent="analytics">window.ran.push('late')</script>`)
    await tick()
    await tick()
    expect(ran()).toEqual(['late'])
  })
})

describe('tags added after start-up', () => {
  it('each batch the parser or a script adds is walked on its own, the tag itself included, and still waits for consent', async () => {
    await begin()
    const el = document.createElement('script')
    el.type = 'text/plain'
    el.setAttribute('data-consent', 'analytics')
    el.text = "window.ran.push('added')"
    document.body.append(el)
    page(`<div><script type="text/plain" data-consent="analytics">window.ran.push('nested')</script></div>`)
    await tick()
    expect(ran()).toEqual([])
    set({ analytics: true })
    await tick()
    expect(ran()).toEqual(['added', 'nested'])
  })

  it('a granted tag added later runs once, though it is both an added node and inside one', async () => {
    await begin()
    acceptAll()
    const div = document.createElement('div')
    document.body.append(div)
    div.innerHTML = ''
    const t = document.createElement('template')
    t.innerHTML = `<script type="text/plain" data-consent="analytics">window.ran.push('once')</script>`
    div.append(t.content)
    await tick()
    expect(ran()).toEqual(['once'])
  })

  describe('while the parser is still reading an inline script', () => {
    // The parser inserts a script at its start tag and appends its code as it reads it, in pieces cut
    // by its input and its time slices (HTML §13.2.6.4.8); a MutationObserver batch can fall between.
    // happy-dom's parser does not stream, so the pieces are put in as Chromium's parser puts them.
    let loading = true
    beforeEach(() => {
      loading = true
      vi.spyOn(document, 'readyState', 'get').mockImplementation(() => (loading ? 'loading' : 'complete'))
      return () => vi.restoreAllMocks()
    })
    /** A granted inline script at the parser's frontier, its start tag read and `code` not yet. */
    const startTag = () => {
      const el = document.createElement('script')
      el.type = 'text/plain'
      el.setAttribute('data-consent', 'analytics')
      document.body.append(el)
      return el
    }

    it('runs it whole once the parser has moved past it, and nothing after it overtakes it', async () => {
      await begin()
      acceptAll()
      const el = startTag()
      el.append("window.ran.push('")
      await tick()
      // Run now, it would run a broken fragment, or nothing.
      expect(ran()).toEqual([])
      el.append("whole')")
      await tick()
      expect(ran()).toEqual([])
      page(`<script type="text/plain" data-consent="analytics">window.ran.push('next')</script><p>after</p>`)
      await tick()
      expect(ran()).toEqual(['whole', 'next'])
      expect(inserted[0]!.text).toBe("window.ran.push('whole')")
    })

    it('runs it whole when the document has been parsed, if nothing came after it', async () => {
      await begin()
      acceptAll()
      startTag().append("window.ran.push('last')")
      await tick()
      expect(ran()).toEqual([])
      loading = false
      document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }))
      await tick()
      expect(ran()).toEqual(['last'])
    })

    it('holds only inline code: a tag with a src has its URL from its start tag, and runs at once', async () => {
      await begin()
      acceptAll()
      const el = startTag()
      el.setAttribute('src', '/tag.js')
      await tick()
      expect(inserted.map((s) => s.getAttribute('src'))).toEqual(['/tag.js'])
    })
  })

  it('$waitingFrames is set only when the frames waiting change, and keeps those that still wait', async () => {
    await begin()
    const sets: HTMLIFrameElement[][] = []
    const unbind = $waitingFrames.listen((f) => void sets.push([...f]))
    page(`<iframe data-consent="marketing" data-src="/a.html"></iframe>`)
    await tick()
    page(`<p>text</p><script type="text/plain" data-consent="analytics"></script>`)
    await tick()
    page(`<iframe data-consent="marketing" data-src="/b.html"></iframe>`)
    await tick()
    unbind()
    expect(sets.map((f) => f.map((x) => x.getAttribute('data-src')))).toEqual([['/a.html'], ['/a.html', '/b.html']])
  })
})

describe('markup naming an id the config does not declare (development builds)', () => {
  it('is named in a warning at start-up, once per element and attribute, and keeps waiting through Accept all', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    page(`
      <iframe data-consent="marketing" data-service="youtube" data-src="https://www.youtube-nocookie.com/embed/x"></iframe>
      <script type="text/plain" data-consent="analytcs" src="https://cdn.example/a.js"></script>
      <img data-consent="marketing" data-service="meta" data-src="https://pixel.example/p.gif">`)
    await begin()
    const undeclared = ': the config declares no category or service with this id, so nothing can allow it and it never loads'
    expect(warn.mock.calls.map((c) => String(c[0]).split(' (nor')[0])).toEqual([
      `[consentry] data-service="youtube" on <iframe data-consent="marketing" data-service="youtube" data-src="https://www.youtube-nocookie.com/embed/x">${undeclared}`,
      `[consentry] data-consent="analytcs" on <script type="text/plain" data-consent="analytcs" src="https://cdn.example/a.js">${undeclared}`,
    ])
    acceptAll()
    await tick()
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false)
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://pixel.example/p.gif')
    // Every later run (each decision, each element added) finds them again; each is named once.
    page('<p>more content</p>')
    await tick()
    expect(warn).toHaveBeenCalledTimes(2)
    warn.mockRestore()
  })
})
