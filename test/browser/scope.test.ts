/**
 * Consent is exactly as wide as what the visitor agreed to, in real Chromium
 * and Firefox ESR: the page of issue #14, a YouTube embed and, elsewhere, a
 * retargeting tag, both in `marketing`. "Load content" on the embed's
 * placeholder loads the video and nothing else of the category.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { consentryPage } from './pages.js'

const CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'marketing', services: [{ id: 'youtube', label: 'YouTube' }, { id: 'meta', label: 'Meta Pixel' }] },
  ],
  revision: 1,
}

const BODY = `<main>
<iframe id="video" title="Video" width="560" height="315" data-consent="marketing" data-service="youtube" data-src="/scope/video.html"></iframe>
<script type="text/plain" data-consent="marketing" src="/scope/retargeting.js"></script>
</main>`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  let server: TestServer
  let session: Session
  let page: Tab
  let log: PageLog

  beforeAll(async () => {
    ;({ server, session } = suite)
    server.route('/scope/video.html', { body: '<!doctype html><html lang="en"><title>video</title><p id="player">the video</p></html>' })
    server.route('/scope/retargeting.js', { body: 'window.retargeted = (window.retargeted || 0) + 1', type: 'text/javascript' })
    server.route('/scope/page.html', { body: consentryPage({ body: BODY, config: CONFIG }) })
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  const retargeted = () => page.evaluate(() => (window as unknown as { retargeted?: number }).retargeted ?? 0)
  const player = () => page.frameLocator('#video').locator('#player')

  it('"Load content" loads the video only: the retargeting tag of the same category stays blocked until Accept all', async () => {
    await page.goto(`${server.origin}/scope/page.html`)
    const load = page.frameLocator('#video').getByRole('button', { name: 'Load content' })
    await load.waitFor()
    await load.click()
    await expect.poll(() => player().textContent()).toBe('the video')
    // Time for anything the decision set off to run: nothing of the category may.
    await page.waitForTimeout(300)
    expect(await retargeted()).toBe(0)
    expect(await page.evaluate(() => [Consentry.get().method, Consentry.has('youtube'), Consentry.has('marketing'), Consentry.has('meta')])).toEqual([
      'embed',
      true,
      false,
      false,
    ])

    // The next page view reads the same answer back from the cookie.
    await page.reload()
    await expect.poll(() => player().textContent()).toBe('the video')
    await page.waitForTimeout(300)
    expect(await retargeted()).toBe(0)
    expect(await page.evaluate(() => Consentry.has('marketing'))).toBe(false)

    // The preferences show the category off (partly on) and the video on; Accept all runs the tag, once.
    await page.evaluate(() => Consentry.showPreferences())
    const prefs = page.locator('[data-consentry] >>> [part=preferences]')
    await prefs.waitFor()
    const marketing = prefs.getByRole('switch', { name: 'Marketing' })
    expect(await marketing.getAttribute('aria-checked')).toBe('false')
    expect(await marketing.getAttribute('class')).toContain('partial')
    expect(await prefs.getByRole('switch', { name: 'YouTube' }).getAttribute('aria-checked')).toBe('true')
    await prefs.locator('[data-consentry-action=accept-all]').click()
    await expect.poll(retargeted).toBe(1)
    expect(await page.evaluate(() => Consentry.has('marketing'))).toBe(true)
  })
})
