/** `hideFromBots`: no banner or notice of its own for crawlers and automated browsers, and no consent for them. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { teardown } from './init.js'
import { env, useEnv } from '../env/index.js'
import { get, has, init, reset, show, acceptAll, $ui, type ConsentryConfig } from '../headless.js'
import { CONFIG, cookie, freshPage } from '../testing/index.js'

const BOTS: ConsentryConfig = { ...CONFIG, hideFromBots: true }

beforeEach(() => {
  freshPage()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
  useEnv()
})

describe('hideFromBots', () => {
  it('a crawler gets no banner and no consent; show() still opens it, and a decision made there holds', async () => {
    useEnv({ bot: () => true })
    const s = await init(BOTS)
    expect($ui.get()).toBe('hidden')
    expect(s).toMatchObject({ decided: false, categories: { analytics: false, marketing: false } })
    expect(has('analytics')).toBe(false)
    expect(cookie()).toBeUndefined()
    reset()
    expect($ui.get()).toBe('hidden')
    show()
    expect($ui.get()).toBe('banner')
    acceptAll('banner')
    expect(get()).toMatchObject({ decided: true, categories: { analytics: true } })
  })

  it('a visitor still gets the banner with it on, and a crawler without it', async () => {
    for (const [bot, hide] of [[false, true], [true, false]] as const) {
      teardown()
      freshPage()
      useEnv({ bot: () => bot })
      await init({ ...CONFIG, hideFromBots: hide })
      expect($ui.get(), `bot ${bot}, hideFromBots ${hide}`).toBe('banner')
    }
  })

  it("a US law state's notice is not shown to a crawler either; nothing is decided for it", async () => {
    useEnv({ bot: () => true })
    const s = await init({ ...BOTS, mode: 'opt-out' })
    expect($ui.get()).toBe('hidden')
    expect(s.decided).toBe(false)
  })

  it('is a boolean: anything else is one typed error naming the field', async () => {
    await expect(init({ ...CONFIG, hideFromBots: 'yes' as unknown as boolean })).rejects.toMatchObject({
      name: 'ConsentryError',
      problems: [expect.objectContaining({ path: 'config.hideFromBots' })],
    })
  })
})

describe('who counts as a bot', () => {
  const as = (userAgent: string, webdriver = false) => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent)
    vi.spyOn(navigator, 'webdriver', 'get').mockReturnValue(webdriver)
    return env.bot()
  }

  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
    'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
    'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; GPTBot/1.1; +https://openai.com/gptbot',
    'Mozilla/5.0 (compatible; DuckDuckBot-Https/1.1; https://duckduckgo.com/duckduckbot)',
    'Mozilla/5.0 (compatible; Google-InspectionTool/1.0;)',
  ])('%s', (ua) => expect(as(ua)).toBe(true))

  it.each([
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    // A phone maker whose name ends in "bot".
    'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    // Lighthouse and PageSpeed Insights measure the page as visitors get it: with the banner.
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
  ])('not: %s', (ua) => expect(as(ua)).toBe(false))

  it('a browser driven by WebDriver is one, whatever it says it is', () => {
    expect(as('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', true)).toBe(true)
  })
})
