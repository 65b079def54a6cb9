// The demo site's own script: the "Your consent, live" panel and the status of
// the page's blocked tags. It lives in a file, not inline, so the page keeps
// working under `script-src 'self'`, as Consentry promises sites it will. The
// banner itself needs none of this.
const Consentry = window.Consentry
const $ = (id) => document.getElementById(id)

const yesNo = (on) => (on ? 'Allowed' : 'Not allowed')
const cookie = (name) => document.cookie.split('; ').find((c) => c.startsWith(name + '='))?.slice(name.length + 1)

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

/**
 * What each tag has done: whether it ran on this page (its global), whether its
 * cookie is there, and what the demo server received from it. Text only.
 */
const TAGS = [
  { id: 'meadowlark', category: 'analytics', global: 'meadowlark', cookie: '_mla_id', sent: 'beacon', noun: 'page-view beacon' },
  { id: 'adfinch', category: 'marketing', global: 'adfinch', cookie: '_afp', sent: 'pixel', noun: 'pixel request' },
]
async function showTags() {
  let hits = []
  try {
    hits = await (await fetch('/api/tags')).json()
  } catch {
    // The server is gone: show what the page knows.
  }
  for (const tag of TAGS) {
    const out = $(`tag-${tag.id}`).querySelector('span')
    const received = hits.filter((h) => h.kind === tag.sent).length
    const value = cookie(tag.cookie)
    let text
    if (!window[tag.global]) text = `blocked: not fetched, no cookie, nothing sent. It waits for ${tag.category} consent.`
    else if (value) text = `running: cookie ${tag.cookie}=${value}; the server has received ${received} ${tag.noun}${received === 1 ? '' : 's'}.`
    else text = `ran on this page; its cookie ${tag.cookie} was deleted when ${tag.category} was withdrawn (reload to stop the script).`
    out.textContent = text
    out.parentElement.dataset.state = !window[tag.global] ? 'blocked' : value ? 'running' : 'withdrawn'
  }
}

if (!Consentry) {
  $('decision').textContent = 'Consentry did not load: run `npm run build`, then reload.'
} else {
  // Forgetting the choice brings the banner back, as on a first visit.
  $('forget').addEventListener('click', () => Consentry.reset())
  // Fires for decisions made here and in other tabs alike.
  addEventListener('consentry:change', render)
  addEventListener('consentry:change', () => setTimeout(showTags, 300))
  // The tags announce themselves once they have run; their requests may still be on the way.
  for (const name of ['meadowlark:ready', 'adfinch:ready']) addEventListener(name, () => setTimeout(showTags, 300))
  render()
  showTags()
}
