/** The Do Not Sell or Share and Limit switches of the preferences centre (US, opt-out mode). */
import { Switch } from './rows.js'
import type { Ctx, Draft } from './draft.js'

/**
 * Opt-out mode (US): the statutory opt-outs as switches, on = opted out, above
 * the categories. "Do Not Sell or Share" switches the categories marked
 * `optOut` with it. While the browser sends GPC, that switch is on and locked,
 * with "Opt-out preference signal honored" beside it (CCPA regs §7025(c)(6)):
 * nothing here asks a GPC visitor to opt back in.
 */
export const OptOuts = ({ draft, setDraft, ctx }: { draft: Draft; setDraft(d: Draft): void; ctx: Ctx }) => {
  const t = ctx.text
  const s = ctx.snapshot()
  const gpc = s.gpc && s.optOut.sale
  const toggleSale = (on: boolean) => {
    const categories = { ...draft.categories }
    const services = { ...draft.services }
    for (const c of ctx.config.categories)
      if (c.optOut) {
        categories[c.id] = !on
        for (const x of c.services) services[x.id] = !on
      }
    setDraft({ ...draft, categories, services, sale: on })
  }
  return (
    <ul class="optouts" part="opt-outs">
      <li class="category">
        <div class="entry">
          <h3 id="consentry-o-sale">{t.doNotSell}</h3>
          <Switch checked={draft.sale || gpc} disabled={gpc} labelledBy="consentry-o-sale" describedBy={gpc ? 'consentry-o-gpc' : undefined} onToggle={toggleSale} />
        </div>
        {gpc && (
          <p id="consentry-o-gpc" class="honored" part="gpc-honored">
            {t.gpcHonored}
          </p>
        )}
      </li>
      {ctx.config.limitSensitive && (
        <li class="category">
          <div class="entry">
            <h3 id="consentry-o-spi">{t.limitSensitive}</h3>
            <Switch checked={draft.sensitive} labelledBy="consentry-o-spi" onToggle={(v) => setDraft({ ...draft, sensitive: v })} />
          </div>
        </li>
      )}
    </ul>
  )
}
