import { describe, expect, it } from 'vitest'
import { isoTime } from './time.js'

describe('isoTime', () => {
  it('writes what toISOString writes, over years 0 to 9999', () => {
    const low = Date.parse('0000-01-01T00:00:00.000Z')
    const high = Date.parse('9999-12-31T23:59:59.999Z')
    const edges = [low, high, 0, 1, 999, Date.UTC(2024, 1, 29, 12), Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.parse('0099-03-01T00:00:00.010Z')]
    const random = Array.from({ length: 2000 }, () => Math.floor(low + Math.random() * (high - low)))
    for (const t of [...edges, ...random]) expect(isoTime(t)).toBe(new Date(t).toISOString())
  })
})
