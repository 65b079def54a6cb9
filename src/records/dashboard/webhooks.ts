/**
 * The dashboard's Webhooks panel: each subscription with its pending and dead
 * deliveries, and the dead letters, each with a Replay button. The button is a
 * plain form POST (no script: the CSP allows forms to this origin only), held
 * to the same checks as the logout: a live session and a same-origin request.
 */
import type { Delivery, RecordStore, WebhookSubscription } from '../store/types.js'
import { readBody } from '../http/body.js'
import { fail } from '../http/respond.js'
import { sameOrigin, type DashboardContext } from './context.js'
import { escape } from './page.js'
import { sessionOf } from './session.js'

/** How many dead letters the panel lists (the rest: `consentry records webhook dead` or the API). */
export const DEAD_SHOWN = 50

export interface WebhooksPanel {
  subscriptions: WebhookSubscription[]
  dead: Delivery[]
}

export const webhooksPanelData = async (store: RecordStore): Promise<WebhooksPanel | null> => {
  if (!store.webhooks) return null
  const [subscriptions, dead] = await Promise.all([store.webhooks.list(), store.webhooks.deliveries({ state: 'dead', limit: DEAD_SHOWN })])
  return { subscriptions, dead }
}

const table = (caption: string, heads: string[], rows: string[]) => `<div class="table" role="region" aria-label="${escape(caption)}" tabindex="0">
<table>
<caption>${escape(caption)}</caption>
<thead><tr>${heads.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`

const replayButton = (id: string) => `<form class="replay" method="post" action="/dashboard/webhooks/replay"><input type="hidden" name="delivery" value="${escape(id)}"><button type="submit">Replay</button></form>`

export const webhooksSection = (panel: WebhooksPanel, notice?: string): string => {
  const subs = panel.subscriptions.map(
    (s) => `<tr data-subscription="${escape(s.id)}"><th scope="row"><code>${escape(s.id)}</code></th><td>${escape(s.url)}</td><td>${escape(s.events.join(', '))}</td><td data-field="pending">${s.pending}</td><td data-field="dead">${s.dead}</td></tr>`,
  )
  const dead = panel.dead.map(
    (d) => `<tr data-delivery="${escape(d.id)}"><th scope="row"><code>${escape(d.id)}</code></th><td><code>${escape(d.subscriptionId)}</code></td><td><code>${escape(d.consentId)}</code></td><td>${d.attempts}</td><td>${escape(d.createdAt)}</td><td>${escape(d.lastError ?? '')}</td><td>${replayButton(d.id)}</td></tr>`,
  )
  return `<section aria-labelledby="webhooks">
<h2 id="webhooks">Webhooks</h2>
${notice ? `<p class="notice" role="status">${escape(notice)}</p>` : ''}
<p class="hint">Each change of a visitor's decision is delivered to every subscription, retried with backoff; a delivery still failing after the retry window is dead until replayed.</p>
${panel.subscriptions.length ? table('Subscriptions', ['Id', 'URL', 'Events', 'Pending', 'Dead'], subs) : '<p class="empty">No subscriptions: <code>consentry records webhook add --url …</code> or <code>POST /v1/webhooks</code>.</p>'}
<h3>Dead letters</h3>
${panel.dead.length ? table(`Dead deliveries (newest ${DEAD_SHOWN})`, ['Delivery', 'Subscription', 'Consent id', 'Attempts', 'Created', 'Last error', ''], dead) : '<p class="empty">No dead deliveries.</p>'}
</section>`
}

/** `POST /dashboard/webhooks/replay` (form field `delivery`): queues a dead delivery again, then back to the panel. */
export const replayFromDashboard = async (ctx: DashboardContext, request: Request, url: URL): Promise<Response> => {
  if (ctx.sessions.check(sessionOf(request)) != 'live' || !sameOrigin(request, url)) {
    await request.body?.cancel().catch(() => {})
    return fail(403, 'replay from the dashboard page, logged in')
  }
  const body = await readBody(request, 4096)
  const id = body.ok ? (new URLSearchParams(body.text).get('delivery') ?? '') : ''
  const found = id != '' && (await (await ctx.store()).webhooks.replay(id))
  const notice = found ? 'replayed' : 'not-found'
  return new Response(null, { status: 303, headers: { location: `/dashboard?webhooks=${notice}#webhooks` } })
}
