/**
 * Lays out a group of three buttons (`.buttons`) so that no label wraps, whatever the
 * language: all three in one row when they fit at one common width; else the
 * first two (Reject all and Accept all, always equal) side by side with the
 * third full width below; else all stacked full width. The group's class says
 * which: `row`, `pair`, or neither (the stylesheets draw them).
 *
 * The choice needs each label's own width, which CSS cannot compare against the
 * room there is (a grid's columns are equal or fit their content, not both). So
 * the group is first laid out as `fit`, labels on one line at their own width, and
 * measured in a ResizeObserver callback: it runs after layout and before paint,
 * so reading sizes forces no extra layout and the visitor never sees the `fit`
 * state. The first time, the layer around it is hidden meanwhile (`first`, the
 * stylesheet's `.layer:has(.first)`): Chromium counts the change made in the
 * callback as a layout shift of whatever was visible in that first layout,
 * though it was never painted (measured: CLS 0.22 for a bar). Not later: a
 * focused button that is hidden, even for a frame, can lose its place in the
 * Tab order. Before changing the class the observer lets go, since a change of
 * the observed box's own size inside its callback would be reported as a
 * "ResizeObserver loop" error on the page (Resize Observer §3.4.6). Returns the
 * function that measures again, for the caller to run when the room or the
 * labels change (a window resize: rotation, zoom; a web font that loads).
 */
export const fit = (group: HTMLElement): (() => void) => {
  // Fractional widths: a label 0.3 px too wide for half the room would widen its column by as much.
  const width = (e: Element) => e.getBoundingClientRect().width
  const observer = new ResizeObserver(() => {
    const room = width(group)
    // Not rendered (hidden behind the preferences): measured when it shows again.
    if (!room) return
    observer.disconnect()
    const gap = parseFloat(getComputedStyle(group).gap)
    const [first, second, third] = [...group.children].map(width) as [number, number, number]
    const pair = Math.max(first, second)
    group.className = 'buttons' + (3 * Math.max(pair, third) + 2 * gap <= room ? ' row' : 2 * pair + gap <= room && third <= room ? ' pair' : '')
  })
  let first = ' first'
  const measure = () => {
    group.className = 'buttons fit' + first
    first = ''
    observer.observe(group)
  }
  measure()
  return measure
}
