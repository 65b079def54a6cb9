// "Meadowlark Analytics": a stand-in for a third-party analytics tag, served by
// the demo server so that nothing leaves the machine. It does what such tags
// do: sets its own first-party visitor cookie and sends a page-view beacon.
// The site blocks it with <script type="text/plain" data-consent="analytics">,
// so none of this happens, and this file is not even fetched, before consent.
;(() => {
  const NAME = '_mla_id'
  const read = () => document.cookie.split('; ').find((c) => c.startsWith(NAME + '='))?.slice(NAME.length + 1)
  let visitor = read()
  if (!visitor) {
    const bytes = crypto.getRandomValues(new Uint8Array(8))
    visitor = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
    document.cookie = `${NAME}=${visitor}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`
  }
  const pageview = { event: 'pageview', visitor, page: location.pathname, title: document.title }
  const sent = navigator.sendBeacon('/collect', JSON.stringify(pageview))
  window.meadowlark = { visitor, beacons: sent ? 1 : 0 }
  dispatchEvent(new CustomEvent('meadowlark:ready', { detail: window.meadowlark }))
})()
