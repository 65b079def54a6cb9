import type { Method, ResolvedConfig } from '../config/types.js'
import { ConsentryError } from '../errors/index.js'
import { env } from '../env/index.js'
import { uuid, type OptOut } from '../record/index.js'
import { $config, $consent, $gpc, $snapshot, $ui } from './stores.js'

/** Choices to apply: category or service id → granted. */
export type Choices = Record<string, boolean>

const optOuts = (on: boolean, sensitive = on): OptOut => ({ sale: on, sharing: on, targetedAds: on, sensitive })

const configFor = (call: string): ResolvedConfig => {
  const config = $config.get()
  if (!config) throw new ConsentryError('not-initialised', call)
  return config
}

/** A refusal of every category that carries the US sale/sharing right (`optOut: true`). */
const refusals = (call: string): Choices => {
  const choices: Choices = {}
  for (const c of configFor(call).categories) if (c.optOut) choices[c.id] = false
  return choices
}

/**
 * Applies choices (or `true`/`false` for every id) on top of what is in force
 * now and stores the result as a decision. Consent is as wide as what was
 * agreed to: a grant of a service grants that service only. A call that names
 * a category decides it and every service of it that the call does not name
 * (an explicit service choice in the same call wins for that service). A call
 * that does not name it leaves it as it was, except that it becomes granted
 * once every one of its services is, and stops being granted when the call
 * withdraws one of its services (the category is no longer granted as a
 * whole). A decision identical to the current one is a no-op: nothing is
 * written and no `change` fires.
 */
const decide = (call: string, choices: Choices | boolean, method: Method, optOut?: OptOut, sensitive?: boolean): void => {
  const config = configFor(call)
  const ask = (id: string) => (typeof choices == 'boolean' ? choices : choices[id])
  const snap = $snapshot.get()
  // A GPC visitor where GPC counts is opted out whatever is clicked: no path grants sale or
  // sharing while the browser sends it (CCPA regs §7025(b); privacy-signals §9 items 1–2).
  const gpc = $gpc.get() && (config.mode == 'opt-out' || config.gpcEverywhere)
  const categories = { ...snap.categories }
  const services = { ...snap.services }
  let optedIn: boolean | undefined
  for (const c of config.categories) {
    const asked = ask(c.id)
    // GPC refuses the categories that carry the sale/sharing right, and every service in them.
    const off = gpc && c.optOut
    // Not named, the category keeps its grant unless one of its services is withdrawn, and is granted once all are.
    let was = categories[c.id]!
    let all = c.services.length > 0
    for (const s of c.services) {
      const on = c.necessary || (!off && (ask(s.id) ?? asked ?? services[s.id]!))
      if (!on) (all = false), (was &&= !services[s.id])
      services[s.id] = on
    }
    categories[c.id] = c.necessary || (!off && (asked ?? (was || all)))
    // Granting, by name, a category that carries the US sale/sharing right opts the visitor back in
    // (GPC, below, still wins); a grant of its services, even of all of them, does not: a video is not a sale.
    optedIn ||= asked && c.optOut
  }
  let opts = optOut ?? (optedIn ? optOuts(false, snap.optOut.sensitive) : snap.optOut)
  if (sensitive != null) opts = { ...opts, sensitive }
  if (gpc) opts = { ...opts, sale: true, sharing: true, targetedAds: true }
  const prev = $consent.get().record
  if (!snap.decided || JSON.stringify([categories, services, opts]) != JSON.stringify([snap.categories, snap.services, snap.optOut])) {
    const now = env.now()
    $consent.set({
      record: {
        id: prev?.id ?? uuid(),
        createdAt: prev?.createdAt ?? now,
        updatedAt: now,
        revision: config.revision,
        categories,
        services,
        method,
        mode: config.mode,
        jurisdiction: config.jurisdiction,
        gpc: $gpc.get(),
        optOut: { ...opts },
      },
      origin: 'local',
    })
  }
  $ui.set('hidden')
}

/**
 * Grants every category and service, and clears US opt-outs.
 * @example Consentry.acceptAll()
 */
export const acceptAll = (method: Method = 'api'): void => decide('acceptAll', true, method, optOuts(false))

/**
 * Refuses every non-necessary category and service (which also opts out of sale and sharing).
 * @example Consentry.rejectAll()
 */
export const rejectAll = (method: Method = 'api'): void => decide('rejectAll', false, method, optOuts(true))

/**
 * Decides some categories or services; the rest keep their value. Throws a
 * {@link ConsentryError} for an unknown id or a non-boolean value.
 * @example Consentry.set({ analytics: true, posthog: false })
 */
export const set = (choices: Choices, method: Method = 'api'): void => {
  const config = configFor('set')
  if (typeof choices != 'object' || !choices) throw new ConsentryError('invalid-choice', 'expected an object')
  for (const id in choices) {
    if (!config.ids.has(id)) throw new ConsentryError('unknown-id', id)
    if (typeof choices[id] != 'boolean') throw new ConsentryError('invalid-choice', `"${id}" must be true or false`)
  }
  decide('set', choices, method)
}

/**
 * US: opts out of sale, sharing and targeted advertising ("Do Not Sell or Share
 * My Personal Information", CCPA §1798.120) and refuses every category marked `optOut`.
 * @example Consentry.optOut()
 */
export const optOut = (method: Method = 'api'): void => decide('optOut', refusals('optOut'), method, optOuts(true, $snapshot.get().optOut.sensitive))

/**
 * The preferences centre's Save: the switches and the two US opt-out switches as
 * one decision, so the visitor's one click makes one record, one change event
 * and one proof-of-consent sync. A newly ticked "Do Not Sell or Share" acts as
 * `optOut()` does, and while it is on nothing saved with it opts back in; the
 * sensitive-data switch as `limitSensitive()`. Not public:
 * the API offers those three calls.
 */
export const savePreferences = (choices: Choices, method: Method, us: { sale: boolean; sensitive: boolean }): void => {
  const sale = us.sale && !$snapshot.get().optOut.sale
  // While the switch shows "Do Not Sell or Share" on, it stays on: no category switched on with it opts back in.
  decide('set', sale ? { ...choices, ...refusals('set') } : choices, method, us.sale ? optOuts(true, us.sensitive) : undefined, us.sensitive)
}

/**
 * US: "Limit the Use of My Sensitive Personal Information" (CCPA §1798.121),
 * or lifts the limit with `false`. Separate from `optOut()`, as GPC is (§7025).
 * @example Consentry.limitSensitive()
 */
export const limitSensitive = (on = true, method: Method = 'api'): void => {
  configFor('limitSensitive')
  decide('limitSensitive', {}, method, { ...$snapshot.get().optOut, sensitive: on })
}

/**
 * Forgets the decision (cookie and localStorage) and asks again.
 * @example Consentry.reset()
 */
export const reset = (): void => {
  const config = configFor('reset')
  $consent.set({ record: null, origin: 'local' })
  // As at start-up: where no notice is shown (`none`), none is shown after a reset either.
  if (config.notice) $ui.set('banner')
}
