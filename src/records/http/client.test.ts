// @vitest-environment node
/** Who the client is behind trusted proxies, and the key its rate-limit bucket goes by. */
import { describe, expect, it } from 'vitest'
import { clientOf, limitKey } from './client.js'

const xff = (value?: string | string[]) => {
  const h = new Headers()
  for (const v of value === undefined ? [] : [value].flat()) h.append('x-forwarded-for', v)
  return h
}

describe('clientOf', () => {
  it('is the connected address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientOf(xff('203.0.113.9'), '10.0.0.2', 0)).toBe('10.0.0.2')
  })

  it('behind one proxy: the address it appended, never what the client wrote to the left of it', () => {
    expect(clientOf(xff('203.0.113.9'), '10.0.0.2', 1)).toBe('203.0.113.9')
    // The client sent its own X-Forwarded-For; the proxy appended the address it really saw.
    expect(clientOf(xff('198.51.100.1, 192.0.2.77, 203.0.113.9'), '10.0.0.2', 1)).toBe('203.0.113.9')
    // The same, with the client's header and the proxy's as two header lines (joined in order).
    expect(clientOf(xff(['198.51.100.1', '203.0.113.9']), '10.0.0.2', 1)).toBe('203.0.113.9')
  })

  it('behind two: the entry the outer one wrote; a request that came past the outer one gets the inner one’s', () => {
    expect(clientOf(xff('198.51.100.1, 203.0.113.9, 10.0.0.7'), '10.0.0.2', 2)).toBe('203.0.113.9')
    // Only the inner proxy was on the way: its entry is the leftmost and the client.
    expect(clientOf(xff('203.0.113.9'), '10.0.0.2', 2)).toBe('203.0.113.9')
    // Straight to the service: no header, the peer.
    expect(clientOf(xff(), '10.0.0.2', 2)).toBe('10.0.0.2')
  })

  it('reads addresses with a port, in brackets, and IPv6; anything not an IP address counts as the peer', () => {
    expect(clientOf(xff('203.0.113.9:4711'), '10.0.0.2', 1)).toBe('203.0.113.9')
    expect(clientOf(xff('[2001:db8::1]:4711'), '10.0.0.2', 1)).toBe('2001:db8::1')
    expect(clientOf(xff('[2001:db8::1]'), '10.0.0.2', 1)).toBe('2001:db8::1')
    expect(clientOf(xff('2001:db8:0:0:0:0:0:1'), '10.0.0.2', 1)).toBe('2001:db8:0:0:0:0:0:1')
    for (const bad of ['unknown', '', 'example.com', '256.1.1.1', '01.2.3.4', '1.2.3', '2001:db8:::1', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '[1.2.3.4', '1.2.3.4:99999'])
      expect(clientOf(xff(`198.51.100.1, ${bad}`), '10.0.0.2', 1), bad).toBe('10.0.0.2')
  })
})

describe('limitKey', () => {
  it('keeps an IPv4 address, and reads one written IPv4-mapped as the same client', () => {
    expect(limitKey('203.0.113.9')).toBe('203.0.113.9')
    expect(limitKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(limitKey('::FFFF:cb00:7109')).toBe('203.0.113.9')
  })

  it('counts an IPv6 client by its /64, however the address is written', () => {
    const keys = ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2:a:b:c:d%eth0', '2001:DB8:1:2::5:0.0.0.1'].map(limitKey)
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']))
    expect(limitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
    expect(limitKey('::1')).toBe('0:0:0:0::/64')
  })

  it('uses anything else as given', () => {
    expect(limitKey('10.0.0.256')).toBe('10.0.0.256')
    expect(limitKey('not an address')).toBe('not an address')
  })
})
