/** Fuzzing config validation, with the UI's URL fields (see src/testing/fuzz.ts for the runs and properties). */
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { isHttpUrl, resolveConfig } from './index.js'
import { ConsentryError } from '../errors/index.js'
import { resolveUi } from '../ui/config.js'
import { id, RUNS, TIMEOUT } from '../testing/fuzz.js'

afterEach(() => vi.restoreAllMocks())

describe(`fuzzing (${RUNS} cases each)`, { timeout: TIMEOUT }, () => {
  it('config validation: arbitrary input is a config or one ConsentryError, nothing else', () => {
    // (Unknown keys are warned about in development: not what this checks.)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (x) => {
        try {
          resolveConfig(x)
        } catch (e) {
          expect(e).toBeInstanceOf(ConsentryError)
        }
      }),
      { numRuns: RUNS },
    )
    fc.assert(
      fc.property(fc.record({ categories: fc.array(fc.record({ id: fc.oneof(id, fc.anything()), necessary: fc.anything(), services: fc.anything() }), { maxLength: 4 }), mode: fc.anything(), region: fc.anything(), cookie: fc.anything() }, { requiredKeys: [] }), (x) => {
        try {
          const c = resolveConfig(x)
          expect(c.categories.length).toBeGreaterThan(0)
        } catch (e) {
          expect(e).toBeInstanceOf(ConsentryError)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('UI config: arbitrary input is a resolved UI or one ConsentryError; URL fields accept only what a browser reads as http(s) or relative', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (x) => {
        try {
          resolveUi(x as never)
        } catch (e) {
          expect(e).toBeInstanceOf(ConsentryError)
        }
      }),
      { numRuns: RUNS },
    )
    // javascript:, data:… with any case, leading spaces or controls, and tabs or newlines inside (WHATWG URL §4.4
    // drops those): the browser would follow them, so the config refuses them, naming the field.
    fc.assert(
      fc.property(fc.constantFrom('javascript', 'data', 'vbscript', 'blob', 'file'), fc.infiniteStream(fc.tuple(fc.boolean(), fc.constantFrom('', '', '', '\t', '\n', '\r', '\r\n'))), fc.constantFrom('', ' ', '  ', '\t', '\x01', '\0', ' \n'), fc.string({ maxLength: 20 }), fc.constantFrom('policyUrl', 'assetsUrl'), (scheme, noise, lead, rest, field) => {
        const value = lead + [...scheme].map((ch) => { const [upper, gap] = noise.next().value; return (upper ? ch.toUpperCase() : ch) + gap }).join('') + ':' + rest
        expect(isHttpUrl(value)).toBe(false)
        expect(() => resolveUi({ [field]: value })).toThrow(`config.ui.${field}:`)
      }),
      { numRuns: RUNS },
    )
    // Whatever is accepted resolves to http(s) against any page, and carries no control character.
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), (value) => {
        if (!isHttpUrl(value)) return
        expect(value).not.toMatch(/[\0-\x1f\x7f-\x9f]/)
        for (const page of ['https://www.example.com/a/b?c#d', 'http://localhost:8080/'])
          expect(new URL(value, page).protocol).toMatch(/^https?:$/)
        expect(resolveUi({ policyUrl: value }).policyUrl).toBe(value)
      }),
      { numRuns: RUNS },
    )
  })
})
