/**
 * What the UI rendering suites (ui-render-*.test.ts) share: whether a control
 * can be hit where it is drawn, and what leaves the viewport.
 */
import type { Tab } from './driver.js'

/** What is drawn at the centre of `selector` (inside the shadow root) is that element or its descendant. */
export const hitTestable = (page: Tab, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    return [...root.querySelectorAll(sel)].every((el) => {
      const r = el.getBoundingClientRect()
      return el.contains(root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2))
    })
  }, selector)

/**
 * The controls matching `selector` that cannot be brought wholly on screen by
 * scrolling (as a browser does when one takes focus) and then clicked there.
 */
export const unreachable = (page: Tab, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    return [...root.querySelectorAll(sel)].flatMap((el) => {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      const r = el.getBoundingClientRect()
      // 1 px of slack: 'nearest' can leave a fractional pixel at the edge.
      const onScreen = r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1
      // Clicked at the centre of each of its boxes: a link that wraps is two boxes, and the centre
      // of their union can be the paragraph between them.
      const boxes = [...el.getClientRects()]
      const hit = boxes.length > 0 && boxes.every((b) => el.contains(root.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)))
      return onScreen && hit ? [] : [`${el.getAttribute('data-consentry-action') ?? el.getAttribute('aria-labelledby') ?? el.textContent}`]
    })
  }, selector)

/** Every visible control of the UI whose box leaves the viewport sideways, or whose text overflows its box. */
export const overflowing = (page: Tab) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-consentry]')!.shadowRoot!
    return [...root.querySelectorAll<HTMLElement>('[part=banner] *, [part=preferences] *')]
      .filter((el) => el.checkVisibility() && el.matches('button, a, h2, h3, p'))
      .filter((el) => {
        const r = el.getBoundingClientRect()
        // An inline box (a link in a sentence) has no client width; Firefox still gives it a scroll width.
        const text = getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth + 1
        return r.left < 0 || r.right > innerWidth || text
      })
      .map((el) => `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`)
  })
