// @vitest-environment node
// Server renders, as Node runs them: no window, no document.
import { h } from 'preact'
import { renderToString as renderPreact } from 'preact-render-to-string'
import { createElement } from 'react'
import { renderToString as renderReact } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { teardown } from '../api/init.js'
import { acceptAll, init } from '../headless.js'
import { readConsent } from '../server/index.js'
import * as preact from './preact.js'
import * as react from './react.js'
import type { Snapshot } from './shared.js'
import { decisionCookie, SITE } from './testing.js'

type Props = { initial?: Snapshot }
/** The same component for either framework: its hooks and its createElement. */
const page =
  (hooks: typeof preact | typeof react, el: typeof h | typeof createElement) =>
  ({ initial }: Props) => {
    const consent = hooks.useConsent(initial)
    const analytics = hooks.useHas('analytics', initial)
    return (el as typeof h)('p', { 'data-decided': String(consent.decided) }, `analytics ${analytics ? 'on' : 'off'}`)
  }
const renderers = {
  preact: (initial?: Snapshot) => renderPreact(h(page(preact, h), { initial })),
  react: (initial?: Snapshot) => renderReact(createElement(page(react, createElement) as never, { initial })),
}

afterEach(teardown)

describe.each(Object.entries(renderers))('a %s server render', (_name, render) => {
  it('runs without a DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
  })

  it('with the snapshot read from the Cookie header, already shows the decision', () => {
    const granted = readConsent(`theme=dark; consentry=${decisionCookie(true)}`, SITE)
    expect(granted.decided).toBe(true)
    expect(render(granted)).toBe('<p data-decided="true">analytics on</p>')
    const refused = readConsent(`consentry=${decisionCookie(false)}`, SITE)
    expect(render(refused)).toBe('<p data-decided="true">analytics off</p>')
  })

  it('without a snapshot, or with no cookie, shows the undecided default', () => {
    expect(render()).toBe('<p data-decided="false">analytics off</p>')
    expect(render(readConsent(undefined, SITE))).toBe('<p data-decided="false">analytics off</p>')
  })

  it("never shows a decision from the server's own store, which every request shares", async () => {
    // A decision on a server has nowhere to be kept, and says so: expected here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await init(SITE)
    acceptAll()
    expect(render()).toBe('<p data-decided="false">analytics off</p>')
    expect(warn.mock.calls.filter(([m]) => !/^\[consentry\] (cookie|localStorage) unavailable: /.test(String(m)))).toEqual([])
    warn.mockRestore()
  })
})
