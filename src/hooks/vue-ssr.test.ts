// @vitest-environment node
// consentry/vue in a Vue server render, as Node runs it: no window, no document.
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { teardown } from '../api/init.js'
import { acceptAll, init } from '../headless.js'
import { readConsent } from '../server/index.js'
import type { Snapshot } from './shared.js'
import { decisionCookie, SITE } from './testing.js'
import { ConsentPage } from './vue-testing.js'

const render = (initial?: Snapshot) => renderToString(createSSRApp(ConsentPage, { initial }))

afterEach(teardown)

describe('a Vue server render', () => {
  it('runs without a DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
  })

  it('with the snapshot read from the Cookie header, already shows the decision; without one, the undecided default', async () => {
    expect(await render(readConsent(`theme=dark; consentry=${decisionCookie(true)}`, SITE))).toBe('<p data-decided="true">analytics on</p>')
    expect(await render(readConsent(`consentry=${decisionCookie(false)}`, SITE))).toBe('<p data-decided="true">analytics off</p>')
    expect(await render()).toBe('<p data-decided="false">analytics off</p>')
  })

  it("never shows a decision from the server's own store, which every request shares", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await init(SITE)
    acceptAll()
    expect(await render()).toBe('<p data-decided="false">analytics off</p>')
    warn.mockRestore()
  })
})
