/** vanilla-cookieconsent's `guiOptions` and `disablePageInteraction` → Consentry's `ui.layout`, `position`, `backdrop`. */
import type { Position, UiConfig } from '../config/types.js'
import { isObject, unknownKeys, type Warn } from './util.js'

const MODAL_KEYS = ['layout', 'position', 'flipButtons', 'equalWeightButtons']

/**
 * vanilla-cookieconsent's default is a box at the bottom right, Consentry's a
 * bar at the bottom: the converted config says box, so the site keeps its look.
 */
export const mapGui = (gui: unknown, disablePageInteraction: unknown, warn: Warn): Pick<UiConfig, 'layout' | 'position' | 'backdrop'> => {
  const g = isObject(gui) ? gui : {}
  if (gui !== undefined && !isObject(gui)) warn('guiOptions', 'not an object; skipped')
  unknownKeys(g, ['consentModal', 'preferencesModal'], 'guiOptions', warn)
  const cm = isObject(g.consentModal) ? g.consentModal : {}
  unknownKeys(cm, MODAL_KEYS, 'guiOptions.consentModal', warn)
  const layoutText = typeof cm.layout == 'string' ? cm.layout : 'box'
  const positionText = typeof cm.position == 'string' ? cm.position : layoutText.startsWith('bar') ? 'bottom' : 'bottom right'
  const [kind = 'box', variant] = layoutText.trim().split(/\s+/)
  const words = positionText.trim().split(/\s+/)
  const vertical = words.find((w) => ['top', 'middle', 'bottom'].includes(w)) ?? 'bottom'
  const horizontal = words.find((w) => ['left', 'center', 'right'].includes(w))
  const say = (key: string, message: string) => warn(`guiOptions.consentModal.${key}`, message)

  if (!['box', 'cloud', 'bar'].includes(kind)) say('layout', `unknown layout ${JSON.stringify(layoutText)}; Consentry's box is used`)
  if (variant) say('layout', `"${variant}" has no equivalent: Consentry's ${kind == 'bar' ? 'bar spans the page' : 'box has one width'}`)
  let out: Pick<UiConfig, 'layout' | 'position' | 'backdrop'>
  if (vertical == 'middle' && kind != 'bar') {
    // A centred dialog; vanilla-cookieconsent dims the page only with disablePageInteraction.
    out = { layout: 'modal', position: 'center', backdrop: disablePageInteraction === true }
    if (horizontal && horizontal != 'center') say('position', `"${positionText}": Consentry centres its modal`)
  } else if (kind == 'bar' || kind == 'cloud') {
    if (kind == 'cloud') say('layout', "cloud has no equivalent: it becomes a bar (layout 'bar'); layout 'box' is the smaller alternative")
    if (vertical == 'middle') say('position', `"${positionText}": a bar sits at the top or the bottom; bottom used`)
    out = { layout: 'bar', position: vertical == 'top' ? 'top' : 'bottom' }
  } else {
    const side = horizontal == 'left' ? 'left' : 'right'
    if (horizontal != 'left' && horizontal != 'right' && cm.position !== undefined) say('position', `"${positionText}": Consentry's box sits in a corner; ${vertical}-right used`)
    out = { layout: 'box', position: `${vertical as 'top' | 'bottom'}-${side}` as Position }
  }
  if (disablePageInteraction === true && out.layout != 'modal')
    warn('disablePageInteraction', "Consentry dims and blocks the page only for a centred banner: ui: { layout: 'modal', backdrop: true }; a bar or a box leaves the page usable")
  else if (disablePageInteraction !== undefined && disablePageInteraction !== true && disablePageInteraction !== false)
    warn('disablePageInteraction', 'not true or false; not carried over')
  if (cm.flipButtons === true) say('flipButtons', 'no equivalent: Consentry puts Reject all and Accept all side by side in a fixed order')
  if (cm.equalWeightButtons === false) say('equalWeightButtons', 'no equivalent: Consentry always gives Reject all and Accept all the same weight (EDPB 03/2022, CNIL)')

  const pm = isObject(g.preferencesModal) ? g.preferencesModal : {}
  unknownKeys(pm, MODAL_KEYS, 'guiOptions.preferencesModal', warn)
  if ((pm.layout !== undefined && pm.layout != 'box') || pm.position !== undefined)
    warn('guiOptions.preferencesModal', `layout ${JSON.stringify(pm.layout ?? 'box')}${pm.position ? ` at ${JSON.stringify(pm.position)}` : ''} has no equivalent: Consentry's preferences centre is one centred dialog`)
  if (pm.flipButtons === true) warn('guiOptions.preferencesModal.flipButtons', 'no equivalent: the buttons have a fixed order')
  if (pm.equalWeightButtons === false) warn('guiOptions.preferencesModal.equalWeightButtons', 'no equivalent: Reject all and Accept all always have the same weight')
  return out
}
