/**
 * IP addresses as text: what the rate limits (http/client.ts) and the webhooks'
 * guard (webhooks/guard.ts) both read. Parsing, not resolving: no DNS here.
 */

// A dotted quad, each part 0–255 without leading zeros (leading zeros read as octal in some parsers: refused).
const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const GROUP = /^[0-9a-f]{1,4}$/i

/** Whether `text` is an IPv4 address in dotted-quad form. */
export const isIPv4 = (text: string): boolean => V4.test(text)

/** The eight 16-bit groups of an IPv6 address in any of RFC 4291 §2.2's text forms (a zone id dropped), or null. */
export const ipv6Groups = (text: string): number[] | null => {
  let s = text.split('%')[0]!
  // The last 32 bits written as a dotted quad (form 3, as in ::ffff:192.0.2.1): as two groups.
  if (s.includes('.')) {
    const i = s.lastIndexOf(':')
    const quad = s.slice(i + 1)
    if (i < 0 || !V4.test(quad)) return null
    const b = quad.split('.').map(Number) as [number, number, number, number]
    s = s.slice(0, i + 1) + ((b[0] << 8) | b[1]).toString(16) + ':' + ((b[2] << 8) | b[3]).toString(16)
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const split = (h: string) => (h ? h.split(':') : [])
  const head = split(halves[0]!)
  const tail = halves.length == 2 ? split(halves[1]!) : []
  if (halves.length == 1 ? head.length != 8 : head.length + tail.length > 7) return null
  const groups = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail]
  return groups.every((g) => GROUP.test(g)) ? groups.map((g) => parseInt(g, 16)) : null
}

/** The IPv4 address in the last 32 bits of IPv6 `groups` (IPv4-mapped, NAT64), dotted. */
export const embeddedIPv4 = (groups: number[]): string => `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`
