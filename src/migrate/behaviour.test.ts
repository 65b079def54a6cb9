// The converted config at work: initialised with Consentry's own API in happy-dom.
import { beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, get, has, init, rejectAll, set, startBlocking } from '../headless.js'
import { freshPage, painted } from '../testing/index.js'
import { initWithUi } from '../ui/init.js'
import { action, freshUiPage, loaders, q } from '../ui/testing.js'
import { fromVanillaCookieConsent } from './index.js'
import { useEnv } from '../env/index.js'

const vcc = {
  revision: 2,
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }] },
      services: { ga: { label: 'Google Analytics', cookies: [{ name: /^_ga_/ }] } },
    },
    ads: { services: { meta: { label: 'Meta Pixel', cookies: [{ name: '_fbp' }] } } },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies at Fernhill',
          description: 'We use cookies.',
          acceptAllBtn: 'Yes please',
          acceptNecessaryBtn: 'No thanks',
          showPreferencesBtn: 'Choose',
          footer: '<a href="/privacy">Privacy</a>',
        },
        preferencesModal: { sections: [] },
      },
    },
  },
}
const { config } = fromVanillaCookieConsent(vcc)
const cookies = () => document.cookie.split(/;\s*/).map((p) => p.split('=')[0]).filter((n) => n && n != 'consentry').sort()
const plant = () => {
  for (const c of ['_ga', '_ga_X1', '_gid', '_fbp', 'session']) document.cookie = `${c}=1; path=/`
}

describe('a converted vanilla-cookieconsent config', () => {
  beforeEach(() => freshPage())

  it('starts undecided with only the necessary category granted', async () => {
    const s = await init(config)
    expect(s).toMatchObject({ decided: false, revision: 2, categories: { necessary: true, analytics: false, ads: false } })
    expect(has('ga')).toBe(false)
  })

  it('accept all grants every category and service, reject all refuses them', async () => {
    await init(config)
    acceptAll()
    expect([has('analytics'), has('ga'), has('analytics-cookies'), has('ads'), has('meta')]).toEqual([true, true, true, true, true])
    rejectAll()
    expect(get()).toMatchObject({ decided: true, categories: { necessary: true, analytics: false, ads: false } })
    expect(has('meta')).toBe(false)
  })

  it("deletes the autoClear and service cookies of refused categories at start-up, and keeps the site's own", async () => {
    plant()
    await init(config)
    startBlocking()
    await painted() // the cleaner runs once the first frame is out
    expect(cookies()).toEqual(['session'])
  })

  it('deletes them again when consent is withdrawn, category by category', async () => {
    await init(config)
    const stop = startBlocking()
    acceptAll()
    plant()
    set({ analytics: false })
    await new Promise((r) => setTimeout(r, 10))
    expect(cookies()).toEqual(['_fbp', 'session'])
    stop()
  })
})

describe('its banner', () => {
  beforeEach(() => freshUiPage())

  it("shows the site's own texts and policy link, and its buttons decide", async () => {
    // A visitor, not a bot: the converted config hides the banner from bots, as vanilla-cookieconsent did, and
    // happy-dom says it is driven by automation (navigator.webdriver).
    useEnv({ bot: () => false })
    await initWithUi(config, loaders)
    expect(q('[part~=title]')?.textContent).toBe('Cookies at Fernhill')
    expect(q<HTMLAnchorElement>('[part~=link]')?.getAttribute('href')).toBe('/privacy')
    expect(action('accept-all')?.textContent).toBe('Yes please')
    expect(action('reject-all')?.textContent).toBe('No thanks')
    expect(q('[part~=banner]')?.classList.contains('box')).toBe(true)
    action('reject-all')!.click()
    expect(get()).toMatchObject({ decided: true, categories: { analytics: false } })
  })
})

describe("the guide's carry-over of an old cc_cookie decision", () => {
  beforeEach(() => freshPage())

  it.each([
    ['consentry', []],
    ['cc_cookie', ['cc_cookie']],
  ])('grants only the categories the visitor accepted then (Consentry cookie %s)', async (name, left) => {
    const conf = { ...config, cookie: { ...config.cookie, name } }
    const old = { categories: ['necessary', 'ads'], revision: 0, data: null, consentId: 'x', services: { ads: ['meta'] } }
    document.cookie = `cc_cookie=${encodeURIComponent(JSON.stringify(old))}; path=/`
    // The snippet from docs/migrate/vanilla-cookieconsent.md.
    await init(conf)
    const raw = document.cookie.split('; ').find((c) => c.startsWith('cc_cookie='))
    if (raw && !get().decided) {
      document.cookie = 'cc_cookie=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
      const was = JSON.parse(decodeURIComponent(raw.slice('cc_cookie='.length))) as { categories: string[] }
      const choices: Record<string, boolean> = {}
      for (const id of Object.keys(get().categories)) choices[id] = was.categories.includes(id)
      set(choices)
    }
    expect(get()).toMatchObject({ decided: true, method: 'api', categories: { necessary: true, analytics: false, ads: true } })
    expect(has('meta')).toBe(true)
    // The old cookie is gone; with the same name, Consentry's own record is in its place.
    expect(cookies()).toEqual(left)
    if (name == 'cc_cookie') expect(document.cookie).not.toContain('%22categories%22')
  })
})
