/**
 * Conditions from the reliability matrix that the other suites do not cover,
 * in Chromium and Firefox (a tab hidden and shown is emulated in headless Chromium,
 * which keeps every tab visible): storage reduced to sessionStorage, copies that
 * disagree, an older schema, two copies of Consentry on one page (script tag +
 * npm bundle, both orders), init() twice, strict CSP with and without Trusted
 * Types, a real back/forward-cache restore, a tab hidden and shown again, and
 * tampering: scripts that click, dispatch or forge do not gain consent.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { BROWSERS, launch, watch, type PageLog, type Session, type Tab } from './driver.js'
import { CONFIG, configBlock, consentryPage } from './pages.js'

const NM = fileURLToPath(new URL('../../node_modules/', import.meta.url))
const JS = 'text/javascript; charset=utf-8'

/** FNV-1a as the record codec computes it, to write a schema 1 value the way earlier builds did. */
const checksum = (s: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}
/** A schema 2 value rewritten as schema 1 (`created` spelled out), as stored by a visitor before the upgrade. */
const asSchema1 = (v2: string): string => {
  const p = v2.split('.').slice(0, -1)
  p[0] = '1'
  if (!p[2]) p[2] = p[3]!
  const body = p.join('.')
  return body + '.' + checksum(body)
}

/** Serves a package directory's files under /nm/ so an import map can point at them (the "npm bundle" in a page). */
const serveDir = (server: TestServer, dir: string): void => {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    if (statSync(file).isDirectory()) serveDir(server, file)
    else if (/\.m?js$/.test(name)) server.route('/nm/' + relative(NM, file), { body: readFileSync(file, 'utf8'), type: JS })
  }
}
/** What a bundler's `define` does for `process.env.NODE_ENV`, for the ESM build loaded unbundled. */
const PROCESS = `<script src="/cond/process.js"></script>`
const IMPORT_MAP = PROCESS + `<script type="importmap">${JSON.stringify({
  imports: {
    consentry: '/dist/index.mjs',
    nanostores: '/nm/nanostores/index.js',
    'js-cookie': '/nm/js-cookie/dist/js.cookie.mjs',
    preact: '/nm/preact/dist/preact.module.js',
    'preact/hooks': '/nm/preact/hooks/dist/hooks.module.js',
    'preact/jsx-runtime': '/nm/preact/jsx-runtime/dist/jsxRuntime.module.js',
  },
})}</script>`

