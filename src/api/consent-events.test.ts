/** The API's events, whenGranted, the query API and init itself. */
import { describe, expect, it, vi } from 'vitest'
import { acceptAll, get, has, init, on, rejectAll, set, whenGranted } from '../headless.js'
import { CONFIG, useQuietPage, warn } from '../testing/index.js'

useQuietPage()

describe('events', () => {
  it('fires change once per real change, never for a no-op', async () => {
    await init(CONFIG)
    const seen: boolean[] = []
    const onWindow = vi.fn()
    addEventListener('consentry:change', onWindow)
    const off = on('change', (s) => seen.push(s.categories.analytics!))
    acceptAll()
    acceptAll()
    set({ analytics: true })
    rejectAll()
    rejectAll()
    off()
    acceptAll()
    removeEventListener('consentry:change', onWindow)
    expect(seen).toEqual([true, false])
    expect(onWindow).toHaveBeenCalledTimes(3)
    expect((onWindow.mock.calls[2]![0] as CustomEvent).detail).toBe(get())
  })

  it('fires ready once, at once for late listeners, and on window', async () => {
    const early = vi.fn()
    const onWindow = vi.fn()
    addEventListener('consentry:ready', onWindow)
    on('ready', early)
    await init(CONFIG)
    const late = vi.fn()
    on('ready', late)
    removeEventListener('consentry:ready', onWindow)
    expect(early).toHaveBeenCalledTimes(1)
    expect(late).toHaveBeenCalledTimes(1)
    expect(onWindow).toHaveBeenCalledTimes(1)
    expect(late.mock.calls[0]![0]).toMatchObject({ decided: false })
  })

  it('a listener added after a decision hears that decision as ready (it would otherwise miss it)', async () => {
    await init(CONFIG)
    acceptAll()
    const late = vi.fn()
    on('ready', late)
    expect(late).toHaveBeenCalledTimes(1)
    expect(late.mock.calls[0]![0]).toMatchObject({ decided: true, categories: { analytics: true } })
    expect(late.mock.calls[0]![0]).toBe(get())
  })

  it('a listener that throws does not stop the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await init(CONFIG)
    const good = vi.fn()
    on('change', () => {
      throw new Error('boom')
    })
    on('change', good)
    acceptAll()
    expect(good).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledTimes(1)
  })
})

describe('whenGranted', () => {
  it('resolves at once when already granted, later when granted, and rejects unknown ids', async () => {
    const pending = whenGranted('posthog')
    let done = false
    void pending.then(() => (done = true))
    await init(CONFIG)
    await Promise.resolve()
    expect(done).toBe(false)
    set({ analytics: true })
    await pending
    await expect(whenGranted('analytics')).resolves.toBeUndefined()
    await expect(whenGranted('nope')).rejects.toMatchObject({ code: 'unknown-id' })
  })
})

describe('the query API', () => {
  it('has() is false for unknown ids and inherited names, and warns once', async () => {
    await init(CONFIG)
    acceptAll()
    expect(has('nope')).toBe(false)
    expect(has('nope')).toBe(false)
    expect(has('constructor')).toBe(false)
    expect(has('__proto__')).toBe(false)
    expect(warn.mock.calls.filter((c: unknown[]) => String(c[0]).includes('"nope"'))).toHaveLength(1)
  })

  it('before init, has() is false and decisions throw a typed error', () => {
    expect(has('analytics')).toBe(false)
    expect(get().decided).toBe(false)
    expect(() => acceptAll()).toThrow(expect.objectContaining({ code: 'not-initialised' }))
  })
})

describe('init', () => {
  it('rejects a bad config with a typed error and leaves nothing half-initialised', async () => {
    await expect(init({ categories: [{ id: 'ok' }, { id: 7 }] } as never)).rejects.toMatchObject({
      code: 'invalid-config',
      message: expect.stringContaining('config.categories[1].id'),
    })
    expect(() => acceptAll()).toThrow(expect.objectContaining({ code: 'not-initialised' }))
    await expect(init(CONFIG)).resolves.toMatchObject({ decided: false })
  })

  it('is safe to call twice: same result, first config wins, a different one is warned about once', async () => {
    const a = init(CONFIG)
    expect(init(CONFIG)).toBe(a)
    expect(warn).not.toHaveBeenCalled()
    await init({ categories: [{ id: 'other' }] })
    await init({ categories: [{ id: 'other' }] })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('first stays in force')
    expect(get().categories).toHaveProperty('analytics')
  })
})
