// consentry/server in plain Node (no DOM), as servers and edge runtimes load it, on real and hostile headers.
import { describe, expect, it } from 'vitest'
import { consentCookieHeader, readConsent, readGpc, readSyncRecord } from 'consentry/server'

const CONFIG = { categories: [{ id: 'necessary', necessary: true }, { id: 'analytics' }] }
const NOW = Date.UTC(2026, 10, 25)

describe('consentry/server in Node', () => {
  it('runs without a DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
  })

  it('hostile Cookie headers: huge, malformed, repeated — never a throw, never a grant', () => {
    for (const h of ['consentry=' + 'A'.repeat(2_000_000), ';;;==;consentry;', Array(5000).fill('consentry=1.x').join('; '), 'consentry=%E0%A4%A', '\u0000\uffff']) {
      expect(readConsent(h, CONFIG, { now: NOW })).toMatchObject({ decided: false, categories: { analytics: false } })
      expect(consentCookieHeader(h, CONFIG, { now: NOW })).toBeNull()
    }
  })

  it('Sec-GPC as Node gives it (string, string[] or repeated headers joined with ", "): a value counts when exactly "1", several when one is', () => {
    expect([readGpc('1'), readGpc(['1']), readGpc('0'), readGpc(undefined), readGpc(['1', '1 ']), readGpc('1, 0'), readGpc(['0', ' 1']), readGpc('1 ')]).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ])
  })

  it('a posted record: 413 for a huge body, 400 naming the field, 415 for a form', () => {
    expect(readSyncRecord('x'.repeat(100_000), 'application/json')).toMatchObject({ ok: false, status: 413 })
    expect(readSyncRecord('{"v":1}', 'application/json')).toMatchObject({ ok: false, status: 400, reason: 'id: expected a UUID' })
    expect(readSyncRecord('a=1', 'application/x-www-form-urlencoded')).toMatchObject({ ok: false, status: 415 })
  })
})
