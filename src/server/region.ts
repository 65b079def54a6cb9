/**
 * The visitor's region from the geolocation headers a CDN adds to the request
 * it forwards, in the form `config.region` takes (`US-CA`, `DE`), so a server
 * that renders the page (or `GET /v1/region`) can tell the banner where the
 * visitor is. Strings in, a string out, no DOM.
 */

/** The CDNs whose headers are read, in this order (the first with a valid country wins). */
export type GeoSource = 'cloudflare' | 'vercel' | 'cloudfront' | 'akamai' | 'fastly'

/** Request headers as Fetch (`Headers`) or Node (`IncomingHttpHeaders`) give them. */
export type GeoHeaders = Headers | Record<string, string | readonly string[] | undefined>

const COUNTRY = /^[A-Z]{2}$/
/** The subdivision part of an ISO 3166-2 code: one to three letters or digits (`CA`, `BY`, `13`, `BNH`). */
const SUBDIVISION = /^[A-Z\d]{1,3}$/
/**
 * Codes that name no country: Cloudflare's XX (no data) and T1 (Tor), the user-assigned
 * ZZ and the legacy GeoIP pseudo-countries (A1 anonymous proxy, A2 satellite, O1 other,
 * EU and AP continents). Fastly's `**` fails the pattern anyway.
 */
const NOT_A_COUNTRY = ['XX', 'T1', 'ZZ', 'A1', 'A2', 'O1', 'EU', 'AP']

/** A header's value, or undefined (absent, repeated as an array, not a string). */
const get = (headers: GeoHeaders, name: string): string | undefined => {
  let v: unknown
  if (typeof (headers as Headers).get == 'function') v = (headers as Headers).get(name)
  else {
    const raw = headers as Record<string, unknown>
    v = raw[name]
    // Node lower-cases header names; a hand-built object may not have.
    if (v === undefined) for (const k in raw) if (k.toLowerCase() == name) v = raw[k]
    if (Array.isArray(v)) v = v.length == 1 ? v[0] : undefined
  }
  return typeof v == 'string' ? v : undefined
}

/** A one-code header, upper case, or '' (absent, oversized, or repeated: Fetch joins repeats with ", ", and a CDN sets each once). */
const one = (headers: GeoHeaders, name: string): string => {
  const v = get(headers, name)
  return v && v.length <= 64 && !v.includes(',') ? v.trim().toUpperCase() : ''
}

/** `DE`, `US-CA`, or '' when the country is missing or garbled; a garbled subdivision is dropped. */
const region = (country: string, subdivision: string): string => {
  if (!COUNTRY.test(country) || NOT_A_COUNTRY.includes(country)) return ''
  // Some sources give the full ISO 3166-2 code (`US-CA`); keep only a subdivision of this country.
  const sub = subdivision.startsWith(country + '-') ? subdivision.slice(3) : subdivision
  return SUBDIVISION.test(sub) ? `${country}-${sub}` : country
}

/** X-Akamai-Edgescape: comma-separated `key=value` pairs (country_code, region_code, city…); '' for a missing key. */
const edgescape = (headers: GeoHeaders): [string, string] => {
  const v = get(headers, 'x-akamai-edgescape')
  if (!v || v.length > 8192) return ['', '']
  const pairs = new Map<string, string>()
  for (const part of v.split(',')) {
    const i = part.indexOf('=')
    const key = part.slice(0, i).trim().toLowerCase()
    // A key given twice is ambiguous: it reads as garbled.
    if (i > 0) pairs.set(key, pairs.has(key) ? '?' : part.slice(i + 1).trim().toUpperCase())
  }
  return [pairs.get('country_code') ?? '', pairs.get('region_code') ?? '']
}

/** Where each CDN puts the country and the subdivision (see docs/records.md, "Region headers", for the vendors' docs). */
const SOURCES: Record<GeoSource, (h: GeoHeaders) => [string, string]> = {
  // CF-IPCountry (IP Geolocation, or the "Add visitor location headers" Managed Transform, which adds cf-region-code).
  cloudflare: (h) => [one(h, 'cf-ipcountry'), one(h, 'cf-region-code')],
  vercel: (h) => [one(h, 'x-vercel-ip-country'), one(h, 'x-vercel-ip-country-region')],
  // Forwarded only when the origin request policy includes them.
  cloudfront: (h) => [one(h, 'cloudfront-viewer-country'), one(h, 'cloudfront-viewer-country-region')],
  // The Content Targeting (EdgeScape) behaviour.
  akamai: edgescape,
  // Fastly adds no geo header: these are the names docs/records.md asks the VCL (or Compute code) to set from client.geo.
  fastly: (h) => [one(h, 'client-geo-country'), one(h, 'client-geo-region')],
}

/** Every source, in the order they are tried. */
const ALL = Object.keys(SOURCES) as GeoSource[]

/**
 * The visitor's region from CDN geolocation headers: `US-CA`, `DE`, or `''`
 * when no header gives a valid country. Reads Cloudflare (`CF-IPCountry`,
 * `cf-region-code`), Vercel (`x-vercel-ip-country`, `x-vercel-ip-country-region`),
 * CloudFront (`CloudFront-Viewer-Country`, `CloudFront-Viewer-Country-Region`),
 * Akamai (`X-Akamai-Edgescape`) and Fastly (`Client-Geo-Country`,
 * `Client-Geo-Region`, set by your VCL), in that order; `from` narrows them to
 * the CDN you really are behind — a client can send any of these headers
 * itself where no CDN overwrites them. Never throws.
 * @example
 * const region = regionFromHeaders(request.headers) // 'US-CA'
 * init({ ...config, region })
 */
export const regionFromHeaders = (headers: GeoHeaders | null | undefined, options: { from?: readonly GeoSource[] } = {}): string => {
  try {
    if (!headers || typeof headers != 'object') return ''
    for (const source of options.from ?? ALL) {
      if (!Object.hasOwn(SOURCES, source)) continue
      const [country, subdivision] = SOURCES[source](headers)
      const found = region(country, subdivision)
      if (found) return found
    }
  } catch {
    // A Headers-like object that throws, or a getter that does: no region.
  }
  return ''
}
