/**
 * What the UI fit suites (ui-fit-*.test.ts) share: the languages, and how a
 * layer's buttons are measured and judged.
 */
import * as i18n from '../../src/ui/i18n/index.js'
import type { Tab } from './driver.js'

export const LANGUAGES = Object.keys(i18n) as (keyof typeof i18n)[]

/** What a visitor sees of one button: its action, how many lines its label takes, and its box. */
export interface ButtonFit {
  action: string
  lines: number
  x: number
  y: number
  width: number
  height: number
}

export interface LayerFit {
  height: number
  arrangement: string
  /** The group's content width, the room its buttons share. */
  room: number
  buttons: ButtonFit[]
}

/** What {@link measureLayer} waits for before it measures. */
export interface When {
  /** The layer's `lang`: the page's language is in (the script tag fetches it, then builds the UI). */
  lang?: string
  /** The window's size after a resize: the resize event has been handled, so the buttons are arranged for it. */
  size?: { width: number; height: number }
}

/**
 * A layer's height and its buttons (`layer`: `[part=banner]` or `[part=preferences]`), once it is laid out for the
 * window as it is: in `when.lang`, after `when.size`'s resize has been handled, its buttons arranged (no `fit` left,
 * src/ui/fit.ts) and the UI's entrance animations over. A label's lines are counted as the lead's script did: the
 * distinct tops of the line boxes a Range over its text has.
 *
 * The waiting is done in the page, in the same call as the measuring: one protocol round trip where a
 * waitForFunction, two evaluates and the measurement took five (each ~35 ms in Firefox over BiDi, and a
 * waitForFunction polls every 50 ms), for every language, layout and size the fit suites visit.
 */
export const measureLayer = (page: Tab, layer: string, when: When = {}): Promise<LayerFit> =>
  page.evaluate(
    async ({ sel, lang, size }) => {
      const frame = () => new Promise(requestAnimationFrame)
      // The element timeout the waitForFunctions had; failing with what is missing rather than a bare timeout.
      const until = async (what: string, ok: () => unknown) => {
        for (const end = Date.now() + 10_000; !ok(); await frame()) if (Date.now() > end) throw new Error(`${sel}: no ${what} after 10 s`)
      }
      const root = () => document.querySelector('[data-consentry]')?.shadowRoot
      if (size) {
        await until(`${size.width} × ${size.height} window`, () => innerWidth == size.width && innerHeight == size.height)
        // The resize event runs before the frame's animation callbacks: after two frames it has been handled, and a
        // group it measures again is `fit` until its ResizeObserver has arranged it.
        await frame()
        await frame()
      }
      await until(`layer${lang ? ` in ${lang}` : ''} with its buttons arranged`, () => {
        const el = root()?.querySelector(sel)
        return el && (!lang || el.getAttribute('lang') == lang) && el.querySelector('[part=buttons]') && !el.querySelector('.fit')
      })
      await Promise.all(root()!.getAnimations().map((a) => a.finished))
      const el = root()!.querySelector(sel)!
      const group = el.querySelector('[part=buttons]')!
      return {
        height: el.getBoundingClientRect().height,
        arrangement: group.className,
        room: group.clientWidth - parseFloat(getComputedStyle(group).paddingLeft) - parseFloat(getComputedStyle(group).paddingRight),
        buttons: [...group.querySelectorAll('button')].map((b) => {
          const range = document.createRange()
          range.selectNodeContents(b)
          const r = b.getBoundingClientRect()
          return {
            action: b.getAttribute('data-consentry-action')!,
            lines: new Set([...range.getClientRects()].map((l) => Math.round(l.top))).size,
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
          }
        }),
      }
    },
    { sel: layer, lang: when.lang, size: when.size },
  )

/**
 * The rules for a group of buttons, as a list of what breaks them (empty: all kept): every label on one
 * line; buttons in one row the same height; a button alone in its row as wide as the group; Reject all and
 * Accept all the same width and height.
 */
export const broken = (fit: LayerFit, pair: [string, string]): string[] => {
  const problems: string[] = []
  for (const b of fit.buttons) if (b.lines != 1) problems.push(`${b.action} wraps (${b.lines} lines)`)
  const rows = new Map<number, ButtonFit[]>()
  for (const b of fit.buttons) rows.set(Math.round(b.y), [...(rows.get(Math.round(b.y)) ?? []), b])
  for (const row of rows.values()) {
    if (row.length == 1 && Math.abs(row[0]!.width - fit.room) > 1) problems.push(`${row[0]!.action} alone at ${row[0]!.width} of ${fit.room} px`)
    if (Math.max(...row.map((b) => b.height)) - Math.min(...row.map((b) => b.height)) > 0.5) problems.push(`row of ${row.map((b) => b.action)} in two heights`)
  }
  const [a, b] = pair.map((action) => fit.buttons.find((x) => x.action == action)!)
  // Equal grid columns can differ by Chromium's layout unit, 1/64 px, when the room does not divide evenly.
  if (Math.abs(a!.width - b!.width) > 1 / 32 || Math.abs(a!.height - b!.height) > 1 / 32) problems.push(`${pair} differ: ${a!.width}×${a!.height}, ${b!.width}×${b!.height}`)
  return problems
}
