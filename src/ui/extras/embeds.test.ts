import { describe, expect, it, vi } from 'vitest'
import { resolveConfig } from '../../config/index.js'
import { CONFIG } from '../../testing/index.js'
import { placeholders } from './embeds.js'

/** A blocked iframe with a blank document of its own (happy-dom loads no frame pages, so one is given here). */
const blockedFrame = (attributes: Record<string, string>) => {
  const frame = document.createElement('iframe')
  for (const [k, v] of Object.entries(attributes)) frame.setAttribute(k, v)
  const doc = document.implementation.createHTMLDocument('')
  Object.defineProperty(frame, 'contentDocument', { value: doc })
  return { frame, button: () => doc.querySelector('button'), text: () => doc.body.textContent }
}

describe('embed placeholders', () => {
  const config = resolveConfig({ ...CONFIG, categories: [...CONFIG.categories, { id: 'videos', services: [{ id: 'youtube', label: 'YouTube' }] }] })

  it('an embed waiting for a declared service says whose it is and offers "Load content", which allows that service', () => {
    const allow = vi.fn()
    const video = blockedFrame({ 'data-consent': 'videos', 'data-service': 'youtube', 'data-src': 'https://www.youtube-nocookie.com/embed/x' })
    placeholders([video.frame], { config, text: {}, allow })
    expect(video.text()).toContain('This content is from YouTube.')
    video.button()!.click()
    expect(allow).toHaveBeenCalledWith('youtube')
  })

  it('an embed waiting for an id the config does not declare gets no placeholder: nothing there could allow it, so nothing offers to', () => {
    const allow = vi.fn()
    const video = blockedFrame({ 'data-consent': 'videos', 'data-service': 'vimeo', 'data-src': 'https://player.vimeo.com/video/1' })
    const category = blockedFrame({ 'data-consent': 'embeds', 'data-src': 'https://maps.example/embed' })
    placeholders([video.frame, category.frame], { config, text: {}, allow })
    expect([video.button(), category.button()]).toEqual([null, null])
    expect([video.text(), category.text()]).toEqual(['', ''])
    expect(allow).not.toHaveBeenCalled()
  })
})
