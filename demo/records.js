// The records page: lists what GET /api/records returns, newest first. Every
// value is set as text (textContent), never parsed as markup: a record is data
// from the outside world, and its fields could hold anything the server let by.
const $ = (id) => document.getElementById(id)
const body = $('records').tBodies[0]

const cell = (text, className) => {
  const td = document.createElement('td')
  td.textContent = text
  if (className) td.className = className
  return td
}
/** "✓ analytics, ✗ marketing": each category but the necessary one (always on), granted or refused. */
const categories = (choices) =>
  Object.entries(choices)
    .filter(([id]) => id !== 'necessary')
    .map(([id, on]) => `${on ? '✓' : '✗'} ${id}`)
    .join(', ') || '–'

/** One table row for a record. */
const row = (r) => {
  const tr = document.createElement('tr')
  tr.dataset.consentId = r.consentId
  const when = r.receivedAt || r.updatedAt
  const time = document.createElement('time')
  time.dateTime = when
  time.textContent = new Date(when).toLocaleString()
  const received = cell('')
  received.append(time)
  const signals = [r.gpc ? 'GPC' : '', r.usp ? `USP ${r.usp}` : '', r.gpp ? `GPP ${r.gpp}` : ''].filter(Boolean).join(' · ') || '–'
  let page = r.url
  try {
    page = new URL(r.url).pathname
  } catch {
    // Not a URL: show it as it came.
  }
  tr.append(
    received,
    cell(r.consentId, 'mono'),
    cell(r.method, 'method'),
    cell(categories(r.categories)),
    cell(`${r.jurisdiction || '–'} (${r.mode})`),
    cell(signals, 'mono'),
    cell(page),
  )
  return tr
}

const status = (text) => ($('status').textContent = text)

async function load() {
  let records
  try {
    const res = await fetch('/api/records')
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    records = await res.json()
  } catch (e) {
    return status(`Could not load the records (${e.message}). Is the demo server running?`)
  }
  if (!records.length) {
    const empty = cell('No records yet: make a choice on one of the other pages.')
    empty.colSpan = 7
    const tr = document.createElement('tr')
    tr.append(empty)
    body.replaceChildren(tr)
  } else body.replaceChildren(...records.map(row))
  status(`${records.length} record${records.length === 1 ? '' : 's'}, updated ${new Date().toLocaleTimeString()}.`)
  document.documentElement.dataset.loaded = String(records.length)
}

$('refresh').addEventListener('click', load)
$('clear').addEventListener('click', async () => {
  await fetch('/api/records', { method: 'DELETE' }).catch(() => {})
  load()
})
// Live while the page is in view: a decision made in another tab shows up within two seconds.
setInterval(() => document.visibilityState === 'visible' && load(), 2000)
load()
