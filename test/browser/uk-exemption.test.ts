/**
 * The UK's exemptions from consent (`ukExemption`; PECR Schedule A1, from the Data (Use and Access) Act 2025), in real
 * Chromium and Firefox ESR against dist/: for a visitor in the UK an exempt category's tag runs before any decision
 * while the banner shows, and Reject all (the objection) stops it on the next page; elsewhere it waits for consent.
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS } from './driver.js'
import { consentryPage } from './pages.js'
import { bannerButton, CONTENT, snapshot, UI_CONFIG } from './ui-helpers.js'
import { browserSuite } from './suite.js'

const TAGS = `<script type="text/plain" data-consent="analytics" data-service="posthog">window.ranStats = true</script>
<script type="text/plain" data-consent="marketing">window.ranAds = true</script>`
const config = (region: string) => ({
  ...UI_CONFIG,
  mode: 'auto',
  region,
  categories: UI_CONFIG.categories.map((c) => (c.id == 'analytics' ? { ...c, ukExemption: 'statistics' } : c)),
  ui: { policyUrl: '/privacy' },
})
const ran = (page: import('./driver.js').Tab) => page.evaluate(() => [!!(window as { ranStats?: boolean }).ranStats, !!(window as { ranAds?: boolean }).ranAds])

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)

  it("a visitor in the UK: the exempt category's tag runs before any decision, the banner shows, and Reject all stops it on the next page", async () => {
    const { page, server } = suite
    // Control first, on the same browser and site: a visitor in Germany, where the same category waits for consent.
    await page.goto(server.route('/de.html', { body: consentryPage({ body: TAGS + CONTENT, config: config('DE') }) }))
    await bannerButton(page, 'accept-all').waitFor()
    expect(await ran(page)).toEqual([false, false])

    const uk = server.route('/uk.html', { body: consentryPage({ body: TAGS + CONTENT, config: config('GB') }) })
    await page.goto(uk)
    await bannerButton(page, 'reject-all').waitFor()
    await expect.poll(() => ran(page)).toEqual([true, false])
    expect(await snapshot(page)).toMatchObject({ decided: false, jurisdiction: 'GB', categories: { analytics: true, marketing: false } })
    await bannerButton(page, 'reject-all').click()
    await expect.poll(async () => (await snapshot(page)).decided).toBe(true)

    await page.goto(uk)
    await page.waitForFunction(() => window.Consentry?.get().decided)
    expect(await snapshot(page)).toMatchObject({ categories: { analytics: false } })
    expect(await bannerButton(page, 'accept-all').count()).toBe(0)
    expect(await ran(page)).toEqual([false, false])
  })
})
