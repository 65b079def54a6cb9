/**
 * The browser facts the engine reads, looked up when called (never at import
 * time), and replaceable so tests pass fakes instead of patching globals.
 */
export const env = {
  /** `window.localStorage`, or null where reading it throws (cookies blocked, sandboxed frames). */
  localStorage: (): Storage | null => {
    try {
      return globalThis.localStorage ?? null
    } catch {
      return null
    }
  },
  /** `window.sessionStorage`, or null where reading it throws. */
  sessionStorage: (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null
    } catch {
      return null
    }
  },
  /**
   * A `BroadcastChannel` named `name` (HTML §9.6), or null where there is none (Safari before 15.4)
   * or it cannot be opened.
   */
  channel: (name: string): BroadcastChannel | null => {
    try {
      // (Where there is none, the ReferenceError lands in the catch.)
      const channel = new BroadcastChannel(name) as BroadcastChannel & { unref?(): void }
      // Node has one too (a page's code run there under happy-dom or jsdom): unref'd, an open channel does not
      // keep the process from exiting.
      channel.unref?.()
      return channel
    } catch {
      return null
    }
  },
  now: (): number => Date.now(),
  /**
   * Whether the page is being read by a crawler or driven by automation, for `hideFromBots`: a browser under
   * WebDriver control says so (`navigator.webdriver`, WebDriver §4.1), and crawlers name themselves in their user
   * agent, by a product token (`Googlebot/2.1`, `bingbot/2.0`, `Baiduspider/2.0`, `DuckDuckBot-Https/1.1`) or a page about them (`+http://…`).
   * A product token, not any "bot" in the string: a phone maker's model name can hold one (`CUBOT`).
   */
  bot: (): boolean =>
    typeof navigator !== 'undefined' &&
    (navigator.webdriver === true || /(?:bot|crawler|spider)[\w-]*\/|slurp|externalhit|googleother|inspectiontool|\+https?:\/\//i.test(navigator.userAgent)),
  /** GPC spec §3: the signal is present only when the property is strictly `true`. */
  gpc: (): boolean =>
    typeof navigator !== 'undefined' && (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true,
}

/** The part of `env` a test may replace. */
export type Env = typeof env

const defaults = { ...env }

/** Test seam: replace some of `env`; `useEnv()` with no argument restores the defaults. */
export const useEnv = (overrides: Partial<Env> = defaults): void => {
  Object.assign(env, overrides)
}
