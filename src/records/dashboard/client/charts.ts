/**
 * uPlot options and data for each chart. Days are UTC and every day of the
 * range is on the axis (a day without records is a gap in a rate, a zero in a
 * count); regions and methods are categories along x, their outcomes stacked
 * to 100 %.
 */
import uPlot from 'uplot'
import type { ClientData, ClientRow } from './types.js'

export interface Theme {
  axis: string
  grid: string
  series: string[]
}
export interface Chart {
  options: uPlot.Options
  data: uPlot.AlignedData
}

const DAY = 86_400
const HEIGHT = 220
const pct = (v: number | null | undefined) => (v == null ? '–' : `${v.toFixed(1)} %`)

const axes = (t: Theme, y: Partial<uPlot.Axis> = {}): uPlot.Axis[] => [
  { stroke: t.axis, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } },
  { stroke: t.axis, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 }, size: 60, ...y },
]

/** Every day of the range, as Unix seconds at midnight UTC. */
const days = (range: ClientData['range']): number[] => {
  const out: number[] = []
  for (let t = Date.parse(`${range.from}T00:00:00Z`) / 1000, end = Date.parse(`${range.to}T00:00:00Z`) / 1000; t <= end; t += DAY) out.push(t)
  return out
}
const dayKey = (t: number) => new Date(t * 1000).toISOString().slice(0, 10)

const base = (t: Theme, width: number, xs: number[]): Omit<uPlot.Options, 'series'> => ({
  width,
  height: HEIGHT,
  // Days are UTC, as the stats count them, whatever the viewer's time zone.
  tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
  scales: { x: { time: true, range: [xs[0]! - DAY / 2, xs[xs.length - 1]! + DAY / 2] } },
  axes: axes(t),
  cursor: { drag: { x: false, y: false } },
})

/** `consent-rate`, `records` or `gpc-share`: one point per day of the range. */
export const dayChart = (name: string, data: ClientData, t: Theme, width: number): Chart | null => {
  const xs = days(data.range)
  if (!xs.length) return null
  const byDay = new Map(data.day.map((r) => [r.key, r]))
  const row = (x: number) => byDay.get(dayKey(x))
  const opts = base(t, width, xs)
  const x: uPlot.Series = { label: 'Day', value: (_, v) => (v == null ? '–' : dayKey(v)) }
  if (name == 'records') {
    const bars = uPlot.paths.bars!({ size: [0.7, 40] })
    return {
      // Counts start at zero, not at the lowest day.
      options: { ...opts, scales: { ...opts.scales, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } }, series: [x, { label: 'Records', stroke: t.series[0], fill: t.series[0], paths: bars, points: { show: false } }] },
      data: [xs, xs.map((d) => row(d)?.records ?? 0)],
    }
  }
  const percentAxis = axes(t, { values: (_, splits) => splits.map((v) => `${v} %`) })
  const scales = { ...opts.scales, y: { range: [0, 100] as [number, number] } }
  if (name == 'gpc-share')
    return {
      options: { ...opts, axes: percentAxis, scales, series: [x, { label: 'GPC share', stroke: t.series[3], width: 2, value: (_, v) => pct(v), spanGaps: false }] },
      data: [xs, xs.map((d) => { const r = row(d); return r ? r.gpcShare * 100 : null })],
    }
  const categories = [...new Set(data.day.flatMap((r) => Object.keys(r.consentRate)))].sort()
  return {
    options: {
      ...opts,
      axes: percentAxis,
      scales,
      series: [x, ...categories.map((c, i) => ({ label: c, stroke: t.series[i % t.series.length], width: 2, value: (_: uPlot, v: number | null) => pct(v) }))],
    },
    data: [xs, ...categories.map((c) => xs.map((d) => { const v = row(d)?.consentRate[c]; return v == null ? null : v * 100 }))],
  }
}

const OUTCOMES = [
  ['acceptAll', 'Accept all'],
  ['custom', 'Custom'],
  ['optOut', 'Opt-out'],
  ['rejectAll', 'Reject all'],
  ['gpc', 'GPC'],
] as const

/** `region` or `method`: each bucket's outcomes as shares of its records, stacked. */
export const categoricalChart = (rows: ClientRow[], name: string, t: Theme, width: number): Chart | null => {
  if (!rows.length) return null
  const labels = rows.map((r) => (name == 'region' && r.key == '' ? 'unknown' : r.key))
  const xs = rows.map((_, i) => i)
  const shares = OUTCOMES.map(([k]) => rows.map((r) => (r.records ? (r.outcomes[k] / r.records) * 100 : 0)))
  // Stacked: each series is drawn up to the sum of itself and those before it; the last drawn is the first outcome.
  const stacked = shares.map((_, i) => xs.map((j) => shares.slice(0, i + 1).reduce((n, s) => n + s[j]!, 0)))
  const bars = uPlot.paths.bars!({ size: [0.6, 64] })
  const order = OUTCOMES.map((_, i) => i).reverse()
  return {
    options: {
      width,
      height: HEIGHT,
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: { range: [0, 100] } },
      axes: [
        { stroke: t.axis, grid: { show: false }, ticks: { stroke: t.grid, width: 1 }, splits: () => xs, values: (_, splits) => splits.map((i) => labels[i] ?? '') },
        axes(t, { values: (_, splits) => splits.map((v) => `${v} %`) })[1]!,
      ],
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: name == 'region' ? 'Region' : 'Method', value: (_, i) => (i == null ? '–' : (labels[i] ?? '')) },
        ...order.map((i) => ({
          label: OUTCOMES[i]![1],
          stroke: t.series[i],
          fill: t.series[i],
          paths: bars,
          points: { show: false },
          // The legend shows the outcome's own share, not the stacked height.
          value: (_: uPlot, _v: number | null, _s: number, idx: number | null) => (idx == null ? '–' : pct(shares[i]![idx])),
        })),
      ],
    },
    data: [xs, ...order.map((i) => stacked[i]!)],
  }
}
