/** The preferences centre's state: its context with every text filled in, and the switches before Save. */
import type { Translation } from '../i18n/types.js'
import type { PreferencesContext } from './types.js'

/** The context with every text filled in: English for whatever the first layer did not carry. */
export type Ctx = Omit<PreferencesContext, 'text'> & { text: Translation }

/** The switches as the visitor is setting them, before Save. */
export interface Draft {
  categories: Record<string, boolean>
  services: Record<string, boolean>
  /** US: "Do Not Sell or Share" and "Limit the Use of My Sensitive Personal Information", on = opted out. */
  sale: boolean
  sensitive: boolean
}

/**
 * Switches start from the decision in force; after a policy change, from the
 * previous (stale) decision; otherwise from what is granted before any choice,
 * which in opt-in mode is nothing non-essential (no pre-ticked boxes: CJEU C-673/17),
 * but in the UK what PECR exempts from consent (`ukExemption`), on until objected to.
 */
export const initialDraft = (ctx: Ctx): Draft => {
  const s = ctx.snapshot()
  const from = s.decided ? s : (ctx.previous() ?? s)
  return { categories: { ...from.categories }, services: { ...from.services }, sale: s.optOut.sale, sensitive: s.optOut.sensitive }
}

/** Save: the choices and the US opt-outs, one decision. */
export const save = (ctx: Ctx, draft: Draft) =>
  ctx.savePreferences({ ...draft.categories, ...draft.services }, 'preferences', { sale: draft.sale, sensitive: draft.sensitive })
