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
const NOT_A_COUNTRY = 'XX T1 ZZ A1 A2 O1 EU AP'.split(' ')

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

/** X-Akamai-Edgescape's comma-separated `key=value` pairs (country_code, region_code, city…): [country, region]. */
const edgescape = (v = ''): string[] => {
  const pairs: Record<string, string> = {}
  for (const part of v.length > 8192 ? [] : v.split(',')) {
    const [key, value] = part.split('=').map((x) => x.trim().toUpperCase())
    // A key given twice is ambiguous: it reads as garbled.
    if (key && value !== undefined) pairs[key] = key in pairs ? '?' : value
  }
  return [pairs.COUNTRY_CODE ?? '', pairs.REGION_CODE ?? '']
}

/**
 * Where each CDN puts the country and the subdivision (two header names), or
 * the one header that holds both (Akamai). The vendors' docs are cited in
 * docs/records.md, "Region headers". Fastly adds no geo header of its own:
 * these are the names docs/records.md asks its VCL (or Compute code) to set
 * from client.geo.
 */
const SOURCES: Record<GeoSource, string> = {
  // CF-IPCountry (IP Geolocation, or the "Add visitor location headers" Managed Transform, which adds cf-region-code).
  cloudflare: 'cf-ipcountry cf-region-code',
  vercel: 'x-vercel-ip-country x-vercel-ip-country-region',
  // Forwarded only when the origin request policy includes them.
  cloudfront: 'cloudfront-viewer-country cloudfront-viewer-country-region',
  // The Content Targeting (EdgeScape) behaviour.
  akamai: 'x-akamai-edgescape',
  fastly: 'client-geo-country client-geo-region',
}

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
    for (const source of options.from ?? (Object.keys(SOURCES) as GeoSource[])) {
      if (!Object.hasOwn(SOURCES, source)) continue
      const [a, b] = SOURCES[source].split(' ') as [string, string?]
      const found = b ? region(one(headers, a), one(headers, b)) : region(...(edgescape(get(headers, a)) as [string, string]))
      if (found) return found
    }
  } catch {
    // A Headers-like object that throws, or a getter that does: no region.
  }
  return ''
}
