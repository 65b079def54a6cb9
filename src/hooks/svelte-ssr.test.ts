// @vitest-environment node
// consentry/svelte in a Svelte server render (as SvelteKit runs it), in Node: no window, no document.
import { render as svelteRender } from 'svelte/server'
import { get } from 'svelte/store'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { teardown } from '../api/init.js'
import { acceptAll, init } from '../headless.js'
import { readConsent } from '../server/index.js'
import type { Snapshot } from './shared.js'
import { consent, granted } from './svelte.js'
import { decisionCookie, SITE } from './testing.js'
import ServerPage from './svelte-testing.svelte?server'

const render = (initial?: Snapshot) => svelteRender(ServerPage, { props: { initial } }).body.replace(/<!--.*?-->/g, '')

afterEach(teardown)

describe('a Svelte server render', () => {
  it('runs without a DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
  })

  it('with the snapshot read from the Cookie header, already shows the decision; without one, the undecided default', () => {
    expect(render(readConsent(`theme=dark; consentry=${decisionCookie(true)}`, SITE))).toBe('<p data-decided="true">analytics on</p>')
    expect(render(readConsent(`consentry=${decisionCookie(false)}`, SITE))).toBe('<p data-decided="true">analytics off</p>')
    expect(render()).toBe('<p data-decided="false">analytics off</p>')
  })

  it("never shows a decision from the server's own store, which every request shares", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await init(SITE)
    acceptAll()
    expect(render()).toBe('<p data-decided="false">analytics off</p>')
    expect([get(consent()).decided, get(granted('analytics'))]).toEqual([false, false])
    warn.mockRestore()
  })
})
