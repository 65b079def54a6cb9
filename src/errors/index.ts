/**
 * Every message Consentry can throw or warn, keyed by code. One table so the
 * wording stays consistent and so a reader can see every failure mode at once.
 * `%` is replaced by the detail passed with the code.
 */
const MESSAGES = {
  'invalid-config': '%',
  'not-initialised': 'init() first, then %()',
  'unknown-id': 'unknown id "%"',
  'invalid-choice': 'set(): %',
  'unknown-key': 'unknown config key % (ignored)',
  'storage-unavailable': '% unavailable: decision kept for this page view only',
  'init-twice': 'init() again with another config: the first stays in force',
} as const

/** The codes a {@link ConsentryError} (or a one-time warning) can carry. */
export type ConsentryErrorCode = keyof typeof MESSAGES

const format = (code: ConsentryErrorCode, detail: string): string =>
  '[consentry] ' + MESSAGES[code].replace('%', detail)

/**
 * The one error type Consentry throws, and only for a developer's mistake
 * (bad config, a call in the wrong order). Data read from the outside world
 * never throws: it is validated and, when invalid, counts as no consent.
 *
 * @example
 * try { await init({ categories: 'x' }) }
 * catch (e) { if (e instanceof ConsentryError && e.code === 'invalid-config') … }
 */
export class ConsentryError extends Error {
  /** Machine-readable reason, e.g. `'invalid-config'`. */
  readonly code: ConsentryErrorCode
  constructor(code: ConsentryErrorCode, detail = '') {
    super(format(code, detail))
    this.name = 'ConsentryError'
    this.code = code
  }
}

const warned = new Set<string>()

/** Logs a warning the first time a given code + detail is seen in this page view. */
export const warnOnce = (code: ConsentryErrorCode, detail = ''): void => {
  const key = code + detail
  if (warned.has(key)) return
  warned.add(key)
  if (typeof console !== 'undefined') console.warn(format(code, detail))
}

/** Test seam: forget which warnings were already shown. */
export const resetWarnings = (): void => warned.clear()
