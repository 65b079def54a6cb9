/**
 * Where a webhook may go. A subscription's URL is typed by an admin, but the
 * service then sends requests from where it runs, so a URL that names (or
 * resolves to) the service's own machine or a link-local address would reach
 * what no receiver should be: the database's port and other daemons on
 * loopback, a cloud's instance metadata and credentials (169.254.169.254,
 * fd00:ec2::254, 100.100.100.200). The status or network error of each
 * attempt is shown in the dashboard, which would also make the service a port
 * scanner of its own machine (OWASP SSRF Prevention Cheat Sheet). Those
 * addresses, and others no receiver has (unspecified, multicast, reserved,
 * documentation), are refused unless the subscription's host is allowed
 * (`webhooks.allowLocal`). Private networks (RFC 1918, unique local, shared
 * address space) are not refused: a self-hosted service posting to the site's
 * own CRM on its private network is the common case. The check is made on the
 * addresses the connection then uses (a lookup hook), so a name that resolves
 * to a public address when checked and a local one when connecting (DNS
 * rebinding) is refused too.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { embeddedIPv4, ipv6Groups, isIPv4 } from '../ip.js'

/**
 * The IPv4 blocks refused (IANA IPv4 Special-Purpose Address Registry, RFC 6890): first address, prefix, what it
 * is. 10/8, 172.16/12, 192.168/16 and 100.64/10 are missing on purpose: private networks, where receivers live.
 */
const V4_BLOCKS: [string, number, string][] = [
  ['0.0.0.0', 8, 'a "this network" address'],
  ['100.100.100.200', 32, 'a cloud metadata address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (where clouds serve instance metadata)'],
  ['192.0.0.0', 24, 'an IETF protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
]

const v4Number = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)

const V4_RANGES = V4_BLOCKS.map(([first, prefix, what]) => {
  const size = 2 ** (32 - prefix)
  const start = v4Number(first)
  return { start, end: start + size - 1, what }
})

const v4Kind = (ip: string): string | null => {
  const n = v4Number(ip)
  return V4_RANGES.find((r) => n >= r.start && n <= r.end)?.what ?? null
}

const v6Kind = (g: number[]): string | null => {
  const zeros = (n: number) => g.slice(0, n).every((x) => x == 0)
  const embedded = () => embeddedIPv4(g)
  if (zeros(8)) return 'the unspecified address'
  if (zeros(7) && g[7] == 1) return 'a loopback address'
  // IPv4-mapped (::ffff:0:0/96) and IPv4-compatible (::/96, deprecated): the IPv4 address inside decides.
  if (zeros(5) && g[5] == 0xffff) return v4Kind(embedded())
  if (zeros(6)) return v4Kind(embedded())
  // NAT64 (64:ff9b::/96, RFC 6052): a translator sends it to the IPv4 address inside.
  if (g[0] == 0x64 && g[1] == 0xff9b && g.slice(2, 6).every((x) => x == 0)) return v4Kind(embedded())
  // AWS's instance metadata over IPv6 (fd00:ec2::254), inside the unique local block that is otherwise a private network.
  if (g.join(':') == [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':')) return 'a cloud metadata address'
  if ((g[0]! & 0xffc0) == 0xfe80) return 'a link-local address'
  if ((g[0]! & 0xff00) == 0xff00) return 'a multicast address'
  if (g[0] == 0x2001 && g[1] == 0xdb8) return 'a documentation address'
  if (g[0] == 0x100 && zeros(4)) return 'a discard-only address'
  return null
}

/** Why no webhook goes to `ip` unless allowed ("a loopback address"), or null: a public or private address. */
export const localKind = (ip: string): string | null => {
  if (isIPv4(ip)) return v4Kind(ip)
  const groups = ipv6Groups(ip)
  return groups ? v6Kind(groups) : 'not an IP address'
}

/** Why a delivery to `host` at `address` is refused, or null when it may go. */
export const refusal = (host: string, address: string): string | null => {
  const kind = localKind(address)
  return kind && `${host} is ${address}, ${kind}: add the host to webhooks.allowLocal (consentry records serve --webhook-allow-local) to send there`
}

/** A host as a URL or an `allowLocal` entry writes it, bracketed IPv6 unwrapped: `[::1]` is `::1`. */
export const bareHost = (host: string): string => host.replace(/^\[(.*)\]$/, '$1')

/** Whether the subscription's `host` (its URL's hostname) may reach the addresses localKind names. */
export const mayReachLocal = (allowLocal: '*' | readonly string[], host: string): boolean =>
  allowLocal == '*' || allowLocal.some((h) => h.toLowerCase() == host.toLowerCase())

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for `http.request` that resolves as Node's does and fails the
 * connection when any address of the name is refused: every one, since the
 * connection may try each (Happy Eyeballs).
 */
export const guardedLookup = (host: string) => (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '')
    for (const a of addresses) {
      const why = refusal(host, a.address)
      if (why) return callback(Object.assign(new Error(why), { code: 'EWEBHOOKREFUSED' }), '')
    }
    if (options.all) return callback(null, addresses)
    const first = addresses[0]
    if (!first) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '')
    callback(null, first.address, first.family)
  })
}
