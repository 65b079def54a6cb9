// Injected at document start (page.addInitScript) into both page variants.
// Times are performance.now(): ms since navigation start. It stays cheap on
// purpose: a MutationObserver until the host appears, then one check per frame
// until the banner is visible, then nothing; no polling on the page without
// Consentry. It does more work on the page with Consentry, though (more
// observer callbacks, the checks, first-call compiles), so it times its own
// callbacks (`self`, ms) and the runner subtracts that from the script time.
;(() => {
  const b = (window.__bench = { cls: 0, bannerAt: null, clickAt: null, cookieAt: null, self: 0 })
  const timed = (fn) => (...args) => {
    const t = performance.now()
    try {
      return fn(...args)
    } finally {
      b.self += performance.now() - t
    }
  }
  const hasCookie = () => /(?:^|;\s*)consentry=/.test(document.cookie)

  new PerformanceObserver(timed((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value
  })).observe({ type: 'layout-shift', buffered: true })

  const host = () => document.querySelector('[data-consentry]')
  const button = () => host()?.shadowRoot?.querySelector('[data-consentry-action="accept-all"]') ?? null
  // The contract's "visible": a box, visibility visible and no ancestor (across the shadow boundary) at opacity 0.
  const visible = (el) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  }

  // Checked in a task right after each frame, when style and layout are clean,
  // so the check never forces a layout (which would count as script time) and
  // sees what that frame painted; the time recorded is the frame's rAF time.
  let stopped = false
  const frame = timed(() => {
    if (stopped) return
    const at = performance.now()
    setTimeout(timed(() => {
      const el = button()
      if (el && visible(el)) b.bannerAt = at
      else frame.next()
    }), 0)
  })
  frame.next = () => requestAnimationFrame(frame)
  const mo = new MutationObserver(timed(() => {
    if (host()) mo.disconnect(), frame.next()
  }))
  mo.observe(document, { childList: true, subtree: true })

  /** Why there is no banner, in words, for the error message. */
  const diagnose = () => {
    const h = host()
    if (!h) return 'no [data-consentry] element in the document'
    if (!h.shadowRoot) return '[data-consentry] has no open shadow root'
    const el = button()
    if (!el) return `no [data-consentry-action="accept-all"] in the shadow root (${h.shadowRoot.querySelectorAll('*').length} elements inside)`
    const r = el.getBoundingClientRect()
    // The lowest opacity on the way up, across the shadow boundary: a fade that never starts shows up here.
    let opacity = 1
    for (let n = el; n; n = n.parentElement ?? n.getRootNode().host) opacity = Math.min(opacity, +getComputedStyle(n).opacity)
    return `the accept-all button is there but not visible: ${r.width}x${r.height} box, ` +
      `visibility ${getComputedStyle(el).visibility}, lowest opacity on its ancestors ${opacity}`
  }

  /**
   * Waits for the banner until `deadline` (ms after navigation start), then
   * returns everything measured on load. 0 on the page without Consentry.
   */
  b.collect = async (deadline) => {
    while (b.bannerAt == null && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    stopped = true
    mo.disconnect()
    const fcp = performance.getEntriesByName('first-contentful-paint', 'paint')[0]
    const nav = performance.getEntriesByType('navigation')[0]
    return {
      domContentLoaded: nav.domContentLoadedEventStart,
      load: nav.loadEventStart,
      bannerAt: b.bannerAt,
      fcp: fcp ? fcp.startTime : null,
      cls: b.cls,
      self: b.self,
      cookieBeforeClick: hasCookie(),
      why: b.bannerAt == null && deadline > 0 ? diagnose() : null,
    }
  }

  /** The accept-all button's centre in viewport CSS px, for a real mouse click. */
  b.target = () => {
    const el = button()
    el.scrollIntoView({ block: 'nearest' })
    const r = el.getBoundingClientRect()
    const x = r.left + r.width / 2
    const y = r.top + r.height / 2
    // Would a click at that point reach the button, or is something on top of it?
    const hit = host().shadowRoot.elementFromPoint(x, y)
    return { x, y, hit: !!hit && el.contains(hit) }
  }

  // Capture on window sees the click first, before Consentry's own handlers
  // (which run at the target, inside the shadow root); the bubble listener runs
  // after them, so a synchronous cookie write is caught there, an async one by
  // the setTimeout poll started at the click (4 ms resolution at worst).
  const check = () => {
    if (b.cookieAt == null && hasCookie()) b.cookieAt = performance.now()
  }
  const poll = () => {
    check()
    if (b.cookieAt == null && performance.now() - b.clickAt < 5000) setTimeout(poll, 0)
  }
  addEventListener('click', () => {
    if (b.clickAt == null) (b.clickAt = performance.now()), setTimeout(poll, 0)
  }, true)
  addEventListener('click', () => {
    check()
    b.cookieInClick = b.cookieAt != null // written synchronously by the click handler?
    queueMicrotask(check)
  })

  /** Resolves with { clickAt, cookieAt } once the cookie is there (cookieAt null after `ms`). */
  b.cookie = async (ms) => {
    const until = performance.now() + ms
    while (b.cookieAt == null && performance.now() < until) await new Promise((r) => setTimeout(r, 20))
    return { clickAt: b.clickAt, cookieAt: b.cookieAt, inClick: !!b.cookieInClick }
  }
})()
