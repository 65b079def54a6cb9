// The consumer behind a browser, when your site knows them (a signed-in account). A US opt-out made in a browser, or
// sent as Global Privacy Control, covers "that browser or device and any consumer profile associated with that
// browser or device" and, "if known, the consumer" (CCPA regs §7025(c)(1); Colorado Rule 5.08 alike): the account on
// every device, and every audience upload of it. Consentry knows the browser (its consent id); your site knows the
// account. docs/forwarding.md shows this file; test/dist/forwarding.test.ts type-checks it and runs it.
import { readConsent, readGpc, regionFromHeaders, type ConsentEvent, type ConsentryConfig, type Snapshot } from 'consentry/server'

/** What your database keeps: consent ids linked to accounts, and the accounts that opted out. */
export interface Accounts {
  link(consentId: string, account: string): Promise<void>
  linkedTo(consentId: string): Promise<string[]>
  /** Out of every sale, sharing and audience upload, on every device, from now on. */
  optOut(account: string): Promise<void>
}

/** A US opt-out of sale or sharing: recorded in the browser, or sent now as GPC, where the mode is the US one. */
export const optedOut = (s: Pick<Snapshot, 'mode' | 'optOut' | 'gpc'>): boolean => s.mode == 'opt-out' && (s.optOut.sale || s.optOut.sharing || s.gpc)

/**
 * On every signed-in request (a middleware): links this browser's consent id to the account, and applies to the
 * account an opt-out made in this browser or sent as GPC with this request, with or without a decision stored.
 */
export const onSignedIn = async (request: Request, account: string, accounts: Accounts, config: ConsentryConfig): Promise<Snapshot> => {
  const region = regionFromHeaders(request.headers)
  const consent = readConsent(request.headers.get('cookie'), { ...config, region }, { gpc: readGpc(request.headers.get('sec-gpc')) })
  if (consent.id) await accounts.link(consent.id, account)
  if (optedOut(consent)) await accounts.optOut(account)
  return consent
}

/**
 * In the webhook receiver (receiver.ts), once the delivery is verified: an opt-out made in a browser reaches every
 * account linked to it. Only ever towards the opt-out: a banner in another browser does not lift an account's
 * opt-out; the consumer does, on their account, and you may ask them no sooner than 12 months later (CCPA
 * §1798.135(c)(4)).
 */
export const onConsentChanged = async (event: ConsentEvent, accounts: Accounts): Promise<void> => {
  if (!optedOut(event.record)) return
  for (const account of await accounts.linkedTo(event.consentId)) await accounts.optOut(account)
}
