import { ConsentryError, warnOnce } from '../errors/index.js'
import { $config, $snapshot, $ui, type Snapshot } from '../store/index.js'

/**
 * The current consent, frozen.
 * @example if (Consentry.get().decided) hideMyOwnNotice()
 */
export const get = (): Snapshot => $snapshot.get()

const known = (id: string): boolean => !!$config.get()?.ids.has(id)

/** Whether `s` grants the category or service `id`. */
export const granted = (s: Snapshot, id: string): boolean =>
  // `=== true` so inherited names such as "constructor" never count.
  s.categories[id] === true || s.services[id] === true

/**
 * True only if the category, or the service, with this id is granted now.
 * Never throws; an id the config does not know is false (and, in development, warned once).
 * @example if (Consentry.has('analytics')) track('signup')
 */
export const has = (id: string): boolean => {
  if (process.env.NODE_ENV !== 'production' && $config.get() && !known(id)) warnOnce('unknown-id', String(id))
  return granted(get(), id)
}

/**
 * Resolves once `id` is granted: at once if it already is, later when the
 * visitor agrees (in this tab or another). Rejects with a {@link ConsentryError}
 * for an id the config does not know.
 * @example await Consentry.whenGranted('marketing'); loadPixel()
 */
export const whenGranted = (id: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const unbind = $snapshot.subscribe((s) => {
      if (!$config.get()) return
      if (!known(id)) reject(new ConsentryError('unknown-id', String(id)))
      else if (!granted(s, id)) return
      else resolve()
      // subscribe() calls back before returning: unbind on the next tick in that case.
      queueMicrotask(() => unbind())
    })
  })

/** Shows the banner (first layer). @example Consentry.show() */
export const show = (): void => $ui.set('banner')
/** Opens the preferences centre. @example Consentry.showPreferences() */
export const showPreferences = (): void => $ui.set('preferences')
/** Closes whatever part of the UI is open, without deciding anything. @example Consentry.hide() */
export const hide = (): void => $ui.set('hidden')
