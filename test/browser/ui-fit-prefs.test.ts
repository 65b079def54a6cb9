/**
 * How the preferences centre fits, in every language, in real Chromium and Firefox ESR against dist/: its four
 * categories fit a 390 × 844 phone without scrolling, under a footer whose Save is the one filled button.
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, MEDIA_EMULATION } from './driver.js'
import { UI_CONFIG, openPage, uiConfig } from './ui-helpers.js'
import { LANGUAGES, broken, measureLayer } from './ui-fit-fixtures.js'
import { browserSuite } from './suite.js'

describe.each(BROWSERS)('%s', (browserName) => {
  // emulateMedia (below): Firefox sets the tab's media overrides from its privileged scope.
  const suite = browserSuite(browserName, { launch: MEDIA_EMULATION })

  describe('the preferences centre in every language', () => {
    it('on a 390 × 844 phone, four closed categories need no scrolling, each switch on the line of its name; no footer label wraps; Save is filled, Reject all and Accept all are alike and outlined', { timeout: 120_000 }, async () => {
      const { page } = suite
      // Measured at rest: without the entrance animations (the banner's and the dialog's; the reduced-motion test in
      // ui-render-layout proves they run by default), each language's click and measurement need not wait for them.
      await page.emulateMedia({ reducedMotion: 'reduce' })
      await page.setViewportSize({ width: 390, height: 844 })
      const [necessary, ...others] = UI_CONFIG.categories
      const config = { ...(uiConfig() as object), categories: [necessary, { id: 'functional' }, ...others] }
      const problems: Record<string, string[]> = {}
      for (const lang of LANGUAGES) {
        await openPage(suite, { lang, config }, { path: `/prefs-${lang}.html` })
        // Manage preferences, clicked in its middle as a visitor does, once the banner is laid out in its language: two
        // round trips where the locator's checks before a click took eight or more (over half of this test's time).
        // A click that missed fails below, waiting for the preferences in that language.
        const manage = (await measureLayer(page, '[part=banner]', { lang })).buttons.find((b) => b.action == 'preferences')!
        await page.mouse.click(manage.x + manage.width / 2, manage.y + manage.height / 2)
        const fit = await measureLayer(page, '[part=preferences]', { lang })
        // The dialog is at rest (measureLayer waited for it): the rest is read in one call.
        const look = await page.evaluate(() => {
          const dialog = document.querySelector('[data-consentry]')!.shadowRoot!.querySelector('[part=preferences]')!
          const scroller = dialog.querySelector('.scroll')!
          const style = (action: string) => {
            const s = getComputedStyle(dialog.querySelector(`[data-consentry-action=${action}]`)!)
            return { background: s.backgroundColor, color: s.color, border: s.borderTopColor, weight: s.fontWeight, size: s.fontSize }
          }
          // A row's switch (and "Always on") sits on the line of its name, not on a line of its own below it.
          const apart = [...dialog.querySelectorAll('[part=category] > .entry')]
            .filter((row) => {
              const name = row.querySelector('h3')!.getBoundingClientRect()
              return [...row.children].some((x) => x.getBoundingClientRect().top >= name.bottom)
            })
            .map((row) => row.querySelector('h3')!.textContent)
          return {
            apart,
            rows: dialog.querySelectorAll('[part=category]').length,
            scrolls: scroller.scrollHeight > scroller.clientHeight,
            bottom: dialog.getBoundingClientRect().bottom,
            reject: style('reject-all'),
            accept: style('accept-all'),
            save: style('save'),
          }
        })
        const wrong = broken(fit, ['reject-all', 'accept-all'])
        if (look.rows != 4) wrong.push(`${look.rows} categories`)
        if (look.apart.length) wrong.push(`switch below the name: ${look.apart}`)
        if (look.scrolls) wrong.push('the list scrolls')
        if (look.bottom > 844) wrong.push('the dialog leaves the screen')
        if (JSON.stringify(look.reject) != JSON.stringify(look.accept)) wrong.push(`reject ${JSON.stringify(look.reject)} ≠ accept ${JSON.stringify(look.accept)}`)
        // Filled: Save's background is the colour of the others' outline; theirs is transparent.
        if (look.save.background != look.accept.border || look.accept.background != 'rgba(0, 0, 0, 0)') wrong.push(`save ${JSON.stringify(look.save)}, accept ${JSON.stringify(look.accept)}`)
        if (wrong.length) problems[lang] = [fit.arrangement, ...wrong]
      }
      expect(problems).toEqual({})
    })
  })
})
