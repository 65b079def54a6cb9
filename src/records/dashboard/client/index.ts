/**
 * The dashboard's script (bundled with uPlot by scripts/dashboard-assets.mjs):
 * reads the page's numbers from its JSON block and draws the charts into their
 * places, as wide as their column, again when the column or the colour scheme
 * changes. The tables under the charts are the page's own HTML and hold the
 * same numbers; this script only draws.
 */
import uPlot from 'uplot'
import { categoricalChart, dayChart, type Theme } from './charts.js'
import type { ClientData } from './types.js'

const theme = (): Theme => {
  const css = getComputedStyle(document.body)
  const v = (name: string) => css.getPropertyValue(name).trim()
  return { axis: v('--fg-muted'), grid: v('--grid'), series: [1, 2, 3, 4, 5, 6].map((i) => v(`--series-${i}`)) }
}

const read = (): ClientData | null => {
  const text = document.getElementById('dashboard-data')?.textContent
  try {
    return text ? (JSON.parse(text) as ClientData) : null
  } catch {
    return null
  }
}

const draw = (data: ClientData) => {
  const charts: uPlot[] = []
  const build = () => {
    for (const c of charts.splice(0)) c.destroy()
    const t = theme()
    for (const el of document.querySelectorAll<HTMLElement>('[data-chart]')) {
      const name = el.dataset['chart']!
      const width = el.clientWidth
      const chart =
        name == 'region' || name == 'method' ? categoricalChart(data[name], name, t, width) : dayChart(name, data, t, width)
      if (chart) {
        const u = new uPlot(chart.options, chart.data, el)
        charts.push(u)
      }
    }
  }
  build()
  // As wide as the column: on a phone, on a resized window, in either orientation.
  const resize = new ResizeObserver(() => {
    for (const u of charts) {
      const width = (u.root.parentElement as HTMLElement).clientWidth
      if (width && width != u.width) u.setSize({ width, height: u.height })
    }
  })
  for (const el of document.querySelectorAll('[data-chart]')) resize.observe(el)
  // Canvas colours come from the CSS variables: draw again when the scheme changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', build)
}

const data = read()
if (data) draw(data)
