/**
 * A site owner's first upload, as a new user does it: a fresh static folder
 * with only the files the README lists (copied from dist/), or the single
 * file, served under a strict CSP, and a German coffee shop's page — a Google
 * Analytics tag and a YouTube embed waiting for consent — walked through by a
 * visitor: the banner in German, Manage preferences, Save, the video's
 * placeholder and Load content, a reload that keeps the decision.
 */
import { describe, expect, it } from 'vitest'
import { BROWSERS, type PageLog } from './driver.js'
import type { SiteServer } from './harness.js'
import { readmeList, uploadSuite } from './upload-fixtures.js'

describe.each(BROWSERS)('%s', (browserName) => {
  const up = uploadSuite(browserName)
  let log: PageLog
  let site: SiteServer | undefined
  const open: typeof up.open = async (...args) => {
    const origin = await up.open(...args)
    site = up.site()
    log = up.suite.log
    return origin
  }
  const walkThrough = up.walkThrough

  it('a site that uploads the files the README lists: banner, preferences and placeholder in German, and the decision kept', async () => {
    const files = await readmeList()
    expect(files).toContain('consentry.min.js')
    const origin = await open(files)
    await walkThrough()
    expect(log.errors).toEqual([])
    // Every file the page asked for was there.
    expect(site!.hits.filter((h) => h.status != 200)).toEqual([])
    const fetched = site!.hits.map((h) => h.path)
    expect(fetched).toEqual(expect.arrayContaining(['/assets/consentry-preferences.mjs', '/assets/consentry-extras.mjs', '/assets/i18n/de.mjs']))
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:/)
  })

  it('a site that uploads only consentry.all.min.js: the same walk, and nothing else is fetched', async () => {
    await open(['consentry.all.min.js'], 'consentry.all.min.js')
    await walkThrough()
    expect(log.errors).toEqual([])
    expect(site!.hits.filter((h) => h.status != 200)).toEqual([])
    expect(site!.hits.map((h) => h.path).filter((p) => p.startsWith('/assets/'))).toEqual(['/assets/consentry.all.min.js', '/assets/consentry.all.min.js'])
  })
})
