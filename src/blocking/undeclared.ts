/**
 * A development check for markup that waits for an id the config does not
 * declare (`data-service="youtube"` with no `youtube` service): nothing can
 * grant it, so the element waits for ever and "Accept all" seems broken.
 */
import type { ResolvedConfig } from '../config/types.js'
import { warnOnce } from '../errors/index.js'

/** An element as the page's source shows it: its opening tag, cut short. */
const opening = (el: Element): string => {
  const tag = el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1)
  return tag.length > 160 ? tag.slice(0, 159) + '…' : tag
}

/**
 * Warns once per element and attribute whose `data-consent`, `data-category`
 * or `data-service` names an id the config does not declare: nothing can
 * grant such an id, so the element waits for ever, and "Accept all" seems not
 * to work. Blocking calls it on what waits, in development builds only.
 */
export const warnUndeclared = (config: ResolvedConfig, waiting: readonly Element[]): void => {
  for (const el of waiting)
    for (const name of ['data-consent', 'data-category', 'data-service']) {
      const id = el.getAttribute(name)?.trim().replace(/^!/, '')
      if (id && !config.ids.has(id)) warnOnce('undeclared-id', `${name}="${id}" on ${opening(el)}`)
    }
}
