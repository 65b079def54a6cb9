import { afterEach, describe, expect, it, vi } from 'vitest'
import { reported } from './reported.js'

afterEach(() => vi.useRealTimers())

describe('reported', () => {
  it('says a chunk that cannot be loaded once, two seconds later (a page being left says nothing), and still rejects', async () => {
    vi.useFakeTimers()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = new TypeError('error loading dynamically imported module')
    const load = reported(() => Promise.reject(failure))
    await expect(load()).rejects.toBe(failure)
    await expect(load()).rejects.toBe(failure)
    expect(error).not.toHaveBeenCalled()
    vi.advanceTimersByTime(2000)
    expect(error.mock.calls).toEqual([[failure]])
    error.mockRestore()
  })

  it('passes a loaded chunk through', async () => {
    await expect(reported(() => Promise.resolve('chunk'))()).resolves.toBe('chunk')
  })
})
