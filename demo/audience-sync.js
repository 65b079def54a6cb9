// The audience-sync page: what GET /api/audience-sync holds, latest change first. Every value is set as text
// (textContent), never parsed as markup: an event is data from the network, whatever its signature says.
const $ = (id) => document.getElementById(id)
const body = $('visitors').tBodies[0]

const cell = (text, className) => {
  const td = document.createElement('td')
  td.textContent = text
  if (className) td.className = className
  return td
}
/** A cell of lines, each its own block. */
const lines = (list, className) => {
  const td = cell('', className)
  for (const text of list) {
    const div = document.createElement('div')
    div.textContent = text
    td.append(div)
  }
  return td
}
const choices = (map) =>
  Object.entries(map)
    .filter(([id]) => id !== 'necessary')
    .map(([id, on]) => `${on ? '✓' : '✗'} ${id}`)
    .join(', ') || '–'
/** The fields as lines of `path: JSON value` (`consent.adUserData: "GRANTED"`), or why there are none. */
const flat = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? flat(v, `${prefix}${k}.`) : [`${prefix}${k}: ${JSON.stringify(v)}`]))
const fields = (f) => (!f ? ['not sent'] : Object.keys(f).length ? flat(f) : ['sent, no privacy field'])

const row = (v) => {
  const tr = document.createElement('tr')
  tr.dataset.consentId = v.consentId
  const time = document.createElement('time')
  time.dateTime = v.changedAt
  time.textContent = new Date(v.changedAt).toLocaleString()
  const changed = cell('')
  changed.append(time)
  const d = v.decision
  const optOuts = Object.entries(v.optOut).filter(([, on]) => on).map(([k]) => k)
  tr.append(
    changed,
    cell(v.consentId, 'mono'),
    lines([choices(d.categories), `${d.method}, ${d.jurisdiction || 'region unknown'} (${d.mode})`], 'decision'),
    lines([v.gpc ? 'GPC on' : 'no GPC', optOuts.length ? `opted out: ${optOuts.join(', ')}` : 'no opt-out'], 'signals'),
    lines(fields(v.fields.meta), 'mono meta'),
    lines(['Ads API:', ...fields(v.fields.googleAds), 'Data Manager API:', ...fields(v.fields.googleDataManager)], 'mono google'),
    lines([`Meta: ${v.mayUpload.meta ? 'include' : 'leave out'}`, `Google: ${v.mayUpload.google ? 'include' : 'leave out'}`], 'upload'),
  )
  return tr
}

const SUBSCRIPTION = {
  pending: () => 'Subscribing to the records service…',
  subscribed: (s) => `Subscribed as ${s.id} at ${s.url}${s.reused ? ' (kept from an earlier run, rotated to this run’s secret)' : ''}.`,
  unavailable: () => 'This records service has no webhooks: no deliveries will arrive.',
  failed: (s) => `Could not subscribe: ${s.detail}`,
}

const status = (text) => ($('status').textContent = text)

async function load() {
  let view
  try {
    const res = await fetch('/api/audience-sync')
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    view = await res.json()
  } catch (e) {
    return status(`Could not load the audience sync (${e.message}). Is the demo server running?`)
  }
  $('subscription').textContent = (SUBSCRIPTION[view.subscription.state] ?? (() => ''))(view.subscription)
  if (!view.visitors.length) {
    const empty = cell('No deliveries yet: make a choice on one of the other pages.')
    empty.colSpan = 7
    const tr = document.createElement('tr')
    tr.append(empty)
    body.replaceChildren(tr)
  } else body.replaceChildren(...view.visitors.map(row))
  const c = view.counts
  status(`${view.visitors.length} visitor${view.visitors.length === 1 ? '' : 's'}; ${c.applied} applied, ${c.duplicates} repeats dropped, ${c.refused} refused; updated ${new Date().toLocaleTimeString()}.`)
  $('refusals').replaceChildren(
    ...(view.refusals.length ? view.refusals : [{ reason: 'none' }]).map((r) => {
      const li = document.createElement('li')
      li.textContent = r.at ? `${new Date(r.at).toLocaleTimeString()}: ${r.reason}` : r.reason
      return li
    }),
  )
  document.documentElement.dataset.loaded = String(view.visitors.length)
}

$('refresh').addEventListener('click', load)
// Live while the page is in view: a decision made in another tab shows up within two seconds.
setInterval(() => document.visibilityState === 'visible' && load(), 2000)
load()
