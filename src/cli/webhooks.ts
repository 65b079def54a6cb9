/**
 * `consentry records webhook add|list|remove|rotate|dead|replay`: the webhook
 * subscriptions and dead letters, straight on the database (the admin
 * endpoints do the same over HTTP). A PGlite directory is one process's at a
 * time: while `records serve` runs on it, use the endpoints instead.
 */
import { isIP } from 'node:net'
import { bareHost, localKind } from '../records/webhooks/guard.js'
import type { RecordStore, StoreOptions } from '../records/store/types.js'

export const WEBHOOK_USAGE = `Usage: consentry records webhook add --url <url> [--secret <s>] [--events consent.changed]
       consentry records webhook list
       consentry records webhook remove <id>
       consentry records webhook rotate <id> [--secret <s>]
       consentry records webhook dead [--limit 100]
       consentry records webhook replay <delivery id> | --subscription <id>
  each with [--data <dir> | --database <url>] (default ./consentry-data, or env DATABASE_URL)

add     subscribes a URL to consent.changed events; prints the id and the
        signing secret (generated when --secret is not given), shown only here
list    the subscriptions, with their pending and dead deliveries
remove  deletes a subscription and its deliveries
rotate  a new secret (printed); the old one keeps signing for 24 hours too
dead    the dead deliveries (retried for --webhook-retry-hours, then given up)
replay  sends a dead delivery again, or all dead ones of a subscription

PGlite: one process at a time per directory. While records serve runs on it,
use the admin endpoints (POST /v1/webhooks …) instead of these commands.`

export class WebhookUsageError extends Error {}

const FLAGS = ['--url', '--secret', '--events', '--limit', '--subscription']
const ACTIONS = ['add', 'list', 'remove', 'rotate', 'dead', 'replay']

export interface WebhookCommand {
  action: string
  arg?: string
  flags: Record<string, string>
}

/** The action and its flags; `rest` are the positional words after `webhook`, `flags` the webhook-only flags. */
export const parseWebhook = (rest: string[], flags: Record<string, string>): WebhookCommand => {
  const [action, arg, ...extra] = rest
  if (!action) throw new WebhookUsageError(`missing action: consentry records webhook ${ACTIONS.join('|')}`)
  if (!ACTIONS.includes(action)) throw new WebhookUsageError(`unknown action "webhook ${action}": the actions are ${ACTIONS.join(', ')}`)
  if (extra.length) throw new WebhookUsageError(`unexpected argument "${extra[0]}"`)
  const allowed: Record<string, string[]> = { add: ['--url', '--secret', '--events'], rotate: ['--secret'], dead: ['--limit'], replay: ['--subscription'], list: [], remove: [] }
  for (const f of Object.keys(flags)) if (!allowed[action]!.includes(f)) throw new WebhookUsageError(`${f} is not an option of webhook ${action}`)
  const needsArg = action == 'remove' || action == 'rotate' || (action == 'replay' && !flags['--subscription'])
  if (needsArg && !arg) throw new WebhookUsageError(`webhook ${action} needs ${action == 'replay' ? 'a delivery id or --subscription <id>' : 'a subscription id'}`)
  if (!needsArg && arg) throw new WebhookUsageError(`unexpected argument "${arg}"`)
  if (action == 'add' && !flags['--url']) throw new WebhookUsageError('webhook add needs --url <url>')
  if (flags['--limit'] && !/^\d{1,4}$/.test(flags['--limit'])) throw new WebhookUsageError('--limit must be an integer from 1 to 1000')
  return { action, arg, flags }
}

export const WEBHOOK_FLAGS = FLAGS

/** Runs one webhook action on an open store; returns the exit code. */
export const runWebhook = async (c: WebhookCommand, store: RecordStore, out: (s: string) => void, say: (s: string) => void): Promise<number> => {
  const w = store.webhooks
  const f = c.flags
  switch (c.action) {
    case 'add': {
      const events = f['--events']?.split(',').map((e) => e.trim()) as never
      const made = await w.add({ url: f['--url']!, ...(f['--secret'] ? { secret: f['--secret'] } : {}), ...(events ? { events } : {}) })
      out(`id      ${made.id}\nurl     ${made.url}\nevents  ${made.events.join(',')}\nsecret  ${made.secret}\n`)
      say('consentry: the secret is shown only now: give it to the receiver (verifyWebhook)')
      // records serve refuses local-only addresses unless told (guard.ts): said now rather than found in the dashboard.
      const host = bareHost(new URL(made.url).hostname)
      const kind = /^localhost$|\.localhost$/i.test(host) ? 'a loopback address' : isIP(host) ? localKind(host) : null
      if (kind) say(`consentry: ${host} is ${kind}: records serve delivers there only with --webhook-allow-local ${host}`)
      return 0
    }
    case 'list': {
      const subs = await w.list()
      if (!subs.length) say('consentry: no webhook subscriptions (consentry records webhook add --url …)')
      for (const s of subs) out(`${s.id}  ${s.url}  ${s.events.join(',')}  pending ${s.pending}  dead ${s.dead}  created ${s.createdAt}\n`)
      return 0
    }
    case 'remove':
      if (await w.remove(c.arg!)) return say(`consentry: removed ${c.arg} and its deliveries`), 0
      return say(`consentry: no webhook ${c.arg}`), 1
    case 'rotate': {
      const secret = await w.rotate(c.arg!, f['--secret'])
      if (!secret) return say(`consentry: no webhook ${c.arg}`), 1
      out(`secret  ${secret}\n`)
      say('consentry: the old secret keeps signing for 24 hours: switch the receiver over within that time')
      return 0
    }
    case 'dead': {
      const dead = await w.deliveries({ state: 'dead', limit: f['--limit'] ? Number(f['--limit']) : 100 })
      if (!dead.length) say('consentry: no dead deliveries')
      for (const d of dead) out(`${d.id}  ${d.subscriptionId}  ${d.consentId}  attempts ${d.attempts}  created ${d.createdAt}  ${d.lastError ?? ''}\n`)
      return 0
    }
    default: {
      if (f['--subscription']) {
        const n = await w.replayDead(f['--subscription'])
        if (n == null) return say(`consentry: no webhook ${f['--subscription']}`), 1
        return say(`consentry: ${n} dead deliver${n == 1 ? 'y' : 'ies'} queued again`), 0
      }
      if (await w.replay(c.arg!)) return say(`consentry: ${c.arg} queued again: a running records serve sends it at its next poll`), 0
      return say(`consentry: no delivery ${c.arg}`), 1
    }
  }
}

export type { StoreOptions }
