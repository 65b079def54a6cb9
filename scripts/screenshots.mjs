/**
 * The screenshots of the README and docs/ui.md, taken from the real demo pages:
 * starts the demo server on a free 127.0.0.1 port (with a records file of its
 * own, so the shots never show a developer's records), opens each page in a
 * fresh headless-Chromium context, and writes docs/screenshots/:
 * {site,spa,us,records}.png at 1280×800, and the banner in both layouts, light
 * and dark, at 1280×800 and (in German) 390×844, and the preferences centre
 * (banner-*.png, preferences-*.png). Needs a build (`npm run build`) and
 * Debian's Chromium at /usr/bin/chromium (or $CHROMIUM); downloads nothing.
 *
 *   npm run build && node scripts/screenshots.mjs
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { createDemoServer, listen } from '../demo/server.mjs'

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url))
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const VIEWPORT = { width: 1280, height: 800 }

if (!existsSync(fileURLToPath(new URL('../dist/consentry.min.js', import.meta.url)))) {
  console.error('dist/ is missing: run `npm run build` first')
  process.exit(1)
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`)
  process.exit(1)
}

const scratch = await mkdtemp(join(tmpdir(), 'consentry-screenshots-'))
const server = createDemoServer(undefined, join(scratch, 'records.jsonl'))
const origin = `http://127.0.0.1:${await listen(server, 0)}`
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

/** A first-time visitor's tab on `path`; page errors fail the run, since a screenshot of a broken page is worse than none. */
const visit = async (path) => {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light', reducedMotion: 'reduce', locale: 'en-US' })
  const page = await context.newPage()
  page.on('pageerror', (e) => {
    throw new Error(`${path}: ${e.message}`)
  })
  page.on('console', (m) => m.type() === 'error' && console.error(`${path}: ${m.text()}`))
  await page.goto(origin + path)
  return { page, context }
}
const shoot = async (page, name) => {
  // Settle: fonts, the banner's first frame, the last redraw.
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(OUT, `${name}.png`) })
  console.log(`docs/screenshots/${name}.png`)
}

try {
  await mkdir(OUT, { recursive: true })

  // The marketing site as a first-time visitor sees it: banner up, tags and the video waiting.
  {
    const { page, context } = await visit('/')
    await page.locator('[data-consentry] [part=banner]').waitFor()
    await shoot(page, 'site')
    // A decision, so the records page has something to list.
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
    await page.waitForFunction(() => window.adfinch && window.meadowlark)
    await context.close()
  }

  // The SPA after "Accept all" on its banner and one switch flipped in the app: the hooks' UI shows both.
  {
    const { page, context } = await visit('/app.html')
    await page.locator('[data-consentry] [data-consentry-action=accept-all]').click()
    await page.locator('.category-row[data-category=marketing][data-granted=true]').waitFor()
    await page.locator('.category-row[data-category=marketing] button').click()
    await page.locator('.category-row[data-category=marketing][data-granted=false]').waitFor()
    await page.locator('[data-consentry] [part=floating-button]').waitFor()
    await shoot(page, 'spa')
    await context.close()
  }

  // The US page on arrival: the opt-out notice (not a wall) and the inspector with the signals in force.
  {
    const { page, context } = await visit('/us.html')
    await page.locator('[data-consentry] [part=notice]').waitFor()
    await page.waitForFunction(() => document.getElementById('gpp-string')?.textContent?.startsWith('DBA'))
    await shoot(page, 'us')
    await page.locator('[data-consentry] [data-consentry-action=opt-out]').click()
    await page.waitForFunction(() => document.getElementById('usp-string')?.textContent === '1YYN')
    await context.close()
  }

  // What the server received from the visits above.
  {
    const { page, context } = await visit('/records.html')
    await page.waitForFunction(() => Number(document.documentElement.dataset.loaded) >= 3)
    await shoot(page, 'records')
    await context.close()
  }

  // The banner as a first-time visitor sees it on the home page, in each layout and theme, on a screen and a phone
  // (in German, whose long labels show how the buttons arrange themselves); the page's config and <html lang>
  // are changed on the way in, nothing else.
  const shots = [
    ...['bar', 'box'].flatMap((layout) => [
      ...[false, true].map((dark) => ({ layout, dark, width: 1280, height: 800, lang: 'en' })),
      ...[false, true].map((dark) => ({ layout, dark, width: 390, height: 844, lang: 'de' })),
    ]),
    { layout: 'bar', dark: false, width: 1280, height: 800, lang: 'en', preferences: true },
    { layout: 'bar', dark: true, width: 390, height: 844, lang: 'de', preferences: true },
  ]
  for (const { layout, dark, width, height, lang, preferences } of shots) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' })
    const page = await context.newPage()
    page.on('pageerror', (e) => {
      throw new Error(`/ (${layout}, ${lang}): ${e.message}`)
    })
    page.on('console', (m) => m.type() === 'error' && console.error(`/ (${layout}, ${lang}): ${m.text()}`))
    await page.route(`${origin}/`, async (route) => {
      const response = await route.fetch()
      const html = await response.text()
      const body = html.replace('<html lang="en">', `<html lang="${lang}">`).replace('"theme": "auto"', `"theme": "auto",\n        "layout": "${layout}"`)
      if (body.includes(`"layout": "${layout}"`) === false) throw new Error('the demo page changed: its ui block was not found')
      await route.fulfill({ response, body })
    })
    await page.goto(`${origin}/`)
    // The language is in and the buttons are arranged.
    await page.locator(`[data-consentry] [part=banner][lang=${lang}] [part=buttons]:not(.fit)`).waitFor({ state: 'attached' })
    const name = preferences ? `preferences-${width}${lang == 'en' ? '' : '-' + lang}` : `banner-${layout}-${width}${lang == 'en' ? '' : '-' + lang}`
    if (preferences) {
      await page.locator('[data-consentry] [data-consentry-action=preferences]').click()
      await page.locator('[data-consentry] [part=preferences] [part=buttons]:not(.fit)').waitFor({ state: 'attached' })
    }
    await shoot(page, name + (dark ? '-dark' : ''))
    await context.close()
  }
} finally {
  await browser.close()
  server.closeAllConnections()
  await new Promise((ok) => server.close(ok))
  await rm(scratch, { recursive: true, force: true })
}
