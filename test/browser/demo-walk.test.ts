/**
 * The demo as a visitor walks it, in Chromium and Firefox ESR: served by demo/server.mjs under
 * its strict CSP, driven by clicks through every page — the marketing site (blocked tags, an
 * embed placeholder), the SPA on the ESM build and its hooks, the US opt-out page and its
 * GPP/USP inspector, and the records page.
 */
import { beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import type { Snapshot } from './pages.js'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import { demoServer, demoSuite, reportCsp, storedFor, type Demo, type TagHit } from './demo-fixtures.js'

// One demo server for both browsers (see demoServer).
const demoOfFile = demoServer()

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = demoSuite(browserName, demoOfFile)
  let demo: Demo, page: Tab, log: PageLog
  beforeEach(() => void ({ demo, page, log } = suite))
  const origin = () => suite.origin()

  describe('demo', () => {
    // Five pages against the demo's own server (PGlite in the test process): 24–26 s alone, 44 s while another
    // browser file shares the two CPUs; vitest's 30 s per test is too short a budget for the whole walk.
    it('a visitor clicks through every demo page: site, SPA, US opt-out, records', { timeout: 90_000 }, async () => {
      // Where the walk was, said when it fails: a timeout of the whole walk names no step by itself.
      let at = 'start'
      const step = (name: string) => void (at = name)
      onTestFailed(() => console.error(`[demo-walk] ${browserName} failed at: ${at}`))
      await page.addInitScript(reportCsp)
      const tags = async (): Promise<TagHit[]> => (await fetch(`${origin()}/api/tags`, { signal: AbortSignal.timeout(10_000) })).json() as Promise<TagHit[]>
      const seenBefore = (await tags()).length
      const tagsNow = async () => (await tags()).slice(seenBefore)
      const cookieNames = async () => (await page.context().cookies()).map((c) => c.name)
      const demoBar = (name: string) => page.locator('.demo-bar').getByRole('link', { name })

      // 1. The marketing site, first visit: the banner asks; the tags and the video wait, and have asked for nothing.
      step('1. site: first visit')
      await page.goto(`${origin()}/`)
      const banner = page.locator('[data-consentry] >>> [part=banner]')
      await banner.waitFor()
      expect(await page.evaluate(() => [typeof (window as any).meadowlark, typeof (window as any).adfinch])).toEqual(['undefined', 'undefined'])
      await expect.poll(() => page.locator('#tag-meadowlark').getAttribute('data-state')).toBe('blocked')
      expect(await page.locator('#tag-adfinch').getAttribute('data-state')).toBe('blocked')
      expect(await tagsNow()).toEqual([])
      expect(await cookieNames()).not.toContain('_mla_id')

      // The video waits too: a placeholder drawn inside its frame, and no request to the video host.
      const video = page.locator('iframe.embed')
      const frame = page.frameLocator('iframe.embed')
      await frame.getByRole('button', { name: 'Load content' }).waitFor()
      expect(await video.getAttribute('src')).toBeNull()

      step('1. site: accepting from the preferences')
      // Accept analytics and marketing from the banner's preferences: both tags run, set their cookies, reach the server.
      await banner.getByRole('button', { name: 'Manage preferences' }).click()
      const prefs = page.locator('[data-consentry] >>> [part=preferences]')
      await prefs.waitFor()
      await prefs.getByRole('switch', { name: 'Analytics' }).click()
      await prefs.getByRole('switch', { name: 'Marketing' }).click()
      await prefs.locator('[data-consentry-action=save]').click()
      await expect
        .poll(async () => (await tagsNow()).map((h) => `${h.kind} ${h.path}`).sort())
        .toEqual(['beacon /collect', 'pixel /pixel.gif', 'script /vendor/adfinch.js', 'script /vendor/meadowlark.js'])
      await expect.poll(cookieNames).toEqual(expect.arrayContaining(['_mla_id', '_afp']))
      const visitor = await page.evaluate(() => (window as any).meadowlark.visitor as string)
      expect((await tagsNow()).find((h) => h.kind == 'beacon')?.detail).toContain(visitor)
      // Each tag's ready event redraws both rows 300 ms later (demo.js): the second tag's row follows its own event.
      await expect.poll(() => page.locator('#tag-meadowlark').getAttribute('data-state')).toBe('running')
      await expect.poll(() => page.locator('#tag-adfinch').getAttribute('data-state')).toBe('running')
      expect(await page.evaluate(() => Consentry.get())).toMatchObject({ method: 'preferences', categories: { functional: false, analytics: true, marketing: true } })
      expect(await video.getAttribute('src')).toBeNull()

      step('1. site: the video placeholder')
      // The placeholder's "Load content" grants the video service alone, and the player loads and plays.
      await frame.getByRole('button', { name: 'Load content' }).click()
      await expect.poll(() => video.getAttribute('src')).toBe('/embed/video.html')
      await frame.getByRole('button', { name: 'Play' }).click()
      await expect.poll(() => frame.locator('#play').getAttribute('aria-pressed')).toBe('true')
      const site = await page.evaluate(() => Consentry.get())
      expect(site).toMatchObject({ decided: true, method: 'embed', services: { reelbox: true }, categories: { analytics: true, marketing: true } })

      // 2. The SPA (ESM build, Preact hooks): same cookie, so the hooks' UI shows the decision made on the site.
      step('2. SPA')
      await page.follow(demoBar('SPA (ESM + hooks)'))
      const row = (id: string) => page.locator(`.category-row[data-category=${id}]`)
      await expect.poll(() => row('analytics').getAttribute('data-granted')).toBe('true')
      expect(await row('marketing').getAttribute('data-granted')).toBe('true')
      expect(await page.locator('#spa-consent-id').textContent()).toBe(site.id)
      expect(await page.locator('#spa-decision').textContent()).toContain('Decided via embed')
      expect(await page.locator('#spa-insights').getAttribute('data-granted')).toBe('true')
      expect(await page.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)

      step('2. SPA: changing it')
      // Changing it there: the app's own buttons call the API, and every hook redraws.
      await row('analytics').getByRole('button', { name: 'Turn analytics off' }).click()
      await expect.poll(() => row('analytics').getAttribute('data-granted')).toBe('false')
      await expect.poll(() => page.locator('#spa-insights').textContent()).toContain('Analytics are off')
      expect(await row('marketing').getAttribute('data-granted')).toBe('true')
      expect(await page.locator('#spa-decision').textContent()).toContain('Decided via api')
      // Withdrawal deletes the vendor's cookie (the service lists it).
      await expect.poll(cookieNames).not.toContain('_mla_id')
      await page.locator('header').getByRole('link', { name: 'Snapshot' }).click()
      await expect.poll(async () => JSON.parse((await page.locator('#spa-snapshot').textContent()) ?? '{}').categories).toMatchObject({ analytics: false, marketing: true })

      // 3. The US page: a California visitor in opt-out mode. A notice, no banner in the way; the pixel runs by default.
      step('3. US page')
      await page.follow(demoBar('US opt-out'))
      const notice = page.locator('[data-consentry] >>> [part=notice]')
      await notice.waitFor()
      expect(await page.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)
      expect(await page.locator('[data-consentry] >>> [part=backdrop]').count()).toBe(0)
      await expect.poll(() => page.locator('#usp-string').textContent()).toBe('1YNN')
      expect(await page.locator('#gpp-string').textContent()).toBe('DBABLA~CVQqAAAAAACA.QA')
      expect(await page.locator('#section-name').textContent()).toBe('usnat')
      // getSection gives the spec's sub-sections: the core, then GPC.
      expect(JSON.parse((await page.locator('#gpp-section').textContent()) ?? '[]')).toMatchObject([{ SaleOptOut: 2, SharingOptOut: 2 }, { SubsectionType: 1 }])
      expect(JSON.parse((await page.locator('#gpp-ping').textContent()) ?? '{}')).toMatchObject({ gppVersion: '1.1', applicableSections: [7], signalStatus: 'ready' })
      expect(await page.locator('#gpc-hint').textContent()).toContain('To try it, turn GPC on')
      await expect.poll(async () => (await tagsNow()).find((h) => h.kind == 'pixel' && h.detail.includes('us_privacy'))?.detail).toContain('us_privacy=1YNN')

      step('3. US page: Do Not Sell or Share')
      // "Your Privacy Choices" (the footer link, with its icon) opens the preferences; "Do Not Sell or Share" is a switch.
      const choices = page.locator('footer').getByRole('link', { name: 'Your Privacy Choices' })
      expect(await choices.locator('svg').count()).toBe(1)
      await choices.click()
      await prefs.waitFor()
      await prefs.getByRole('switch', { name: 'Do Not Sell or Share My Personal Information' }).click()
      await prefs.locator('[data-consentry-action=save]').click()
      // The inspector redraws from the GPP events: both strings now say "opted out".
      await expect.poll(() => page.locator('#usp-string').textContent()).toBe('1YYN')
      await expect.poll(() => page.locator('#gpp-string').textContent()).toBe('DBABLA~CVQVAAAAAACA.QA')
      expect(JSON.parse((await page.locator('#gpp-section').textContent()) ?? '[]')).toMatchObject([{ SaleOptOut: 1, SharingOptOut: 1 }, { SubsectionType: 1 }])
      expect(await page.locator('#opted-out').textContent()).toBe('Yes, via preferences')
      expect(await page.locator('#gpp-event').textContent()).toMatch(/^(sectionChange: usnat|signalStatus: ready)/)
      const us = await page.evaluate(() => Consentry.get())
      expect(us).toMatchObject({ mode: 'opt-out', jurisdiction: 'US-CA', optOut: { sale: true, sharing: true }, categories: { marketing: false } })
      expect(us.id).not.toBe(site.id)

      // 4. The records page: this session's decisions, newest first, with their consent ids.
      step('4. records page')
      await page.follow(demoBar('Server records'))
      const rows = page.locator('#records tbody tr')
      const methodsOf = (id: string) => page.locator(`#records tr[data-consent-id="${id}"] td.method`).allTextContents()
      await expect.poll(() => methodsOf(site.id!), { timeout: 10_000 }).toEqual(['api', 'embed', 'preferences'])
      // Saving "Do Not Sell or Share" makes two decisions (the choices, then the opt-out): one record or two, all from the preferences.
      await expect.poll(async () => [...new Set(await methodsOf(us.id!))]).toEqual(['preferences'])
      const usRows = await page.locator(`#records tr[data-consent-id="${us.id}"]`).allTextContents()
      expect(usRows.some((t) => t.includes('USP 1YYN') && t.includes('US-CA (opt-out)'))).toBe(true)
      // Newest first: the US decisions came last.
      expect(await rows.first().getAttribute('data-consent-id')).toBe(us.id)
      // The same records, as the service's admin API gives them.
      expect((await storedFor(demo, us.id!)).filter((r) => r.usp == '1YYN')).toMatchObject([{ method: 'preferences', jurisdiction: 'US-CA', url: `${origin()}/us.html` }])
      expect(await page.locator('#dashboard-link').getAttribute('href')).toBe('/dashboard')

      // Every page links to every other.
      for (const path of ['/', '/privacy.html', '/app.html', '/us.html', '/records.html']) {
        step(`5. links on ${path}`)
        await page.goto(`${origin()}${path}`)
        const links = await page.locator('.demo-bar').evaluate((nav: HTMLElement) => [...nav.querySelectorAll('a')].map((a) => a.getAttribute('href')))
        expect(links).toEqual(['/', '/app.html', '/us.html', '/records.html'])
      }
      expect(log.errors).toEqual([])
    })
  })
})
