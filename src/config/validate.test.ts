import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConsentryError } from '../errors/index.js'
import { freshPage, CONFIG } from '../testing/index.js'
import { isHttpUrl, resolveConfig, url } from './index.js'

afterEach(() => {
  vi.restoreAllMocks()
  freshPage()
})

const errorOf = (config: unknown): ConsentryError => {
  try {
    resolveConfig(config)
  } catch (e) {
    return e as ConsentryError
  }
  throw new Error('expected resolveConfig to throw')
}

describe('config validation', () => {
  it('fills in every default', () => {
    const c = resolveConfig({ categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] })
    expect(c.revision).toBe(0)
    expect(c.mode).toBe('opt-in')
    expect(c.jurisdiction).toBe('')
    expect(c.lifetime).toBe(12 * 2629800000)
    expect(c.cookie).toEqual({ name: 'consentry', domain: undefined, path: '/', sameSite: 'Lax', secure: false, lifetime: 366, serverSet: false })
    expect(c.categories[0]).toMatchObject({ id: 'necessary', label: 'necessary', necessary: true, default: true, optOut: false, services: [] })
    expect(c.categories[1]).toMatchObject({ id: 'analytics', necessary: false, default: false })
  })

  it('indexes services and ids across categories', () => {
    const c = resolveConfig(CONFIG)
    expect(c.services.get('ga4')).toMatchObject({ id: 'ga4', category: 'analytics', cookies: [/^_ga/] })
    expect([...c.ids].sort()).toEqual(['analytics', 'ga4', 'marketing', 'meta', 'necessary', 'posthog'])
  })

  it.each([
    [null, 'config: expected an object, got null'],
    [{}, 'config.categories: expected a non-empty array, got undefined'],
    [{ categories: [] }, 'config.categories: expected a non-empty array, got []'],
    [{ categories: ['analytics'] }, 'config.categories[0]: expected an object, got "analytics"'],
    [{ categories: [{ id: 'Bad id' }] }, 'config.categories[0].id: expected an id of letters'],
    [{ categories: [{ label: 'x' }] }, 'config.categories[0].id: expected an id of letters, digits, _ or - (at most 40), got undefined'],
    [{ categories: [{ id: 'a' }, { id: 'a' }] }, 'config.categories[1].id: expected an id used once, got "a"'],
    [{ categories: [{ id: 'a', services: [{ id: 'a' }] }] }, 'config.categories[0].services[0].id: expected an id used once'],
    [{ categories: [{ id: 'a', necessary: 'yes' }] }, 'config.categories[0].necessary: expected true or false, got "yes"'],
    [{ categories: [{ id: 'a', services: {} }] }, 'config.categories[0].services: expected an array, got {}'],
    [{ categories: [{ id: 'a', services: [{ id: 'b', cookies: [3] }] }] }, 'config.categories[0].services[0].cookies[0]: expected a name or RegExp, got 3'],
    [{ categories: [{ id: 'a' }], lifetime: 14 }, 'config.lifetime: expected an integer from 1 to 13, got 14'],
    [{ categories: [{ id: 'a' }], lifetime: 1.5 }, 'config.lifetime: expected an integer from 1 to 13, got 1.5'],
    [{ categories: [{ id: 'a' }], revision: -1 }, 'config.revision: expected an integer from 0 to'],
    [{ categories: [{ id: 'a' }], mode: 'ask' }, 'config.mode: expected opt-in or opt-out or none or auto, got "ask"'],
    [{ categories: [{ id: 'a' }], region: 7 }, 'config.region: expected a region code such as US-CA, or a function'],
    [{ categories: [{ id: 'a' }], regions: { BR: 'maybe' } }, 'config.regions: expected an object of region codes to opt-in, opt-out or none'],
    [{ categories: [{ id: 'a' }], fallbackMode: 'auto' }, 'config.fallbackMode: expected opt-in or opt-out or none'],
    [{ categories: [{ id: 'a' }], cookie: { name: 'a b' } }, 'config.cookie.name: expected letters, digits, _ or -'],
    [{ categories: [{ id: 'a' }], cookie: { sameSite: 'lax' } }, 'config.cookie.sameSite: expected Lax or Strict or None, got "lax"'],
    [{ categories: [{ id: 'a' }], cookie: { sameSite: 'None' } }, 'config.cookie.secure: expected true with sameSite None, got false'],
    [{ categories: [{ id: 'a' }], cookie: { lifetime: 401 } }, 'config.cookie.lifetime: expected an integer from 1 to 400, got 401'],
    [{ categories: [{ id: 'a' }], cookie: { domain: 'exa mple.com' } }, 'config.cookie.domain: expected a domain'],
    [{ categories: [{ id: 'a' }], cookie: { path: 'nested' } }, 'config.cookie.path: expected a path starting with /'],
  ])('rejects %j with one typed error naming the field', (config, message) => {
    const e = errorOf(config)
    expect(e).toBeInstanceOf(ConsentryError)
    expect(e.code).toBe('invalid-config')
    expect(e.message).toContain('[consentry] ' + message)
  })

  it('reports every wrong field in one error, in the order docs/config.md lists them', () => {
    const e = errorOf({
      cookie: { path: 'nested', sameSite: 'None' },
      mode: 'ask',
      lifetime: 14,
      categories: [{ id: 'a', necessary: 'yes' }, { id: 'a' }, { id: 'b', services: [{ id: 'x', hosts: [3], label: 4 }] }, 'c'],
      revision: -1,
    })
    expect(e).toBeInstanceOf(ConsentryError)
    expect(e.code).toBe('invalid-config')
    expect(e.problems).toEqual([
      { path: 'config.categories[0].necessary', expected: 'true or false', got: 'yes' },
      { path: 'config.categories[1].id', expected: 'an id used once', got: 'a' },
      { path: 'config.categories[2].services[0].label', expected: 'a string', got: 4 },
      { path: 'config.categories[2].services[0].hosts[0]', expected: 'a name or RegExp', got: 3 },
      { path: 'config.categories[3]', expected: 'an object', got: 'c' },
      { path: 'config.revision', expected: 'an integer from 0 to 2147483648', got: -1 },
      { path: 'config.lifetime', expected: 'an integer from 1 to 13', got: 14 },
      { path: 'config.mode', expected: 'opt-in or opt-out or none or auto', got: 'ask' },
      { path: 'config.cookie.path', expected: 'a path starting with /', got: 'nested' },
      { path: 'config.cookie.secure', expected: 'true with sameSite None', got: false },
    ])
    // One line per field, in the same order.
    expect(e.message.split('\n')).toEqual([
      '[consentry] config.categories[0].necessary: expected true or false, got "yes"',
      'config.categories[1].id: expected an id used once, got "a"',
      'config.categories[2].services[0].label: expected a string, got 4',
      'config.categories[2].services[0].hosts[0]: expected a name or RegExp, got 3',
      'config.categories[3]: expected an object, got "c"',
      'config.revision: expected an integer from 0 to 2147483648, got -1',
      'config.lifetime: expected an integer from 1 to 13, got 14',
      'config.mode: expected opt-in or opt-out or none or auto, got "ask"',
      'config.cookie.path: expected a path starting with /, got "nested"',
      'config.cookie.secure: expected true with sameSite None, got false',
    ])
  })

  it('says what a value is even where JSON cannot (a BigInt, a cycle), and throws nothing else', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    const e = errorOf({ categories: [{ id: 'a' }], revision: 1n, regions: cycle })
    expect(e).toBeInstanceOf(ConsentryError)
    expect(e.problems.map((p) => p.path)).toEqual(['config.revision', 'config.regions'])
    expect(e.message).toContain('config.revision: expected an integer from 0 to 2147483648, got bigint')
  })

  it('warns once about each unknown key and keeps going', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const config = { categories: [{ id: 'a', colour: 'red' }], theme: 'dark' }
    resolveConfig(config)
    resolveConfig(config)
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[consentry] unknown config key config.theme (ignored)',
      '[consentry] unknown config key config.categories[0].colour (ignored)',
    ])
  })

  it('accepts SameSite=None when the cookie is Secure', () => {
    const c = resolveConfig({ categories: [{ id: 'a' }], cookie: { sameSite: 'None', secure: true, domain: '.example.com' } })
    expect(c.cookie).toMatchObject({ sameSite: 'None', secure: true, domain: '.example.com' })
  })
})

