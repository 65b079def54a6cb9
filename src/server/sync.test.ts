import { describe, expect, it } from 'vitest'
import { readSyncRecord, SYNC_MAX_BYTES } from './index.js'

const RECORD = {
  v: 1,
  id: '6a0f5c2e-1b3d-4e8f-9a7b-2c4d6e8f0a1b',
  consentId: '0b6f1d4e-8c3a-4f2b-9d1e-2a7c5e9f0b13',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:05:00.000Z',
  method: 'banner',
  mode: 'opt-out',
  jurisdiction: 'US-CA',
  revision: 3,
  categories: { necessary: true, analytics: true, marketing: false },
  services: { posthog: true },
  optOut: { sale: true, sharing: true, targetedAds: true, sensitive: false },
  gpc: true,
  gpp: 'DBABLA~CVQVAAAAAACA.YA',
  gppSid: [7],
  usp: '1YYN',
  url: 'https://www.example.com/pricing',
}

describe('reading a posted sync record', () => {
  it('never throws on a field whose conversion to a string throws ({"toString": false}, found by the fuzz test)', () => {
    for (const field of ['mode', 'method', 'jurisdiction', 'createdAt', 'url']) {
      const body = JSON.stringify({ ...RECORD, [field]: { toString: false, valueOf: false } })
      expect(readSyncRecord(body, 'application/json')).toMatchObject({ ok: false, status: 400 })
      expect(readSyncRecord(JSON.parse(body))).toMatchObject({ ok: false, status: 400 })
    }
  })

  it('accepts a valid record as JSON text or parsed, and as text/plain (sendBeacon)', () => {
    expect(readSyncRecord(JSON.stringify(RECORD), 'application/json; charset=utf-8')).toEqual({ ok: true, record: RECORD })
    expect(readSyncRecord(RECORD)).toEqual({ ok: true, record: RECORD })
    expect(readSyncRecord(JSON.stringify(RECORD), 'text/plain;charset=UTF-8').ok).toBe(true)
    const { gpp, gppSid, usp, ...without } = RECORD
    expect(readSyncRecord(without).ok).toBe(true)
  })

  it.each([
    ['not JSON', '{"v":1,', 400, 'body is not valid JSON'],
    ['an array', '[]', 400, 'expected a JSON object'],
    ['an unknown field', { ...RECORD, email: 'a@b.c' }, 400, 'email: unknown field'],
    ['a missing field', { ...RECORD, consentId: undefined }, 400, 'consentId: expected a UUID'],
    ['a bad id', { ...RECORD, id: 'x' }, 400, 'id: expected a UUID'],
    ['a choice that is not boolean', { ...RECORD, categories: { analytics: 'yes' } }, 400, 'categories: expected an object of ids to true/false'],
    ['a URL with a query string', { ...RECORD, url: 'https://e.com/?email=a@b.c' }, 400, 'url: expected an http(s) URL without query or fragment'],
    ['a javascript: URL', { ...RECORD, url: 'javascript:alert(1)' }, 400, 'url: expected an http(s) URL without query or fragment'],
    ['a bad USP string', { ...RECORD, usp: '1XYZ' }, 400, 'usp: expected a USP string such as 1YNN'],
    ['times out of order', { ...RECORD, createdAt: '2026-11-26T00:00:00Z' }, 400, 'createdAt: later than updatedAt'],
    ['a prototype key', JSON.parse('{"__proto__":{"x":1}}'), 400, '__proto__: unknown field'],
  ])('refuses %s with a 4xx naming the problem', (_, body, status, reason) => {
    expect(readSyncRecord(typeof body == 'string' ? body : JSON.stringify(body), 'application/json')).toEqual({ ok: false, status, reason })
  })

  it('refuses bodies over the limit (413) and other content types (415)', () => {
    expect(readSyncRecord('x'.repeat(SYNC_MAX_BYTES + 1))).toMatchObject({ ok: false, status: 413 })
    expect(readSyncRecord('é'.repeat(SYNC_MAX_BYTES / 2 + 1))).toMatchObject({ ok: false, status: 413 })
    expect(readSyncRecord(JSON.stringify(RECORD), 'multipart/form-data')).toMatchObject({ ok: false, status: 415 })
  })
})
