/**
 * Who the client is, for the rate limits: the address that connected, or, behind
 * proxies the service was told to trust, the address the outermost of them saw;
 * then the key its bucket goes by. The address lives in memory only, never stored.
 */
import { embeddedIPv4, ipv6Groups, isIPv4 } from '../ip.js'

/**
 * An address as a proxy writes it in `X-Forwarded-For`: bare, or with a port
 * (`192.0.2.1:4711`, `[2001:db8::1]:4711`, as some load balancers write it).
 * Null when it is not an IP address (`unknown`, a name, garbage).
 */
const addressOf = (entry: string): string | null => {
  const withPort = /^(?:\[([^\]]+)\]|([\d.]+))(?::(\d{1,5}))?$/.exec(entry.trim())
  const s = withPort ? (withPort[1] ?? withPort[2])! : entry.trim()
  if (withPort?.[3] && Number(withPort[3]) > 65535) return null
  return isIPv4(s) || ipv6Groups(s) ? s : null
}

/**
 * The client's address. `peer` is the address that connected; with `hops`
 * proxies in front (each appending the address it received from to
 * `X-Forwarded-For`), it is the entry the outermost one wrote: the `hops`-th
 * from the right of the list with `peer` at its end. Entries further left are
 * whatever the client sent, so they are never believed; a list shorter than
 * the chain (the request came past some of the proxies) yields its leftmost,
 * which a trusted hop wrote. An entry there that is not an IP address (a proxy
 * writing `unknown`) counts as `peer`.
 */
export const clientOf = (headers: Headers, peer: string, hops: number): string => {
  if (!hops) return peer
  const forwarded = headers.get('x-forwarded-for')
  const chain = [...(forwarded == null ? [] : forwarded.split(',')), peer]
  return addressOf(chain[Math.max(0, chain.length - 1 - hops)]!) ?? peer
}

/**
 * The key a client's bucket goes by. An IPv4 address, also written IPv4-mapped
 * (`::ffff:192.0.2.1`, RFC 4291 §2.5.5.2, as a dual-stack socket reports it),
 * is itself. An IPv6 address counts by its /64: that is one subscriber's
 * network (RFC 6177 assigns a site at least a /64, and SLAAC hosts pick their
 * own interface ids, RFC 4862), so a client cannot get a fresh bucket by
 * stepping through its 2^64 addresses. Anything else is used as given.
 */
export const limitKey = (address: string): string => {
  if (isIPv4(address)) return address
  const g = ipv6Groups(address)
  if (!g) return address
  if (g.slice(0, 5).every((x) => x == 0) && g[5] == 0xffff) return embeddedIPv4(g)
  return `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`
}