describe('URL fields', () => {
  const read = url()
  const errorFor = (value: unknown): ConsentryError => {
    try {
      read(value, 'config.ui.policyUrl')
    } catch (e) {
      return e as ConsentryError
    }
    throw new Error(`expected ${JSON.stringify(value)} to be refused`)
  }

  it.each([
    'https://example.com/privacy',
    'HTTP://example.com',
    '/privacy',
    'privacy.html',
    '../legal/privacy#cookies',
    '//cdn.example.com/consentry/',
    '?page=privacy',
    '#cookies',
    ' https://example.com/ ',
  ])('accepts the http(s) or relative URL %j', (value) => {
    expect(isHttpUrl(value)).toBe(true)
    expect(read(value, 'config.ui.policyUrl')).toBe(value)
  })

  // Each of these is a javascript:, data: or other non-http link once a browser's URL parser has read it.
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'ja\tvascript:alert(1)',
    '\x01javascript:alert(1)',
    '\0javascript:alert(1)',
    'javascript\x7f:alert(1)',
    'https://example.com/\x85',
    'https://example.com/\n',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.com/1',
    'mailto:privacy@example.com',
    'http://[',
    42,
    null,
    {},
  ])('refuses %j with an invalid-config error naming the field', (value) => {
    expect(isHttpUrl(value)).toBe(false)
    const e = errorFor(value)
    expect(e).toBeInstanceOf(ConsentryError)
    expect(e.code).toBe('invalid-config')
    expect(e.message).toContain('[consentry] config.ui.policyUrl: expected an http(s) or relative URL, got ')
  })

  it('an absent optional field is undefined; a required one is an error', () => {
    expect(url()(undefined, 'config.ui.policyUrl')).toBeUndefined()
    expect(() => url(true)(undefined, 'destinations.sync.url')).toThrow('[consentry] destinations.sync.url: expected an http(s) or relative URL, got undefined')
  })
})
