import { afterEach, describe, expect, it } from 'vitest'
import { deleteCookies, deleteKeys, domainVariants, pathVariants } from './cookies.js'
import { urlMatches } from './match.js'

afterEach(() => {
  localStorage.clear()
  for (const pair of document.cookie.split(/;\s*/)) {
    const name = pair.split('=')[0]
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
})

describe('cookie cleanup', () => {
  it('tries the host and every parent domain, but not for IP addresses', () => {
    expect(domainVariants('www.shop.example.co.uk')).toEqual([undefined, '.www.shop.example.co.uk', '.shop.example.co.uk', '.example.co.uk', '.co.uk'])
    expect(domainVariants('127.0.0.1')).toEqual([undefined])
    expect(domainVariants('localhost')).toEqual([undefined])
  })

  it('tries / and each ancestor of the current path, with and without the trailing slash', () => {
    expect(pathVariants('/shop/cart')).toEqual(['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/'])
    expect(pathVariants('/')).toEqual(['/'])
  })

  it('deletes cookies by name and by pattern, and leaves the rest', () => {
    document.cookie = '_ga=GA1.1.1; path=/'
    document.cookie = '_ga_ABC123=GS1.1; path=/'
    document.cookie = 'session=keep; path=/'
    expect(deleteCookies([/^_ga(_|$)/]).sort()).toEqual(['_ga', '_ga_ABC123'])
    expect(document.cookie).toBe('session=keep')
  })

  it('accepts * patterns, which JSON configs can carry', () => {
    document.cookie = '_tr=1; path=/'
    document.cookie = '_tr_id=2; path=/'
    document.cookie = 'a.b=3; path=/'
    expect(deleteCookies(['_tr*', 'a.*']).sort()).toEqual(['_tr', '_tr_id', 'a.b'])
    document.cookie = 'axb=4; path=/'
    expect(deleteCookies(['a.b'])).toEqual([])
  })

  it('writes one expiry for every domain and path variant', () => {
    const writes: string[] = []
    const fake = {
      cookie: 'ph_id=1',
      location: { hostname: 'www.example.com', pathname: '/blog/post' },
    }
    Object.defineProperty(fake, 'cookie', { get: () => 'ph_id=1', set: (v: string) => void writes.push(v) })
    deleteCookies(['ph_id'], fake as unknown as Document)
    expect(writes).toHaveLength(3 * 5)
    expect(writes).toContain('ph_id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; domain=.example.com')
    expect(writes).toContain('ph_id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/blog/post')
  })

  it('removes matching storage keys and survives a throwing storage', () => {
    localStorage.setItem('ph_abc_posthog', '1')
    localStorage.setItem('mine', '1')
    expect(deleteKeys([/^ph_/], () => localStorage)).toEqual(['ph_abc_posthog'])
    expect(localStorage.getItem('mine')).toBe('1')
    expect(deleteKeys(['x'], () => { throw new Error('blocked') })).toEqual([])
  })
})

describe('url matching', () => {
  it.each([
    ['https://www.google-analytics.com/g/collect', 'google-analytics.com', true],
    ['https://google-analytics.com.evil.test/x', 'google-analytics.com', false],
    ['https://notgoogle-analytics.com/x', 'google-analytics.com', false],
    ['https://www.youtube.com/embed/abc', 'youtube.com/embed', false],
    ['https://youtube.com/embed/abc', 'youtube.com/embed', true],
    ['https://connect.facebook.net/en_US/fbevents.js', 'https://connect.facebook.net/en_US/', true],
    ['/local/analytics.js', /\/analytics\.js$/, true],
    ['not a url at all ::', 'x.com', false],
  ])('%s ~ %s → %s', (url, matcher, expected) => {
    expect(urlMatches(url, matcher, 'https://site.test/')).toBe(expected)
  })
})
