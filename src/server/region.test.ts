// @vitest-environment node
// consentry/server runs without a DOM; Headers here is Node's own (undici), as on a server.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { regionFromHeaders } from './index.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
// The form config.region takes, and a sync record's jurisdiction: '' or a country, with a subdivision.
const REGION = /^([A-Z]{2}(-[A-Z\d]{1,3})?)?$/

describe('regionFromHeaders: each CDN as its docs describe it', () => {
  it('Cloudflare: CF-IPCountry, with cf-region-code from "Add visitor location headers"', () => {
    expect(regionFromHeaders(new Headers({ 'CF-IPCountry': 'DE' }))).toBe('DE')
    expect(regionFromHeaders(new Headers({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA', 'cf-region': 'California' }))).toBe('US-CA')
    // XX: no country data; T1: Tor.
    expect(regionFromHeaders(new Headers({ 'CF-IPCountry': 'XX' }))).toBe('')
    expect(regionFromHeaders(new Headers({ 'CF-IPCountry': 'T1', 'cf-region-code': 'CA' }))).toBe('')
  })

  it('Vercel: x-vercel-ip-country and the region part of ISO 3166-2 in x-vercel-ip-country-region', () => {
    expect(regionFromHeaders(new Headers({ 'x-vercel-ip-country': 'MX', 'x-vercel-ip-country-region': 'JAL', 'x-vercel-ip-city': 'Guadalajara' }))).toBe('MX-JAL')
    expect(regionFromHeaders({ 'x-vercel-ip-country': 'FR' })).toBe('FR')
  })

  it('CloudFront: CloudFront-Viewer-Country and CloudFront-Viewer-Country-Region', () => {
    expect(regionFromHeaders({ 'cloudfront-viewer-country': 'US', 'cloudfront-viewer-country-region': 'MI' })).toBe('US-MI')
    expect(regionFromHeaders(new Headers({ 'CloudFront-Viewer-Country': 'JP', 'CloudFront-Viewer-Country-Region': '13' }))).toBe('JP-13')
  })

  it('Akamai: country_code and region_code from X-Akamai-Edgescape', () => {
    const edgescape = 'georegion=246,country_code=US,region_code=CA,city=SANJOSE,dma=807,areacode=408+669,lat=37.3353,long=-121.8938,continent=NA,asnum=7922'
    expect(regionFromHeaders({ 'x-akamai-edgescape': edgescape })).toBe('US-CA')
    expect(regionFromHeaders(new Headers({ 'X-Akamai-Edgescape': 'georegion=73,country_code=GB,city=LONDON' }))).toBe('GB')
    // Akamai obscures values as "reserved"; a key given twice is ambiguous.
    expect(regionFromHeaders({ 'x-akamai-edgescape': 'country_code=reserved,region_code=reserved' })).toBe('')
    expect(regionFromHeaders({ 'x-akamai-edgescape': 'country_code=US,country_code=DE' })).toBe('')
  })

  it("Fastly: the Client-Geo-Country and Client-Geo-Region headers docs/records.md's VCL sets from client.geo", () => {
    expect(regionFromHeaders(new Headers({ 'Client-Geo-Country': 'SE', 'Client-Geo-Region': 'AB' }))).toBe('SE-AB')
    // client.geo's own "no data" values: ** for the country, NO REGION and ? for the region.
    expect(regionFromHeaders(new Headers({ 'Client-Geo-Country': 'AX', 'Client-Geo-Region': 'NO REGION' }))).toBe('AX')
    expect(regionFromHeaders(new Headers({ 'Client-Geo-Country': 'GB', 'Client-Geo-Region': '?' }))).toBe('GB')
    expect(regionFromHeaders(new Headers({ 'Client-Geo-Country': '**', 'Client-Geo-Region': '?' }))).toBe('')
  })
})

describe('regionFromHeaders: whatever arrives', () => {
  it('reads Node header objects (lower-case names, arrays) and hand-made ones (any case)', () => {
    expect(regionFromHeaders({ 'cf-ipcountry': 'at' })).toBe('AT')
    expect(regionFromHeaders({ 'CF-IPCountry': ' it ' })).toBe('IT')
    expect(regionFromHeaders({ 'cf-ipcountry': ['NL'] })).toBe('NL')
    // A header given twice is not what a CDN sends: unknown.
    expect(regionFromHeaders({ 'cf-ipcountry': ['NL', 'US'] })).toBe('')
    expect(regionFromHeaders(new Headers([['cf-ipcountry', 'NL'], ['cf-ipcountry', 'US']]))).toBe('')
  })

  it('keeps a full ISO 3166-2 subdivision of the same country, drops a garbled or foreign one', () => {
    expect(regionFromHeaders({ 'cf-ipcountry': 'GB', 'cf-region-code': 'GB-ENG' })).toBe('GB-ENG')
    expect(regionFromHeaders({ 'cf-ipcountry': 'GB', 'cf-region-code': 'FR-IDF' })).toBe('GB')
    expect(regionFromHeaders({ 'cf-ipcountry': 'US', 'cf-region-code': 'California' })).toBe('US')
    expect(regionFromHeaders({ 'cf-ipcountry': 'US', 'cf-region-code': '<script>' })).toBe('US')
  })

  it('tries the CDNs in order, skips one without a valid country, and reads only those named in `from`', () => {
    const both = { 'cf-ipcountry': 'XX', 'x-vercel-ip-country': 'CH', 'cloudfront-viewer-country': 'AT' }
    expect(regionFromHeaders(both)).toBe('CH')
    expect(regionFromHeaders(both, { from: ['cloudfront'] })).toBe('AT')
    expect(regionFromHeaders(both, { from: ['akamai', 'fastly'] })).toBe('')
    expect(regionFromHeaders(both, { from: ['toString', '__proto__', 'constructor'] as never })).toBe('')
  })

  it.each([
    ['empty', {}],
    ['no geo header', { host: 'example.com', 'user-agent': 'x' }],
    ['three letters', { 'cf-ipcountry': 'USA' }],
    ['digits', { 'cf-ipcountry': '12' }],
    ['a list', { 'cf-ipcountry': 'US, DE' }],
    ['non-ASCII', { 'cf-ipcountry': 'ÜS' }],
    ['a legacy pseudo-country', { 'x-vercel-ip-country': 'A1' }],
    ['a number', { 'cf-ipcountry': 42 as never }],
    ['an object', { 'cf-ipcountry': { toString: () => 'US' } as never }],
    ['null', null],
    ['a string', 'cf-ipcountry: US' as never],
  ])('%s → unknown', (_, headers) => {
    expect(regionFromHeaders(headers as never)).toBe('')
  })

  it('a Headers-like object that throws is unknown, not a crash', () => {
    const hostile = { get: () => { throw new Error('boom') } }
    expect(regionFromHeaders(hostile as never)).toBe('')
  })

  it(`fuzz (${RUNS} cases): any header values give '' or a region in config.region's form, never a throw`, () => {
    const names = fc.constantFrom('cf-ipcountry', 'cf-region-code', 'x-vercel-ip-country', 'x-vercel-ip-country-region', 'cloudfront-viewer-country', 'cloudfront-viewer-country-region', 'x-akamai-edgescape', 'client-geo-country', 'client-geo-region', 'CF-IPCountry')
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.stringMatching(/^[A-Za-z\d-]{1,6}$/),
      fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
      fc.constantFrom('US', 'DE', 'XX', 'T1', 'country_code=US,region_code=CA', 'country_code=,region_code=CA'),
      fc.anything(),
    )
    fc.assert(
      fc.property(fc.dictionary(names, value), (raw) => {
        const region = regionFromHeaders(raw as never)
        expect(region).toMatch(REGION)
        // Through Fetch's Headers too, where values must be ByteStrings.
        try {
          const h = new Headers(Object.entries(raw).flatMap(([k, v]) => (typeof v == 'string' ? [[k, v] as [string, string]] : [])))
          expect(regionFromHeaders(h)).toMatch(REGION)
        } catch {
          // Not a valid header value for Fetch: nothing to read.
        }
      }),
      { numRuns: RUNS },
    )
  })
})
