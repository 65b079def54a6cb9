/**
 * The preferences centre shown inline, in the page itself: a privacy or cookie
 * policy page's "Cookie settings" section (Klaro's `embedded` mode, OneTrust's
 * cookie-settings section), or a US "Your Privacy Choices" page with its "Do Not
 * Sell or Share" switch. Markup: `<div data-consentry-preferences></div>`, found
 * once the document has been parsed; a single-page app whose route renders
 * such an element later calls {@link embedPreferences} for it.
 */
import { atom } from 'nanostores'
import { ConsentryError } from '../errors/index.js'

/** The markup that asks for the preferences inline. */
export const EMBED = '[data-consentry-preferences]'

/** The page's elements that show the preferences inline, in the order they were asked for. */
export const $embedded = atom<readonly Element[]>([])

/**
 * Shows the preferences centre inside `element`, as a section of the page rather
 * than a dialog: the same switches, services and cookie tables, Reject all,
 * Accept all and Save, following the decision in force (made in the banner, a
 * dialog or another tab). Returns a function that removes it.
 * @example
 * const remove = Consentry.embedPreferences(document.querySelector('#cookie-settings'))
 */
export const embedPreferences = (element: Element): (() => void) => {
  // A selector that matched nothing (null) is the usual mistake: the one typed error, naming the call. Its text lives
  // here, not in the errors' table, which every entry carries (the headless engine, the server, the signals).
  if (!(element instanceof Element)) throw new ConsentryError('invalid-config', `embedPreferences(): ${element} is not an element`)
  if (!$embedded.get().includes(element)) $embedded.set([...$embedded.get(), element])
  return () => $embedded.set($embedded.get().filter((e) => e != element))
}

/** Adds the page's `data-consentry-preferences` elements, once it has been parsed. */
export const findEmbeds = (): void => {
  const find = () => document.querySelectorAll(EMBED).forEach(embedPreferences)
  if (document.readyState == 'loading') addEventListener('DOMContentLoaded', find, { once: true })
  else find()
}
