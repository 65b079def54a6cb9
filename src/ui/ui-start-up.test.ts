/** The UI's start-up work: what is built before the first paint, and what is fetched only when it is needed. */
import { describe, expect, it, vi } from 'vitest'
import { $ui } from '../headless.js'
import { CONFIG, painted } from '../testing/index.js'
import { initWithUi } from './init.js'
import { resetPlugins } from '../plugins/index.js'
import { action, host, loaders, q, returningVisitor, startUi, useUiPage, waitFor } from './testing.js'

useUiPage()

describe('start-up work', () => {
  it('the preferences centre is fetched as the pointer or focus approaches Manage preferences, not while the page loads', async () => {
    const preferences = vi.fn(loaders.preferences)
    await initWithUi({ ...CONFIG, ui: {} }, { ...loaders, preferences })
    await painted()
    await new Promise((r) => setTimeout(r, 50))
    expect(preferences).not.toHaveBeenCalled()
    // Over another button: still nothing.
    action('accept-all')!.dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(preferences).not.toHaveBeenCalled()
    action('preferences')!.dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(preferences).toHaveBeenCalledTimes(1)
    action('preferences')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))
    action('preferences')!.click()
    await waitFor(() => q('[part=preferences]'))
    expect(preferences).toHaveBeenCalledTimes(1)
  })

  it('keyboard focus on Manage preferences fetches it too', async () => {
    const preferences = vi.fn(loaders.preferences)
    await initWithUi({ ...CONFIG, ui: {} }, { ...loaders, preferences })
    action('preferences')!.focus()
    expect(preferences).toHaveBeenCalledTimes(1)
  })

  it('the banner is built in the script\'s own task, before the first paint', () => {
    void startUi()
    expect(q('[part=banner]')).not.toBeNull()
  })

  it('for a visitor who has decided, the UI is built after the first paint; a click on a data-consentry-open element before then still opens the preferences', async () => {
    await returningVisitor()
    const link = document.createElement('a')
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    await startUi()
    expect(host()).toBeNull()
    link.click()
    await waitFor(() => q('[part=preferences]'))
    expect($ui.get()).toBe('preferences')
  })

  it("where no law asks for a banner ('none'), nothing is built or fetched, and the page's way back opens the preferences", async () => {
    const link = document.createElement('a')
    link.setAttribute('data-consentry-open', '')
    document.body.append(link)
    const extras = vi.fn(loaders.extras)
    await initWithUi({ ...CONFIG, mode: 'auto', region: 'BR', fallbackMode: 'none', signals: false, ui: {} }, { ...loaders, extras })
    await painted()
    await new Promise((r) => setTimeout(r, 50))
    expect(host()).toBeNull()
    expect($ui.get()).toBe('hidden')
    expect(extras).not.toHaveBeenCalled()
    link.click()
    await waitFor(() => q('[part=preferences]'))
    expect($ui.get()).toBe('preferences')
  })

  it('the extras are an add-on of the one seam: started through use() once loaded, stopped with the other plugins', async () => {
    await startUi({ floatingButton: true })
    action('accept-all')!.click()
    const fab = await waitFor(() => action('open'))
    // Started: the floating button follows the UI (hidden while a layer is shown).
    $ui.set('banner')
    expect(fab.hidden).toBe(true)
    $ui.set('hidden')
    expect(fab.hidden).toBe(false)
    // Stopped by the engine's teardown of its plugins, like strict mode, the signals and the destinations.
    resetPlugins()
    $ui.set('banner')
    expect(fab.hidden).toBe(false)
  })
})
