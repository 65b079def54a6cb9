/**
 * The way back to the choices (GDPR Art. 7(3); CCPA regs §7026(a)(4)): once a
 * visitor has decided, the page's own "Cookie settings" element or, where the
 * page has none, the floating button (`ui.floatingButton: 'auto'`, the default).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { acceptAll, get, init as engineInit } from '../headless.js'
import { CONFIG } from '../testing/index.js'
import type { UiConfig } from '../config/index.js'
import { initWithUi } from './init.js'
import { action, freshUiPage, loaders, q, waitFor } from './testing.js'

const start = (ui: UiConfig = {}, extras = vi.fn(loaders.extras)) => initWithUi({ ...CONFIG, ui }, { ...loaders, extras })

/** A visitor who decided on an earlier page view, on a fresh page whose body is `markup`. */
const returning = (markup = '') => {
  freshUiPage()
  return engineInit(CONFIG).then(() => {
    acceptAll()
    const record = localStorage.getItem('consentry')!
    freshUiPage()
    localStorage.setItem('consentry', record)
    document.body.innerHTML = markup
  })
}

const fab = () => action('open')
const footerLink = (attr = 'data-consentry-open') => {
  const a = document.createElement('a')
  a.href = '/cookies'
  a.setAttribute(attr, '')
  a.textContent = 'Cookie settings'
  return a
}
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms))

beforeEach(() => {
  vi.restoreAllMocks()
  freshUiPage()
})

describe('the floating button by default (auto)', () => {
  it('appears for a decided visitor on a page with no way back of its own, and opens the preferences', async () => {
    await returning('<main><p>Content</p></main>')
    await start()
    expect(get().decided).toBe(true)
    const button = await waitFor(() => fab())
    expect(button.hidden).toBe(false)
    expect(button.getAttribute('aria-label')).toBe('Privacy settings')
    button.click()
    await waitFor(() => q('[part=preferences]'))
    expect(button.hidden).toBe(true)
  })

  it('appears once a first-time visitor decides, not while the banner asks', async () => {
    const extras = vi.fn(loaders.extras)
    await start({}, extras)
    await tick()
    expect(extras).not.toHaveBeenCalled()
    expect(fab()).toBeNull()
    action('reject-all')!.click()
    expect((await waitFor(() => fab())).hidden).toBe(false)
  })

  it('is not even loaded where the page has a [data-consentry-open] element', async () => {
    await returning()
    document.body.append(footerLink())
    const extras = vi.fn(loaders.extras)
    await start({}, extras)
    await tick()
    expect(extras).not.toHaveBeenCalled()
    expect(fab()).toBeNull()
  })

  it('stays hidden where the page has a "Your Privacy Choices" [data-consentry-choices] element', async () => {
    await returning()
    const link = document.body.appendChild(footerLink('data-consentry-choices'))
    link.replaceChildren()
    await start()
    // The extras come to decorate the link; the button stays out of the way.
    await waitFor(() => link.querySelector('svg'))
    expect(fab()!.hidden).toBe(true)
  })

  it('steps aside when the page adds its own link later (a footer rendered by script), and comes back when it goes', async () => {
    await returning('<main></main>')
    await start()
    const button = await waitFor(() => fab())
    expect(button.hidden).toBe(false)
    const footer = document.createElement('footer')
    footer.append(footerLink())
    document.body.append(footer)
    await waitFor(() => button.hidden)
    footer.remove()
    await waitFor(() => !button.hidden)
    // An attribute added to an element already on the page counts too.
    const p = document.querySelector('main')!
    p.setAttribute('data-consentry-choices', '')
    await waitFor(() => button.hidden)
    p.removeAttribute('data-consentry-choices')
    await waitFor(() => !button.hidden)
  })

  it('stays hidden while the page has a link, even when the extras come for something else (a modal banner)', async () => {
    await returning()
    document.body.append(footerLink())
    await start({ layout: 'modal' })
    const button = await waitFor(() => fab())
    expect(button.hidden).toBe(true)
  })

  it('floatingButton: true shows it whatever the page has; false never', async () => {
    await returning()
    document.body.append(footerLink())
    await start({ floatingButton: true })
    expect((await waitFor(() => fab())).hidden).toBe(false)

    await returning('<main></main>')
    const extras = vi.fn(loaders.extras)
    await start({ floatingButton: false }, extras)
    await tick()
    expect(extras).not.toHaveBeenCalled()
    expect(fab()).toBeNull()
  })

  it('a [data-consentry-choices] element alone opens the preferences', async () => {
    await returning()
    const link = footerLink('data-consentry-choices')
    document.body.append(link)
    await start()
    link.click()
    await waitFor(() => q('[part=preferences]'))
  })
})

describe('development warning', () => {
  const NO_WAY_BACK = /\[consentry\] a visitor who has decided has no way back to the choices/

  /** The warnings said after start: looked at a second after the page has loaded (and the UI built, later on a busy machine). */
  const warningsAfterStart = async (ui: UiConfig, markup = '', expected = 0) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const said = () => warn.mock.calls.map((c) => String(c[0])).filter((m) => NO_WAY_BACK.test(m))
    await returning(markup)
    await start(ui)
    if (expected) await waitFor(() => said().length >= expected)
    // Then a while longer, for any second warning.
    await tick(1200)
    return said()
  }

  it('warns once when a decided visitor has no way back: floatingButton false and no link', async () => {
    expect(await warningsAfterStart({ floatingButton: false }, '', 1)).toHaveLength(1)
  })

  it('says nothing where the page has a link, or where the floating button is on', async () => {
    expect(await warningsAfterStart({ floatingButton: false }, '<footer><a href="/cookies" data-consentry-open>Cookie settings</a></footer>')).toEqual([])
    expect(await warningsAfterStart({})).toEqual([])
    expect(await warningsAfterStart({ floatingButton: true })).toEqual([])
  })

  it('warns once a first-time visitor decides on such a page, and only once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await start({ floatingButton: false })
    await tick(1200)
    expect(warn).not.toHaveBeenCalled()
    action('accept-all')!.click()
    acceptAll()
    const said = () => warn.mock.calls.filter((c) => NO_WAY_BACK.test(String(c[0])))
    await waitFor(() => said().length)
    await tick(1200)
    expect(said()).toHaveLength(1)
  })
})
