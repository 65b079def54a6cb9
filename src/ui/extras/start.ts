import type { UiLink } from '../link.js'
import type { Plugin } from '../../plugins/index.js'
import { trapTab } from '../focus.js'
import { en } from '../i18n/en.js'
import type { Translation } from '../i18n/types.js'
import { placeholders } from './embeds.js'
import { FAB_CSS, floatingButton, watchOpeners } from './fab.js'
import { decorateChoiceLinks, notice, NOTICE_CSS } from './us.js'
import { inlinePreferences } from './inline.js'

/** The extras work with the first layer's {@link UiLink}. */
export type ExtrasContext = UiLink

/**
 * Starts whatever of the extras this page uses: the floating button, the
 * modal banner's focus trap, the US opt-out notice, "Your Privacy Choices"
 * links, embed placeholders and the preferences shown inline in the page. Each follows the stores from here on.
 * Returns a function that stops them.
 */
export const startExtras = (ctx: ExtrasContext): (() => void) => {
  const { root, ui, config, $ui, $snapshot } = ctx
  const t: Translation = { ...en, ...ctx.text }
  const stops: (() => void)[] = []
  const follow = (f: () => void) => stops.push($ui.listen(f), $snapshot.listen(f))

  // Withdrawing must be as easy as giving (GDPR Art. 7(3); EDPB cookie banner taskforce, 2023, (H)), and a
  // banner is not the only way to opt out (CCPA regs §7026(a)(4)): once decided, the button is the way back,
  // unless (with 'auto') the page has its own.
  if (ui.floatingButton) {
    ctx.addStyles(FAB_CSS)
    const fab = floatingButton(t)
    let own = false
    const update = () => (fab.hidden = own || $ui.get() != 'hidden' || !$snapshot.get().decided)
    if (ui.floatingButton == 'auto') stops.push(watchOpeners((present) => ((own = present), update())))
    update()
    root.append(fab)
    follow(update)
  }

  if (ui.layout == 'modal') {
    const onKey = (e: Event) => {
      const banner = root.querySelector<HTMLElement>('[part=banner]')
      if ($ui.get() == 'banner' && banner) trapTab(e as KeyboardEvent, banner, root)
    }
    root.addEventListener('keydown', onKey)
    stops.push(() => root.removeEventListener('keydown', onKey))
  }

  if (config.mode == 'opt-out') {
    ctx.addStyles(NOTICE_CSS)
    let box: HTMLElement | undefined
    const update = () => {
      const show = $ui.get() == 'banner'
      if (show && !box)
        root.append(
          (box = notice({
            text: t,
            limitSensitive: config.limitSensitive,
            gpc: $snapshot.get().method == 'gpc',
            optOut: () => ctx.optOut('banner'),
            limit: () => ctx.limitSensitive(true, 'banner'),
            // Closing acknowledges the notice: it is not shown again (a GPC notice is only closed).
            dismiss: () => ($snapshot.get().decided ? $ui.set('hidden') : ctx.set({}, 'banner')),
            announce: ctx.announce,
          })),
        )
      if (box) box.hidden = !show
    }
    update()
    follow(update)
  }

  decorateChoiceLinks(t)
  stops.push(inlinePreferences(ctx))
  stops.push(ctx.$waitingFrames.subscribe((frames) => placeholders(frames, { config, text: t, nonce: ui.nonce, allow: (id) => ctx.set({ [id]: true }, 'embed') })))
  return () => stops.forEach((f) => f())
}

/**
 * The extras as an add-on of the one seam (`use`, plugins/index.ts), for the UI that loaded them: started
 * at once, stopped by what `use` returns (or by the engine's teardown), like strict mode, the signals and
 * the destinations. They work with the first layer's link, which carries the same stores and actions as
 * the engine a plugin is handed, and the shadow root they draw in.
 */
export const extras = (link: UiLink): Plugin => ({ name: 'extras', start: () => startExtras(link) })
