/**
 * Every message Consentry throws, keyed by code, in one table so the wording
 * stays consistent and every failure mode is visible at once. `%` is replaced
 * by the detail passed with the code.
 */
const ERRORS = {
  'invalid-config': '%',
  'not-initialised': 'init() first, then %()',
  'unknown-id': 'unknown id "%"',
  'invalid-choice': 'set(): %',
} as const

/** Warnings a site owner needs in production too: the visitor's decision may not last. */
const NOTICES = {
  'storage-unavailable': '% unavailable: the decision lasts for this page view only',
  'init-twice': 'init() again with another config: the first stays in force',
} as const

/**
 * A notice only `consentry` (an npm bundle) says, so it stands apart from the table: the script tag, which never
 * defers to another copy, does not carry it.
 */
export const OTHER_COPY = 'another copy of Consentry (%) already runs on this page: this one defers to it'

/**
 * Development warnings. Like nanostores, they sit behind
 * `process.env.NODE_ENV !== 'production'`, so production bundles (and
 * `consentry.min.js`) carry neither the checks nor the text; `consentry.js`
 * is the script-tag build that keeps them.
 */
const WARNINGS = {
  'unknown-id': 'unknown id "%": has() is false',
  'loaded-first': 'service % before Consentry started, so nothing could block it: load Consentry before it, first in <head>',
  'undeclared-id':
    '%: the config declares no category or service with this id, so nothing can allow it and it never loads (nor does its placeholder offer to): add it to the config, e.g. as a service of its category, or correct the name',
  'no-way-back':
    'a visitor who has decided has no way back to the choices: add a "Cookie settings" link with data-consentry-open (e.g. in the footer), or leave ui.floatingButton at "auto" (GDPR Art. 7(3): withdrawing as easy as giving)',
  renamed: '%; the old spelling goes in the next release (see CHANGELOG.md)',
} as const

/**
 * Codes thrown only by the Node entry `consentry/records`. Their messages live in
 * that entry's own table (src/records/errors.ts), not in ERRORS, so no browser
 * bundle carries a byte of them.
 */
export type NodeErrorCode = 'missing-package' | 'invalid-record' | 'invalid-query'

/** The codes a {@link ConsentryError} can carry. */
export type ConsentryErrorCode = keyof typeof ERRORS | NodeErrorCode

/**
 * One wrong field of a config: its path (`config.categories[1].id`), what it
 * should be (development builds only) and the value it had.
 */
export interface ConfigProblem {
  path: string
  expected?: string
  got: unknown
}

/** The codes of warnings. */
export type WarningCode = keyof typeof WARNINGS | keyof typeof NOTICES | 'other-copy'

const format = (text: string, detail: string): string => '[consentry] ' + text.replace('%', detail)

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
  /**
   * `'invalid-config'`: every wrong field, in the order docs/config.md lists
   * them (the message says the same, one line each). Empty for other codes.
   */
  readonly problems: readonly ConfigProblem[]
  constructor(code: ConsentryErrorCode, detail = '', problems: readonly ConfigProblem[] = []) {
    super(format(ERRORS[code as keyof typeof ERRORS], detail))
    this.name = 'ConsentryError'
    this.code = code
    this.problems = problems
  }
}

const warned = new Set<string>()

/**
 * Logs a warning the first time a given code + detail is seen in this page
 * view. Development warnings are left out of production builds. `given` is the
 * text of a notice kept out of the table ({@link OTHER_COPY}).
 */
export const warnOnce = (code: WarningCode, detail = '', given?: string): void => {
  const text = given ?? (code in NOTICES ? NOTICES[code as keyof typeof NOTICES]
    : process.env.NODE_ENV !== 'production' ? WARNINGS[code as keyof typeof WARNINGS] : '')
  if (text && !warned.has(code + detail)) {
    warned.add(code + detail)
    console.warn(format(text, detail))
  }
}

/** Test seam: forget which warnings were already shown. */
export const resetWarnings = (): void => warned.clear()
