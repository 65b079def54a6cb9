// The US page's inspector: what a vendor on this page learns from the IAB
// signals Consentry answers, redrawn on every GPP event. Text nodes only.
const Consentry = window.Consentry
const $ = (id) => document.getElementById(id)
const show = (id, value) => ($(id).textContent = typeof value == 'string' ? value : JSON.stringify(value, null, 2))

/** The section the GPP string carries for this visitor (usnat by default; a state's own when so configured). */
const sectionOf = (ping) => {
  const ids = (ping.applicableSections || []).filter((id) => id > 0)
  const api = (ping.supportedAPIs || []).map((s) => s.split(':')).find(([id]) => ids.includes(Number(id)))
  return api ? api[1] : null
}

/** Asks the signals everything a vendor can ask, and shows the answers. Every call answers synchronously. */
const inspect = () => {
  window.__gpp('ping', (ping) => {
    show('gpp-ping', ping)
    show('gpp-string', ping.gppString || '(none yet)')
    const section = sectionOf(ping)
    show('section-name', section || 'none applies')
    if (section) window.__gpp('getSection', (data) => show('gpp-section', data), section)
    else show('gpp-section', 'No US section applies (applicableSections: [-1]).')
  })
  window.__uspapi('getUSPData', 1, (data, ok) => {
    show('usp-data', { ...data, success: ok })
    show('usp-string', data ? data.uspString : '(none)')
  })
  if (!Consentry) return
  const s = Consentry.get()
  show('mode', `${s.mode} (${s.jurisdiction || 'region unknown'})`)
  const o = s.optOut || {}
  show('opted-out', o.sale && o.sharing ? `Yes, via ${s.method}` : 'No')
}

/** Global Privacy Control: what the browser sends, and how to turn it on to try it. */
const showGpc = () => {
  const on = navigator.globalPrivacyControl === true
  show('gpc-status', on ? 'Your browser sends Global Privacy Control: you were opted out on arrival, without a click.' : 'Your browser does not send Global Privacy Control.')
  show(
    'gpc-hint',
    on
      ? 'To see the page without it, turn GPC off (Firefox: Settings › Privacy & Security › "Tell websites not to sell or share my data"), then use "Forget my choice" and reload: an opt-out made under GPC is kept until then.'
      : 'To try it, turn GPC on — Firefox: Settings › Privacy & Security › "Tell websites not to sell or share my data" (or privacy.globalprivacycontrol.enabled in about:config); Brave and DuckDuckGo send it by default; Chrome and Safari need an extension — then reload: Consentry opts you out at once (method "gpc") and the notice says the signal was honored.',
  )
}

let events = 0
window.__gpp('addEventListener', (event) => {
  if (!event) return
  events++
  show('gpp-event', `${event.eventName}${typeof event.data == 'string' ? ': ' + event.data : ''} (#${events})`)
  inspect()
})
addEventListener('consentry:change', inspect)
$('opt-out').addEventListener('click', () => Consentry && Consentry.optOut())
$('forget').addEventListener('click', () => Consentry && Consentry.reset())
showGpc()
inspect()
