// Injected at document start (page.addInitScript) into every page variant.
// What it looks for comes from window.__benchTarget (set by an init script just
// before this one, see CONSENTRY_TARGET in lib.mjs): the banner's host element,
// whether the banner is in its open shadow root, the accept-all button and the
// consent cookie's name. visit() always sets one (Consentry's on the page
// without any banner, where it never appears); without one it falls back to it.
// Times are performance.now(): ms since navigation start. It stays cheap on
// purpose: a MutationObserver until the host appears, then one check per frame
// until the banner is visible, then nothing; no polling on the page without
// Consentry. It does more work on the page with Consentry, though (more
// observer callbacks, the checks, first-call compiles), so it times its own
// callbacks (`self`, ms) and the runner subtracts that from the script time.
;(() => {
  const b = (window.__bench = { cls: 0, bannerAt: null, clickAt: null, cookieAt: null, self: 0, longTasks: [] })
  const timed = (fn) => (...args) => {
    const t = performance.now()
    try {
      return fn(...args)
    } finally {
      b.self += performance.now() - t
    }
  }
  const t = window.__benchTarget ?? {
    host: '[data-consentry]',
    shadow: true,
    button: '[data-consentry-action="accept-all"]',
    cookie: 'consentry',
  }
  const cookieRe = new RegExp(`(?:^|;\\s*)${t.cookie}=`)
  const hasCookie = () => cookieRe.test(document.cookie)

  new PerformanceObserver(timed((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value
  })).observe({ type: 'layout-shift', buffered: true })

  // Tasks over 50 ms (Long Tasks API), in wall time, so the throttled CPU shows in them.
  // Registered at document start: every task of the page is seen without `buffered`.
  new PerformanceObserver(timed((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration })
  })).observe({ type: 'longtask' })

  const host = () => document.querySelector(t.host)
  const root = () => (t.shadow ? host()?.shadowRoot : host())
  const button = () => root()?.querySelector(t.button) ?? null
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
    if (!h) return `no ${t.host} element in the document`
    if (t.shadow && !h.shadowRoot) return `${t.host} has no open shadow root`
    const el = button()
    if (!el) return `no ${t.button} in ${t.shadow ? 'the shadow root' : t.host} (${root().querySelectorAll('*').length} elements inside)`
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
    // Total blocking time as Lighthouse counts it: of each long task, the part after first
    // contentful paint beyond 50 ms (a task that straddles FCP counts from FCP on).
    const from = fcp ? fcp.startTime : 0
    let tbt = 0
    for (const { start, duration } of b.longTasks) tbt += Math.max(0, start + duration - Math.max(start, from) - 50)
    return {
      tbt,
      longTasks: b.longTasks.length,
      longest: Math.max(0, ...b.longTasks.map((x) => x.duration)),
      ran: window.__ran ?? 0,
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
    const hit = (t.shadow ? host().shadowRoot : document).elementFromPoint(x, y)
    return { x, y, hit: !!hit && el.contains(hit) }
  }

  // Capture on window sees the click first, before the banner's own handlers
  // (which run at or below the document); the bubble listener on window runs
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
