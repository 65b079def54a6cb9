// "Adfinch": a stand-in for an ad platform's conversion pixel, served by the
// demo server. Like the real ones it keeps a first-party browser id (`_afp`)
// and fires a 1×1 image request. Where the page has a CMP with the IAB APIs
// (Consentry's signals on the US page), it waits for the GPP signal to be
// ready, as vendors are asked to, and passes on the strings: `gpp`, `gpp_sid`
// and the legacy `us_privacy`. Blocked with
// <script type="text/plain" data-consent="marketing">.
;(() => {
  const NAME = '_afp'
  let id = document.cookie.split('; ').find((c) => c.startsWith(NAME + '='))?.slice(NAME.length + 1)
  if (!id) {
    id = `fb.1.${Date.now()}.${Math.floor(Math.random() * 1e9)}`
    document.cookie = `${NAME}=${id}; path=/; max-age=${90 * 24 * 3600}; samesite=lax`
  }
  const params = new URLSearchParams({ ev: 'PageView', id, page: location.pathname })
  // Asked at once: a stub answers when the CMP has loaded, which is before the GPP signal is ready.
  if (typeof window.__uspapi == 'function') window.__uspapi('getUSPData', 1, (d, ok) => ok && d && params.set('us_privacy', d.uspString))
  let fired = false
  const fire = () => {
    if (fired) return
    fired = true
    const img = new Image(1, 1)
    img.src = '/pixel.gif?' + params
    window.adfinch = { id, fired: 1 }
    dispatchEvent(new CustomEvent('adfinch:ready', { detail: window.adfinch }))
  }
  if (typeof window.__gpp != 'function') return fire()
  window.__gpp('addEventListener', (e) => {
    if (!e || !e.pingData || e.pingData.signalStatus != 'ready' || fired) return
    const ping = e.pingData
    if (ping.gppString) params.set('gpp', ping.gppString)
    params.set('gpp_sid', ping.applicableSections.join(','))
    // On the next task: the CMP answers the stub's queued USP call as it finishes starting.
    setTimeout(fire)
  })
  // A CMP that never gets ready must not hold the page's measurement forever.
  setTimeout(fire, 1000)
})()
