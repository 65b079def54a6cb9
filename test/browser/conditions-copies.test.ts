/**
 * Two copies of Consentry on one page (script tag + npm bundle, both orders) and init()
 * twice, in Chromium and Firefox.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { TestServer } from './harness.js'
import { BROWSERS, type PageLog, type Tab } from './driver.js'
import { CONFIG, configBlock, consentryPage } from './pages.js'
import { IMPORT_MAP, JS, button, conditionsSuite, snapshot } from './conditions-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = conditionsSuite(browserName)
  let page: Tab, server: TestServer, log: PageLog
  beforeEach(() => void ({ page, server, log } = suite))

  describe('two copies and two inits', () => {
    const seenScript = `window.seen = { tag: [], npm: [], ready: 0 }`
    it('script tag first, then the npm bundle: one UI, one state, each change heard once', async () => {
      server.route('/cond/seen.js', { body: seenScript, type: JS })
      server.route('/cond/tag-listen.js', { body: `Consentry.on('change', (s) => seen.tag.push(s.categories.analytics)); Consentry.on('ready', () => seen.ready++)`, type: JS })
      server.route('/cond/npm-after.js', {
        body: `import { init, on, has } from 'consentry'
const config = JSON.parse(document.querySelector('[data-consentry-config]').textContent)
await init(config)
on('change', (s) => seen.npm.push(s.categories.analytics))
window.npmHas = has
window.npmReady = true`,
        type: JS,
      })
      const url = server.route('/cond/two-copies.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two copies</title>${IMPORT_MAP}
<script src="/cond/seen.js"></script></head><body><p>page</p>${configBlock(CONFIG)}
<script src="/dist/consentry.min.js"></script><script src="/cond/tag-listen.js"></script>
<script type="module" src="/cond/npm-after.js"></script></body></html>`,
      })
      await page.goto(url)
      await page.waitForFunction(() => (window as { npmReady?: boolean }).npmReady === true)
      expect(await page.evaluate(() => document.querySelectorAll('[data-consentry]').length)).toBe(1)
      await button(page, 'accept-all').click()
      await expect.poll(() => page.evaluate(() => seen)).toEqual({ tag: [true], npm: [true], ready: 1 })
      expect(await page.evaluate(() => (window as unknown as { npmHas(id: string): boolean }).npmHas('analytics'))).toBe(true)
      expect(log.warnings.filter((w) => w.includes('another copy of Consentry'))).toHaveLength(1)
      expect(await page.evaluate(() => document.querySelectorAll('[data-consentry]').length)).toBe(1)
    })

    it('npm bundle first, then the script tag: the tag leaves the bundle in charge, one UI, one state', async () => {
      server.route('/cond/npm-first.js', {
        body: `import * as C from 'consentry'
window.seen = { npm: [] }
await C.init({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }, { id: 'marketing' }] })
C.on('change', (s) => seen.npm.push(s.categories.analytics))
const s = document.createElement('script')
s.src = '/dist/consentry.min.js'
s.onload = () => (window.tagLoaded = true)
document.body.append(s)`,
        type: JS,
      })
      const url = server.route('/cond/npm-first.html', {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>npm first</title>${IMPORT_MAP}</head><body><p>page</p>
${configBlock({ ...CONFIG, categories: [...CONFIG.categories, { id: 'extra' }] })}
<script type="module" src="/cond/npm-first.js"></script></body></html>`,
      })
      await page.goto(url)
      await page.waitForFunction(() => (window as { tagLoaded?: boolean }).tagLoaded === true)
      expect(await page.evaluate(() => document.querySelectorAll('[data-consentry]').length)).toBe(1)
      await button(page, 'accept-all').click()
      await expect.poll(() => page.evaluate(() => (seen as unknown as { npm: boolean[] }).npm)).toEqual([true])
      // window.Consentry is the bundle's copy: the tag's config (with "extra") never took over.
      expect(await page.evaluate(() => Object.keys(Consentry.get().categories).sort())).toEqual(['analytics', 'marketing', 'necessary'])
    })

    it('init() twice with different configs: the first stays in force, and one clear warning says so', async () => {
      const url = server.route('/cond/init-twice.html', { body: consentryPage({ config: null }) })
      server.route('/cond/init-twice.js', {
        body: `Consentry.init(${JSON.stringify(CONFIG)})
Consentry.init(${JSON.stringify({ ...CONFIG, categories: [...CONFIG.categories, { id: 'extra' }] })})
Consentry.init(${JSON.stringify({ ...CONFIG, categories: [...CONFIG.categories, { id: 'extra' }] })})`,
        type: JS,
      })
      await page.goto(url)
      await page.evaluate(() => {
        const s = document.createElement('script')
        s.src = '/cond/init-twice.js'
        document.body.append(s)
        return new Promise((r) => (s.onload = r))
      })
      expect(Object.keys((await snapshot(page)).categories).sort()).toEqual(['analytics', 'marketing', 'necessary'])
      expect(log.warnings.filter((w) => w.includes('[consentry] init() again with another config: the first stays in force'))).toHaveLength(1)
    })

    it('a bad ui.assetsUrl rejects init with an invalid-config ConsentryError, never a TypeError thrown from the script tag', async () => {
      await page.goto(server.route('/cond/assets-url.html', { body: consentryPage({ config: null }) }))
      const outcomes = await page.evaluate((config) =>
        Promise.all(
          ['http://[', 'java\nscript:alert(1)//', 'data:text/javascript,alert(1)//'].map((assetsUrl) => {
            try {
              return Consentry.init({ ...config, ui: { assetsUrl } } as never).then(
                () => 'resolved',
                (e: { name: string; code?: string }) => `${e.name} ${e.code}`,
              )
            } catch (e) {
              return `threw ${(e as Error).name}`
            }
          }),
        ),
      CONFIG)
      expect(outcomes).toEqual(['ConsentryError invalid-config', 'ConsentryError invalid-config', 'ConsentryError invalid-config'])
      expect(await page.evaluate(() => document.querySelectorAll('[data-consentry]').length)).toBe(0)
    })
  })
})
