/**
 * A chunk loader that reports a chunk that cannot be loaded (offline, or replaced by a new deploy) once, on the
 * console; the UI falls back (see ui/fallback). Said a moment later, as the script tag does (browser.ts): a load cut
 * short because the visitor is leaving the page (Firefox rejects it) is no missing chunk, and the timers of a page
 * that has been left do not run.
 */
export const reported = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let said = false
  return () =>
    load().catch((e: unknown) => {
      if (!said) setTimeout(() => console.error(e), 2000)
      said = true
      throw e
    })
}
