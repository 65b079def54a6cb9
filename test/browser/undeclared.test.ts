/**
 * Markup that waits for an id the config does not declare, in real Chromium and
 * Firefox ESR, with both script-tag builds: a page copied from a recipe keeps
 * `data-service="vimeo"` while its config declares only YouTube. Nothing can
 * allow `vimeo`, so its iframe waits for ever (Accept all included) and gets no
 * placeholder whose button would have nothing to allow; the development build
 * (`consentry.js`) names the element once at start-up. No page error either way.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog, type Session, type Tab } from './driver.js'
import type { TestServer } from './harness.js'
import { browserSuite } from './suite.js'
import { consentryPage } from './pages.js'

const CONFIG = {
  categories: [
    { id: 'necessary', necessary: true },
    { id: 'marketing', services: [{ id: 'youtube', label: 'YouTube' }] },
  ],
  revision: 1,
}

const VIMEO = '<iframe id="vimeo" title="Vimeo" width="560" height="315" data-consent="marketing" data-service="vimeo" data-src="/undeclared/vimeo.html"></iframe>'
const BODY = `<main>
<iframe id="youtube" title="YouTube" width="560" height="315" data-consent="marketing" data-service="youtube" data-src="/undeclared/youtube.html"></iframe>
${VIMEO}
</main>`

const WARNING = `[consentry] data-service="vimeo" on ${VIMEO.replace('></iframe>', '>')}: the config declares no category or service with this id`

describe.each(BROWSERS)('%s', (browserName) => {
  const suite = browserSuite(browserName)
  let server: TestServer
  let session: Session
  let page: Tab
  let log: PageLog

  beforeAll(async () => {
    ;({ server, session } = suite)
    for (const name of ['youtube', 'vimeo'])
      server.route(`/undeclared/${name}.html`, { body: `<!doctype html><html lang="en"><title>${name}</title><p id="player">the ${name} video</p></html>` })
    const page = consentryPage({ body: BODY, config: CONFIG })
    server.route('/undeclared/min.html', { body: page })
    server.route('/undeclared/dev.html', { body: page.replace('/dist/consentry.min.js', '/dist/consentry.js') })
  })
  beforeEach(async () => {
    ;({ page, log } = suite)
  })

  const vimeo = () =>
    page.evaluate(() => {
      const frame = document.getElementById('vimeo') as HTMLIFrameElement
      return { src: frame.getAttribute('src'), text: frame.contentDocument?.body?.textContent ?? '', buttons: frame.contentDocument?.querySelectorAll('button').length ?? 0 }
    })

  it.each([
    ['consentry.min.js', 'min', false],
    ['consentry.js (development)', 'dev', true],
  ])('%s: the undeclared embed gets no placeholder and never loads, Accept all included', async (_build, file, warns) => {
    await page.goto(`${server.origin}/undeclared/${file}.html`)
    // The declared embed's placeholder is drawn in the same pass as any other's would be.
    await page.frameLocator('#youtube').getByRole('button', { name: 'Load content' }).waitFor()
    expect(await vimeo()).toEqual({ src: null, text: '', buttons: 0 })
    expect(log.warnings.filter((w) => w.startsWith(WARNING))).toHaveLength(warns ? 1 : 0)

    await page.evaluate(() => Consentry.acceptAll())
    await expect.poll(() => page.frameLocator('#youtube').locator('#player').textContent()).toBe('the youtube video')
    await page.waitForTimeout(300)
    expect(await vimeo()).toEqual({ src: null, text: '', buttons: 0 })
    // Named once, however many times blocking looked again (the decision, the embed that loaded).
    expect(log.warnings.filter((w) => w.startsWith(WARNING))).toHaveLength(warns ? 1 : 0)
  })
})
