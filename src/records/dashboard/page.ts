/**
 * The dashboard's HTML: the login form, and the page with its charts' places
 * and the tables of the same numbers. No inline script or style (the CSP
 * forbids both): the data travels as JSON in a <script type="application/json">
 * that the dashboard's script reads with textContent.
 */
import type { StatsBy, StatsRow } from '../store/types.js'
import type { DashboardData } from './data.js'

export interface AssetUrls {
  script: string
  style: string
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text for HTML content and quoted attributes. */
export const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** A share (0..1) as the tables show it: `42.5 %`. */
export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`

const head = (title: string, assets: AssetUrls) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.style}">
<script defer src="${assets.script}"></script>
</head>`

export const loginPage = (assets: AssetUrls, message?: { error?: string; notice?: string }): string => `${head('Log in · Consentry records', assets)}
<body class="login">
<main>
<h1>Consentry records</h1>
<form method="post" action="/dashboard/login">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Log in</button>
</form>
${message?.error ? `<p class="error" role="alert">${escape(message.error)}</p>` : ''}${message?.notice ? `<p class="notice" role="status">${escape(message.notice)}</p>` : ''}
<p class="hint">The token is the service's <code>CONSENTRY_ADMIN_TOKEN</code>. The session lasts one hour.</p>
</main>
</body>
</html>
`

const OUTCOMES: [keyof StatsRow['outcomes'], string][] = [
  ['acceptAll', 'Accept all'],
  ['rejectAll', 'Reject all'],
  ['custom', 'Custom'],
  ['optOut', 'Opt-out'],
  ['gpc', 'GPC'],
]
const KEY_HEADS: Record<StatsBy, string> = { day: 'Day (UTC)', region: 'Region', method: 'Method', revision: 'Revision' }

/** Every category any row has a consent rate for, in order. */
export const categoriesOf = (rows: readonly StatsRow[]): string[] => [...new Set(rows.flatMap((r) => Object.keys(r.consentRate)))].sort()

const cell = (field: string, value: number, text: string) => `<td data-field="${escape(field)}" data-value="${value}">${escape(text)}</td>`

/** One table of stats rows: every number `/v1/stats` gives for them. */
export const statsTable = (by: StatsBy, rows: readonly StatsRow[], caption: string): string => {
  if (!rows.length) return `<p class="empty">No records in this range.</p>`
  const categories = categoriesOf(rows)
  const heads = [KEY_HEADS[by], 'Records', ...OUTCOMES.map(([, h]) => h), 'GPC share', ...categories.map((c) => `Consent: ${c}`)]
  const body = rows
    .map((r) => {
      const key = by == 'region' && r.key == '' ? 'unknown' : r.key
      const cells = [
        cell('records', r.records, String(r.records)),
        ...OUTCOMES.map(([k]) => cell(`outcomes.${k}`, r.outcomes[k], String(r.outcomes[k]))),
        cell('gpcShare', r.gpcShare, percent(r.gpcShare)),
        ...categories.map((c) => (c in r.consentRate ? cell(`consentRate.${c}`, r.consentRate[c]!, percent(r.consentRate[c]!)) : `<td data-field="consentRate.${escape(c)}">–</td>`)),
      ]
      return `<tr data-key="${escape(r.key)}"><th scope="row">${escape(key)}</th>${cells.join('')}</tr>`
    })
    .join('\n')
  return `<div class="table" role="region" aria-label="${escape(caption)}" tabindex="0">
<table data-by="${by}">
<caption>${escape(caption)}</caption>
<thead><tr>${heads.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`
}

const chart = (name: string, label: string) => `<div class="chart" data-chart="${name}" role="img" aria-label="${escape(label)}"></div>`

/** JSON safe inside <script>: no `</script>` or `<!--` can end or change it. */
const embed = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c')

/** `webhooks`: the Webhooks panel's HTML (webhooks.ts), placed after the charts. */
export const dashboardPage = (assets: AssetUrls, data: DashboardData, error?: string, webhooks = ''): string => {
  const total = data.day.reduce((n, r) => n + r.records, 0)
  const gpc = total ? data.day.reduce((n, r) => n + r.gpcShare * r.records, 0) / total : 0
  const { from, to } = data.range
  return `${head('Consentry records', assets)}
<body>
<header>
<h1>Consentry records</h1>
<form class="range" method="get" action="/dashboard">
<label>From <input type="date" name="from" value="${escape(from)}" required></label>
<label>To <input type="date" name="to" value="${escape(to)}" required></label>
<button type="submit">Show</button>
</form>
<form class="logout" method="post" action="/dashboard/logout"><button type="submit">Log out</button></form>
</header>
<main>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<p class="summary"><strong data-total="records">${total}</strong> records from ${escape(from)} to ${escape(to)} (UTC days, by decision time), <strong data-total="gpcShare">${percent(gpc)}</strong> of them from browsers sending GPC.</p>
<section aria-labelledby="per-day">
<h2 id="per-day">Per day</h2>
<h3>Consent rate</h3>
<p class="hint">Share of the day's records that grant each category.</p>
${chart('consent-rate', 'Consent rate per category and day; the numbers are in the table below')}
<h3>Records</h3>
<p class="hint">Decisions recorded each day (a visitor who changes their mind counts again).</p>
${chart('records', 'Records per day; the numbers are in the table below')}
<h3>GPC share</h3>
<p class="hint">Share of the day's records whose browser sent Global Privacy Control.</p>
${chart('gpc-share', 'GPC share per day; the numbers are in the table below')}
${statsTable('day', data.day, 'Per day')}
</section>
<section aria-labelledby="by-region">
<h2 id="by-region">By region</h2>
<p class="hint">First-layer outcomes as a share of each region's records (the region the page's config resolved).</p>
${chart('region', 'Outcomes by region; the numbers are in the table below')}
${statsTable('region', data.region, 'By region')}
</section>
<section aria-labelledby="by-method">
<h2 id="by-method">By method</h2>
<p class="hint">First-layer outcomes as a share of the records made each way (banner, preferences, API, GPC…).</p>
${chart('method', 'Outcomes by method; the numbers are in the table below')}
${statsTable('method', data.method, 'By method')}
</section>
${webhooks}
</main>
<script type="application/json" id="dashboard-data">${embed(data)}</script>
</body>
</html>
`
}
