// The demo page's own script: the "Your consent, live" panel. It lives in a
// file, not inline, so the page keeps working under `script-src 'self'`, as
// Consentry promises sites it will. The banner itself needs none of this.
const Consentry = window.Consentry
const $ = (id) => document.getElementById(id)

const yesNo = (on) => (on ? 'Allowed' : 'Not allowed')

/** Shows the current decision; called on load and on every consentry:change. */
const render = () => {
  const s = Consentry.get()
  $('decision').textContent = s.decided ? `Made via ${s.method}` : 'Not made yet'
  $('analytics').textContent = yesNo(s.categories.analytics)
  $('marketing').textContent = yesNo(s.categories.marketing)
  $('updated').textContent = s.updatedAt ? new Date(s.updatedAt).toLocaleString() : '–'
  $('snapshot').textContent = JSON.stringify(s, null, 2)
  document.documentElement.dataset.decided = String(s.decided)
}

if (!Consentry) {
  $('decision').textContent = 'Consentry did not load: run `npm run build`, then reload.'
} else {
  // Forgetting the choice brings the banner back, as on a first visit.
  $('forget').addEventListener('click', () => Consentry.reset())
  // Fires for decisions made here and in other tabs alike.
  addEventListener('consentry:change', render)
  addEventListener('consentry:change', () => setTimeout(showRecords, 300))
  render()
  showRecords()
}

/** Lists the records the demo server has received (text only, never markup). */
async function showRecords() {
  const list = $('records')
  let records = []
  try {
    records = await (await fetch('/api/consent')).json()
  } catch {
    return
  }
  list.replaceChildren(
    ...records.map((r) => {
      const li = document.createElement('li')
      const allowed = Object.keys(r.categories).filter((c) => r.categories[c]).join(', ')
      li.textContent = `${new Date(r.updatedAt).toLocaleString()} — ${r.method}: ${allowed} (record ${r.id.slice(0, 8)}…, consent ${r.consentId.slice(0, 8)}…)`
      return li
    }),
  )
  if (!records.length) list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No records yet: make a choice.' }))
}
