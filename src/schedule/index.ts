/**
 * When start-up work that the first paint does not need runs. A consent banner runs on
 * every page view of every visitor, so what can wait, waits: one long task at start-up
 * is what total blocking time and Interaction to Next Paint count against a page.
 */

/**
 * Runs `fn` in a task of its own, soon: the browser may paint and handle input in between
 * (HTML §8.1.7.3, each task ends with a chance to render). A task, not a microtask, which
 * would run before the browser gets the chance.
 */
export const nextTask = (fn: () => void): void => void setTimeout(fn, 0)

/**
 * Runs `fn` once the next frame has painted (a task queued from a requestAnimationFrame
 * callback runs after that frame's paint), or soon in a tab that is not rendering (hidden:
 * no frames come, HTML §8.1.7.3 skips them), and where there is no DOM (a server, a test).
 */
export const afterPaint = (fn: () => void): void => {
  if (typeof requestAnimationFrame != 'function' || typeof document == 'undefined' || document.visibilityState == 'hidden') return nextTask(fn)
  let done = false
  const once = () => done || ((done = true), fn())
  requestAnimationFrame(() => nextTask(once))
  // A tab hidden meanwhile gets no frame: do not wait for one for ever.
  setTimeout(once, 500)
}
