import { describe, expect, it as test } from 'vitest'
import * as exported from './index.js'
import { en } from './index.js'
import type { Translation } from './index.js'
import { LANGUAGES } from './pick.js'

/** Every export, so a language added to index.ts is checked below without being listed here too. */
const ALL: Record<string, Translation> = exported
const RTL = new Set(['ar', 'he'])
const CATEGORY_IDS = ['necessary', 'functional', 'analytics', 'marketing', 'personalization']
const BUTTONS = ['acceptAll', 'rejectAll', 'manage', 'save'] as const
/** `lang.key` pairs where the English button text is also the right text in that language. None so far. */
const SAME_AS_ENGLISH_OK = new Set<string>([])

type Texts = Omit<Translation, 'lang' | 'dir' | 'categories'>
const textKeys = (t: Translation) =>
  Object.keys(t).filter((k): k is keyof Texts => k !== 'lang' && k !== 'dir' && k !== 'categories')

/** Every text as [path, value], including category names and descriptions. */
function texts(t: Translation): [string, string][] {
  const out: [string, string][] = textKeys(t).map((k) => [k, t[k]])
  for (const [id, c] of Object.entries(t.categories)) {
    out.push([`categories.${id}.name`, c.name], [`categories.${id}.description`, c.description])
  }
  return out
}

/** The `{name}` placeholders a text uses, as a sorted set. */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()

const enTexts = new Map(texts(en))

describe('i18n', () => {
  test('index exports the languages the script tag fetches (LANGUAGES) and nothing else', () => {
    expect(Object.keys(exported).sort()).toEqual([...LANGUAGES].sort())
  })

  test('every official language of the EU, and Norwegian (EEA)', () => {
    // The 24 official languages (Regulation No 1/1958, Article 1, as amended).
    const eu = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv']
    expect(eu).toHaveLength(24)
    expect(LANGUAGES).toEqual(expect.arrayContaining([...eu, 'nb']))
  })

  test('English has the common category ids', () => {
    expect(Object.keys(en.categories)).toEqual(CATEGORY_IDS)
  })

  describe.each(Object.entries(ALL))('%s', (name, t) => {
    test('lang matches the export name, dir is rtl only for ar and he', () => {
      expect(t.lang).toBe(name)
      expect(t.dir).toBe(RTL.has(name) ? 'rtl' : 'ltr')
    })

    test('has the same keys as en', () => {
      expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort())
    })

    test('has the same category ids as en, each with only a name and a description', () => {
      expect(Object.keys(t.categories)).toEqual(Object.keys(en.categories))
      for (const c of Object.values(t.categories)) expect(Object.keys(c).sort()).toEqual(['description', 'name'])
    })

    test('every text is a non-empty, trimmed, plain string', () => {
      for (const [path, s] of texts(t)) {
        expect(typeof s, path).toBe('string')
        expect(s.length, path).toBeGreaterThan(0)
        expect(s, path).toBe(s.trim())
        expect(s, path).not.toMatch(/[<>]/)
        expect(s, path).not.toMatch(/&[#\w]+;/)
      }
    })

    test('keeps exactly the placeholders of the English text, with no stray braces', () => {
      for (const [path, s] of texts(t)) {
        const reference = enTexts.get(path)
        expect(reference, `${path} is not in en`).toBeDefined()
        expect(placeholders(s), path).toEqual(placeholders(reference ?? ''))
        expect(s.replace(/\{\w+\}/g, ''), path).not.toMatch(/[{}]/)
      }
    })

    // English is the reference itself, so only the other languages get this check.
    if (name !== 'en')
      test('translates the buttons rather than copying the English', () => {
        for (const key of BUTTONS) {
          if (SAME_AS_ENGLISH_OK.has(`${name}.${key}`)) continue
          expect(t[key].toLowerCase(), key).not.toBe(en[key].toLowerCase())
        }
      })

    test('accept all and reject all are distinct', () => {
      expect(t.acceptAll).not.toBe(t.rejectAll)
    })
  })
})