const button = (page: Tab, action: string) => page.locator(`[data-consentry] >>> [part=banner] [data-consentry-action=${action}]`)
const snapshot = (page: Tab) => page.evaluate(() => Consentry.get())
const stored = (page: Tab) =>
  page.evaluate(() => ({
    cookie: document.cookie.split('; ').find((c) => c.startsWith('consentry='))?.slice(10) ?? null,
    local: (() => {
      try {
        return localStorage.getItem('consentry')
      } catch {
        return 'denied'
      }
    })(),
    session: sessionStorage.getItem('consentry'),
  }))

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  let server: TestServer
  let session: Session
  let noCookies: Session | undefined
  let page: Tab
  let log: PageLog

  beforeAll(async () => {
    ;({ server, session } = suite)
    for (const pkg of ['nanostores', 'preact', 'js-cookie']) serveDir(server, join(NM, pkg))
    server.route('/cond/process.js', { body: `window.process = { env: { NODE_ENV: 'production' } }`, type: JS })
  })
  afterAll(async () => {
    if (noCookies != session) await noCookies?.close()
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  describe('storage', () => {
    it('sessionStorage only (cookies blocked, localStorage denied): the decision survives reloads in the tab', async () => {
      // Chromium: its real "cookies blocked" (CDP). Firefox's real pref (cookieBehavior 2) denies
      // sessionStorage too — that is the "nothing works" case in hostile.test — so there
      // document.cookie is made inert the way a blocked cookie jar behaves: reads '' and drops writes.
      noCookies ??= browserName == 'chromium' ? await launch(browserName, { noCookies: true }) : session
      const tab = noCookies == session ? page : await noCookies.visitor(server.origin)
      const tabLog = noCookies == session ? log : watch(tab)
      if (browserName == 'firefox')
        await tab.addInitScript(() => Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {}, configurable: true }))
      // Denied the way a browser denies it: the getter throws a SecurityError.
      await tab.addInitScript(() =>
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        }),
      )
      const url = server.route('/cond/session.html', { body: consentryPage() })
      await tab.goto(url)
      await button(tab, 'accept-all').click()
      expect(await stored(tab)).toMatchObject({ cookie: null, local: 'denied', session: expect.stringMatching(/^2\./) })
      await tab.reload()
      expect(await snapshot(tab)).toMatchObject({ decided: true, categories: { analytics: true } })
      expect(await tab.locator('[data-consentry] >>> [part=banner]').count()).toBe(0)
      // Said once per page view, for each storage that is missing.
      expect(tabLog.warnings.filter((w) => w.includes('[consentry]')).sort()).toEqual([
        '[consentry] cookie unavailable: the decision lasts for this page view only',
        '[consentry] cookie unavailable: the decision lasts for this page view only',
        '[consentry] localStorage unavailable: the decision lasts for this page view only',
        '[consentry] localStorage unavailable: the decision lasts for this page view only',
      ])
      expect(tabLog.errors).toEqual([])
      if (tab != page) await tab.close()
    })

    it('cookie and localStorage disagreeing: the later decision wins and both copies are repaired', async () => {
      const url = server.route('/cond/disagree.html', { body: consentryPage() })
      await page.goto(url)
      await button(page, 'accept-all').click()
      const older = (await stored(page)).cookie!
      await page.waitForTimeout(5) // a later millisecond for the later decision
      await page.evaluate(() => Consentry.rejectAll())
      const newer = (await stored(page)).cookie!
      expect(newer).not.toBe(older)
      // Two valid values, one in each copy, each way round.
      for (const [cookie, local] of [[older, newer], [newer, older]]) {
        await page.evaluate(([c, l]) => {
          document.cookie = `consentry=${c}; path=/; SameSite=Lax`
          localStorage.setItem('consentry', l!)
        }, [cookie, local])
        await page.reload()
        expect(await snapshot(page)).toMatchObject({ decided: true, categories: { analytics: false } })
        expect(await stored(page)).toMatchObject({ cookie: newer, local: newer })
      }
    })

    it('a cookie written by the older schema 1 is read as the same decision and migrated to schema 2', async () => {
      const url = server.route('/cond/schema.html', { body: consentryPage() })
      await page.goto(url)
      await page.evaluate(() => Consentry.set({ analytics: true, marketing: false }))
      const current = (await stored(page)).cookie!
      const before = await snapshot(page)
      const old = asSchema1(current)
      expect(old).toMatch(/^1\./)
      await page.evaluate((v) => {
        document.cookie = `consentry=${v}; path=/; SameSite=Lax`
        localStorage.removeItem('consentry')
      }, old)
      await page.reload()
      const after = await snapshot(page)
      expect(after).toMatchObject({ decided: true, id: before.id, categories: { analytics: true, marketing: false } })
      // Migrated, not dropped: both copies now hold the schema 2 value of the same decision.
      expect(await stored(page)).toMatchObject({ cookie: current, local: current })
    })
  })

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

  describe('strict CSP', () => {
    for (const trustedTypes of [false, true]) {
      it(`default-src 'self'${trustedTypes ? " with require-trusted-types-for 'script'" : ''}: banner, blocked scripts released on consent, zero violations`, async () => {
        const csp = "default-src 'self'" + (trustedTypes ? "; require-trusted-types-for 'script'; trusted-types consentry site" : '')
        await page.addInitScript(() => {
          ;(window as unknown as { violations: string[] }).violations = []
          addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`))
        })
        server.route('/cond/tracked.js', { body: `(window.ran = window.ran || []).push('markup')`, type: JS })
        server.route('/cond/loaded.js', { body: `(window.ran = window.ran || []).push('loader')`, type: JS })
        // A tag-manager-style loader; under Trusted Types it uses its own policy, as a site's code must.
        server.route('/cond/loader.js', {
          body: `const p = window.trustedTypes && document.querySelector('meta[name=tt]') ? trustedTypes.createPolicy('site', { createScriptURL: (u) => u }) : null
const s = document.createElement('script')
s.setAttribute('data-consent', 'analytics')
s.src = p ? p.createScriptURL('/cond/loaded.js') : '/cond/loaded.js'
document.head.append(s)`,
          type: JS,
        })
        // The loader's URL belongs to the analytics service, as a tag manager's would.
        const config = { ...CONFIG, categories: [CONFIG.categories[0], { id: 'analytics', services: [{ id: 'tracker', hosts: [new URL(server.origin).host + '/cond/loaded.js'] }] }, CONFIG.categories[2]] }
        const url = server.route(`/cond/csp-${trustedTypes}.html`, {
          body: consentryPage({
            config,
            head: trustedTypes ? '<meta name="tt" content="1">' : '',
            body: `<script type="text/plain" data-consent="analytics" src="/cond/tracked.js"></script>`,
            before: '',
          }).replace('</body>', '<script src="/cond/loader.js"></script></body>'),
          headers: { 'Content-Security-Policy': csp },
        })
        await page.goto(url)
        await button(page, 'accept-all').waitFor()
        expect(await page.evaluate(() => (window as { ran?: string[] }).ran ?? [])).toEqual([])
        await button(page, 'accept-all').click()
        await expect.poll(() => page.evaluate(() => ((window as { ran?: string[] }).ran ?? []).slice().sort())).toEqual(['loader', 'markup'])
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
        if (trustedTypes) {
          // The header is live (both browsers enforce Trusted Types): a plain string is refused,
          // so the release above went through the consentry policy. This probe's own violation
          // is expected, and taken out of the log.
          const err = await page.evaluate(() => {
            try {
              document.createElement('script').src = '/x.js'
              return 'no error'
            } catch (e) {
              return (e as Error).name
            }
          })
          expect(err).toBe('TypeError')
          await expect.poll(() => log.errors.length).toBe(1)
          expect(log.errors.splice(0)[0]).toMatch(/TrustedScriptURL|injection sink/)
        }
      })
    }
  })

  describe('coming back and looking again', () => {
    it('a back/forward-cache restore shows the decision another tab made meanwhile', async () => {
      const bf = await launch(browserName, { bfcache: true })
      try {
        const tab = await bf.visitor(server.origin)
        const tabLog = watch(tab)
        await tab.addInitScript(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)))
        // no-store (the harness default) keeps a page out of the back/forward cache in both browsers.
        const cacheable = { 'Cache-Control': 'private, max-age=0' }
        const a = server.route('/cond/bf-a.html', { body: consentryPage(), headers: cacheable })
        const b = server.route('/cond/bf-b.html', { body: '<!doctype html><title>b</title><p>elsewhere</p>', headers: cacheable })
        await tab.goto(a)
        await button(tab, 'accept-all').click()
        await tab.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
        await tab.goto(b)
        const other = await bf.context().newPage()
        watch(other, tabLog)
        await other.goto(a)
        await other.evaluate(() => Consentry.rejectAll())
        await other.close()
        await tab.goBack({ waitUntil: 'commit' })
        // The same document came back (not a reload): the marker survived, and pageshow said persisted.
        await expect
          .poll(() => tab.evaluate(() => ({ marker: (window as unknown as { marker?: number }).marker, restored: (window as unknown as { restored?: boolean }).restored })).catch(() => null))
          .toEqual({ marker: 42, restored: true })
        await expect.poll(() => snapshot(tab).then((s) => s.categories.analytics)).toBe(false)
        expect(await tab.locator('[data-consentry] >>> [part=banner]').isVisible()).toBe(false)
        expect(tabLog.errors).toEqual([])
      } finally {
        await bf.close()
      }
    })

    it('a tab hidden and shown again picks up a decision that changed only in the cookie meanwhile', async () => {
      const a = server.route('/cond/vis.html', { body: consentryPage() })
      await page.goto(a)
      await page.evaluate(() => Consentry.acceptAll())
      const cookieBefore = (await stored(page)).cookie!
      // Another tab takes the page's place in front: in Firefox this one is hidden for real.
      // Headless Chromium keeps every tab "visible" (no window, no minimise), so there the
      // page is told what Chromium tells a background tab: visibilityState hidden, then
      // visible, each with its visibilitychange event.
      const emulate = browserName == 'chromium'
      const setVisibility = (state: string) =>
        page.evaluate((v) => {
          Object.defineProperty(document, 'visibilityState', { value: v, configurable: true })
          Object.defineProperty(document, 'hidden', { value: v == 'hidden', configurable: true })
          document.dispatchEvent(new Event('visibilitychange'))
        }, state)
      const other = await session.context().newPage()
      watch(other, log)
      await other.goto(a)
      await other.bringToFront()
      if (emulate) await setVisibility('hidden')
      await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('hidden')
      // A cookie-only change (a server response, or a subdomain): no storage event reaches the hidden tab.
      await other.evaluate(() => {
        Consentry.rejectAll()
        localStorage.setItem('consentry', 'x') // no usable localStorage copy for the hidden tab to follow
      })
      expect((await stored(other)).cookie).not.toBe(cookieBefore)
      await page.bringToFront()
      if (emulate) await setVisibility('visible')
      await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('visible')
      await expect.poll(() => snapshot(page).then((s) => s.categories.analytics)).toBe(false)
      await other.close()
    })
  })

  describe('tampering', () => {
    it("a script's .click(), dispatched events and keyboard events on the buttons gain nothing; the visitor's click does", async () => {
      const url = server.route('/cond/tamper.html', { body: consentryPage() })
      await page.goto(url)
      await button(page, 'accept-all').waitFor()
      await page.evaluate(() => {
        const root = document.querySelector('[data-consentry]')!.shadowRoot!
        const accept = root.querySelector<HTMLButtonElement>('[data-consentry-action=accept-all]')!
        accept.click()
        accept.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }))
        accept.dispatchEvent(new PointerEvent('click', { bubbles: true, composed: true }))
        accept.focus()
        accept.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }))
        root.querySelector<HTMLButtonElement>('[data-consentry-action=preferences]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
      })
      expect(await snapshot(page)).toMatchObject({ decided: false })
      expect(await page.evaluate(() => document.cookie.includes('consentry='))).toBe(false)
      // The preferences did not open either, so no switch and no save button could be pressed.
      expect(await page.locator('[data-consentry] >>> [part=preferences]').count()).toBe(0)
      await button(page, 'accept-all').click()
      expect(await snapshot(page)).toMatchObject({ decided: true, method: 'banner', categories: { analytics: true } })
    })

    it("in the preferences, a script's clicks on switches and save change nothing", async () => {
      const url = server.route('/cond/tamper-prefs.html', { body: consentryPage() })
      await page.goto(url)
      await page.evaluate(() => Consentry.rejectAll())
      await page.evaluate(() => Consentry.showPreferences())
      await page.locator('[data-consentry] >>> [part=preferences] [data-consentry-action=save]').waitFor()
      await page.evaluate(() => {
        const root = document.querySelector('[data-consentry]')!.shadowRoot!
        for (const s of root.querySelectorAll<HTMLElement>('[role=switch]')) s.click()
        root.querySelector<HTMLButtonElement>('[part=preferences] [data-consentry-action=accept-all]')!.click()
        root.querySelector<HTMLButtonElement>('[part=preferences] [data-consentry-action=save]')!.click()
      })
      expect(await snapshot(page)).toMatchObject({ categories: { analytics: false, marketing: false } })
      expect(await page.locator('[data-consentry] >>> [part=preferences]').count()).toBe(1)
    })

    it('a forged cookie for categories the site does not have, or with a broken checksum, grants nothing', async () => {
      const url = server.route('/cond/forge.html', { body: consentryPage() })
      await page.goto(url)
      await page.evaluate(() => Consentry.rejectAll())
      const real = (await stored(page)).cookie!
      // Flip a refusal into a grant without the checksum: refused, so no decision at all.
      const flipped = real.replace('!analytics', 'analytics')
      await page.evaluate((v) => {
        document.cookie = `consentry=${v}; path=/; SameSite=Lax`
        localStorage.setItem('consentry', v)
      }, flipped)
      await page.reload()
      expect(await snapshot(page)).toMatchObject({ decided: false, categories: { analytics: false } })
    })
  })
})
