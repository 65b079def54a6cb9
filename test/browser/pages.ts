/**
 * Pages for the browser suite, built as strings so each test shows the exact
 * markup a site would ship, and the globals those pages define, typed.
 */
import type * as Api from '../../src/headless.js'

/** The script-tag global, typed from the engine's public entry so a renamed call fails typecheck here too. */
type ConsentryGlobal = Pick<
  typeof Api,
  | 'init' | 'get' | 'has' | 'whenGranted' | 'on' | 'acceptAll' | 'rejectAll' | 'set' | 'optOut' | 'reset'
  | 'show' | 'showPreferences' | 'hide' | 'VERSION'
>

export type Snapshot = Api.Snapshot

/** What a test page records in `window.seen`, so tests can count callbacks. */
interface Seen {
  change: Snapshot[]
  events: Snapshot[]
  commands: string[]
  granted: string[]
  violations: string[]
}

declare global {
  var Consentry: ConsentryGlobal
  var consentryQueue: { push(...cmds: unknown[]): unknown }
  var consentryConfig: unknown
  var seen: Seen
}

/** An empty `window.seen`, as source text for inline page scripts. */
export const SEEN = '{ change: [], events: [], commands: [], granted: [], violations: [] }'

/** The config the suite runs with: one necessary category, one with a service, one without. */
export const CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'analytics', services: [{ id: 'posthog' }] },
    { id: 'marketing' },
  ],
  revision: 1,
}

/** A JSON block that is safe inside `<script>`: `<` escaped so no value can close the tag. */
export const configBlock = (config: unknown): string =>
  `<script type="application/json" data-consentry-config>${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`

export interface PageOptions {
  /** `<html lang>`: the banner follows the page's language. Default `en`. */
  lang?: string
  /** Extra markup for `<head>` (e.g. a stylesheet link). */
  head?: string
  /** The page's own content, placed before the config block. */
  body?: string
  /** Markup placed before the Consentry script (e.g. an inline queue). */
  before?: string
  /** Config for the JSON block (default {@link CONFIG}); `null` for none, so the page calls `init` itself. */
  config?: unknown
}

/** A page that loads the real script-tag build the way the README tells sites to. */
export const consentryPage = ({ lang = 'en', head = '', body = '', before = '', config = CONFIG }: PageOptions = {}): string =>
  `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>Consentry browser test</title>${head}</head>
<body>
${body}
${config === null ? '' : configBlock(config)}
${before}
<script src="/dist/consentry.min.js"></script>
</body>
</html>`
