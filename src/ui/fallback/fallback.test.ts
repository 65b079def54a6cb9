import { beforeEach, describe, expect, it, vi } from 'vitest'
import { get, has, set, showPreferences } from '../../headless.js'
import { CONFIG } from '../../testing/index.js'
import type { UiConfig } from '../../config/index.js'
import { de } from '../i18n/de.js'
import { initWithUi } from '../init.js'
import { action, freshUiPage, loaders, q, qa, shadow, waitFor } from '../testing.js'
import { $ui } from '../../store/index.js'
import { atom } from 'nanostores'
import { resolveConfig } from '../../config/index.js'
import type { UiLink } from '../link.js'
import { fallbackEmbeds } from './embeds.js'

// consentry-preferences.mjs not uploaded (or blocked, or offline): the loader rejects, as the script tag's does.
const missing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
const start = (ui: UiConfig = {}) => initWithUi({ ...CONFIG, ui }, { ...loaders, preferences: missing })

const open = async () => {
  action('preferences')!.click()
  return waitFor(() => q('[part=preferences]'))
}
const boxes = () => qa('[part=preferences] input[type=checkbox]') as HTMLInputElement[]
const labels = () => qa('[part=preferences] label').map((l) => l.textContent)

beforeEach(() => {
  vi.restoreAllMocks()
  freshUiPage()
})

describe('when the preferences centre cannot be loaded', () => {
  it('Manage preferences still leads to choices: a checkbox per category that is not necessary, none ticked, and Save', async () => {
    await start()
    const layer = await open()
    expect(layer.getAttribute('role')).toBe('dialog')
    expect(shadow()!.getElementById(layer.getAttribute('aria-labelledby')!)?.textContent).toBe('Manage preferences')
    // Untranslated ids get a capital, as the preferences centre's English names have.
    expect(labels()).toEqual([' Analytics', ' Marketing'])
    expect(boxes().map((b) => b.checked)).toEqual([false, false])
    expect(action('save')!.textContent).toBe('Save choices')
    expect(q('[part=banner]')!.hidden).toBe(true)
    await waitFor(() => shadow()!.activeElement == layer)
  })

  it('Save decides what the checkboxes say, with method "preferences", and closes', async () => {
    await start()
    await open()
    boxes()[0]!.click()
    action('save')!.click()
    expect(get()).toMatchObject({ decided: true, method: 'preferences', categories: { analytics: true, marketing: false }, services: { posthog: true, ga4: true, meta: false } })
    expect(q('[part=preferences]')).toBeNull()
    // Saved with nothing ticked: a refusal.
    showPreferences()
    await waitFor(() => q('[part=preferences]'))
    expect(boxes().map((b) => b.checked)).toEqual([true, false])
    boxes()[0]!.click()
    action('save')!.click()
    expect(get().categories).toMatchObject({ analytics: false, marketing: false })
  })

  it('a category left as it is keeps the services granted in it one by one', async () => {
    await start()
    set({ posthog: true })
    showPreferences()
    await waitFor(() => q('[part=preferences]'))
    expect(boxes().map((b) => b.checked)).toEqual([false, false])
    boxes()[1]!.click()
    action('save')!.click()
    expect(has('posthog')).toBe(true)
    expect(get()).toMatchObject({ categories: { analytics: false, marketing: true }, services: { posthog: true, ga4: false, meta: true } })
  })

  it('Esc goes back to the banner without deciding', async () => {
    await start()
    const layer = await open()
    layer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }))
    await waitFor(() => !q('[part=preferences]'))
    expect(get().decided).toBe(false)
    expect(q('[part=banner]')!.hidden).toBe(false)
  })

  it("speaks the first layer's language", async () => {
    document.documentElement.lang = 'de'
    await start({ translations: [de] })
    const layer = await open()
    expect(layer.getAttribute('lang')).toBe('de')
    expect(shadow()!.getElementById(layer.getAttribute('aria-labelledby')!)?.textContent).toBe(de.preferencesTitle)
    expect(labels()).toEqual([' ' + de.categories.analytics!.name, ' ' + de.categories.marketing!.name])
    expect(action('save')!.textContent).toBe(de.save)
  })

  it('asks for the file again on the next open, and draws the preferences centre once it comes', async () => {
    let fail = true
    const preferences = vi.fn(() => (fail ? missing() : loaders.preferences()))
    await initWithUi({ ...CONFIG, ui: {} }, { ...loaders, preferences })
    await open()
    expect(q('[role=switch]')).toBeNull()
    q<HTMLElement>('[part=preferences]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }))
    await waitFor(() => !q('[part=preferences]'))
    fail = false
    await open()
    await waitFor(() => q('[role=switch]'))
  })
})

describe('when the extras cannot be loaded', () => {
  it('a modal banner lets Tab move again (its focus trap came with them)', async () => {
    let fail: (e: Error) => void = () => {}
    const extras = () => new Promise<never>((_, reject) => (fail = reject))
    await initWithUi({ ...CONFIG, ui: { layout: 'modal' } }, { ...loaders, extras })
    await waitFor(() => $ui.get() == 'banner' && q('[part=banner]'))
    const tab = () => {
      const e = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true })
      action('accept-all')!.dispatchEvent(e)
      return e.defaultPrevented
    }
    // While they load, Tab stays where it is.
    expect(tab()).toBe(true)
    fail(new TypeError('Failed to fetch dynamically imported module'))
    await waitFor(() => !tab())
  })
})

describe('when the extras cannot be loaded, an embed placeholder', () => {
  /** A blocked iframe with a blank document of its own (happy-dom loads no frame pages, so one is given here). */
  const blockedFrame = (attributes: Record<string, string>) => {
    const frame = document.createElement('iframe')
    for (const [k, v] of Object.entries(attributes)) frame.setAttribute(k, v)
    const doc = document.implementation.createHTMLDocument('')
    Object.defineProperty(frame, 'contentDocument', { value: doc })
    return { frame, button: () => doc.querySelector('button'), text: () => doc.body.textContent }
  }
  const config = resolveConfig({ ...CONFIG, categories: [...CONFIG.categories, { id: 'videos', services: [{ id: 'youtube', label: 'YouTube' }] }] })
  const show = (frames: HTMLIFrameElement[], allow: (choices: Record<string, boolean>, method: string) => void) =>
    fallbackEmbeds({ config, text: {} as UiLink['text'], $waitingFrames: atom(frames), set: allow } as unknown as UiLink)

  it('for a declared service names it and loads it on a click', () => {
    const allow = vi.fn()
    const video = blockedFrame({ 'data-consent': 'videos', 'data-service': 'youtube', 'data-src': 'https://www.youtube-nocookie.com/embed/x' })
    show([video.frame], allow)
    expect(video.text()).toBe('YouTubeLoad content')
    video.button()!.click()
    expect(allow).toHaveBeenCalledWith({ youtube: true }, 'embed')
  })

  it('is not drawn for an id the config does not declare, so no click can ask for it', () => {
    const allow = vi.fn()
    const video = blockedFrame({ 'data-consent': 'videos', 'data-service': 'vimeo', 'data-src': 'https://player.vimeo.com/video/1' })
    const category = blockedFrame({ 'data-consent': 'embeds', 'data-src': 'https://maps.example/embed' })
    show([video.frame, category.frame], allow)
    expect([video.button(), category.button(), video.text(), category.text()]).toEqual([null, null, '', ''])
  })
})
