/**
 * The one seam for add-ons (as preact's `options`): strict mode's network
 * guard, the US signals, the destinations and the UI's extras are plugins. A plugin brings the
 * config fields it reads, checked in `init`'s one pass, and is started with the
 * engine — its config, stores and actions — once `init` has run (at once when
 * it already has). It returns what stops it. The engine is handed in, not
 * imported, so a plugin loaded as its own file (the script tag's
 * `consentry-signals.mjs`, `consentry-destinations.min.js`) drives the page's
 * one engine, not a copy of it; and a new add-on needs no engine change.
 */
import type { ReadableAtom, WritableAtom } from 'nanostores'
import type { ResolvedConfig, Service } from '../config/types.js'
import type { ConfigParts } from '../config/rules.js'
import { $config, $snapshot, $ui, type Snapshot, type UiView } from '../store/index.js'

/**
 * What a plugin is started with: the config in force and the engine's stores.
 * Its actions are the page's API (`window.Consentry`, or the imports of
 * `consentry`), as any other code calls them.
 */
export interface Engine {
  config: ResolvedConfig
  $snapshot: ReadableAtom<Snapshot>
  /** What the UI shows; a plugin may also open it (`$ui.set('preferences')`). */
  $ui: WritableAtom<UiView>
}

/**
 * An add-on. `config` checks the config fields it owns in `init`'s pass (so
 * `use` it before `init`); `start` runs once per `init` and returns what stops
 * it; `parked` hears each element that blocking parks (its URL belongs to a
 * service without consent).
 * @example
 * use({ name: 'log', start: (engine) => engine.$snapshot.listen((s) => console.log(s.categories)) })
 */
export interface Plugin {
  name: string
  config?: ConfigParts
  start?(engine: Engine): (() => void) | void
  parked?(el: Element, url: string, service: Service): void
}

type Entry = { plugin: Plugin; stop?: (() => void) | void }
const entries: Entry[] = []

const begin = (e: Entry, config: ResolvedConfig) => {
  try {
    e.stop = e.plugin.start?.({ config, $snapshot, $ui })
  } catch (err) {
    // One add-on failing leaves the others, and the page, running.
    console.error(err)
  }
}

/**
 * Plugs an add-on in (once: the same plugin again is ignored). Returns a
 * function that stops and removes it.
 * @example
 * import { use, init } from 'consentry'
 * import { strictBlocking } from 'consentry/strict'
 * use(strictBlocking)
 * await init({ categories, blocking: 'strict' })
 */
export const use = (plugin: Plugin): (() => void) => {
  const entry: Entry = { plugin }
  const config = $config.get()
  if (!entries.some((e) => e.plugin == plugin)) entries.push(entry), config && begin(entry, config)
  return () => {
    const i = entries.indexOf(entry)
    if (i >= 0) entries.splice(i, 1), entry.stop?.()
  }
}

/** The config fields the plugins read, for `init`'s one pass. */
export const pluginParts = (): ConfigParts => Object.assign({}, ...entries.map((e) => e.plugin.config))

/** Starts every plugin for a new `init` (called by it, before `ready`). */
export const startPlugins = (config: ResolvedConfig): void => entries.forEach((e) => begin(e, config))

/** Tells the plugins blocking parked an element. */
export const parked = (el: Element, url: string, service: Service): void => entries.forEach((e) => e.plugin.parked?.(el, url, service))

/** Test seam: stop and remove every plugin. */
export const resetPlugins = (): void => {
  entries.forEach((e) => e.stop?.())
  entries.length = 0
}
