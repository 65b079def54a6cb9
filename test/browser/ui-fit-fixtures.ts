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

/**
 * The first layer's height and its buttons, in the page. A label's lines are counted as the lead's script
 * did: the distinct tops of the line boxes a Range over its text has.
 */
export const measureLayer = (page: Tab, layer: string): Promise<LayerFit> =>
  page.evaluate((sel) => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    const el = root.querySelector(sel)!
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
  }, layer)

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
