import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '../headless.js'
import { CONFIG, freshPage } from '../testing/index.js'
import { adoptQueue, type QueueHost } from './index.js'

beforeEach(() => {
  vi.restoreAllMocks()
  freshPage()
})

describe('the command queue for script-tag users', () => {
  it('runs calls queued before load in order, once each, after init', async () => {
    const calls: string[] = []
    const host: QueueHost = {
      consentryQueue: [
        ['on', 'change', (s: api.Snapshot) => calls.push('change:' + s.categories.analytics)],
        ['set', { analytics: true }],
        ['whenGranted', 'analytics', () => calls.push('granted')],
        (c: typeof api) => calls.push('fn:' + typeof c.has),
      ],
    }
    await api.init(CONFIG)
    adoptQueue(api, host)
    await new Promise((r) => setTimeout(r))
    expect(calls).toEqual(['change:true', 'fn:function', 'granted'])
    expect(api.has('analytics')).toBe(true)
  })

  it('holds decisions queued before init until init, then runs them in order', async () => {
    const host: QueueHost = { consentryQueue: [['acceptAll'], ['set', { marketing: false }]] }
    adoptQueue(api, host)
    expect(api.get().decided).toBe(false)
    await api.init(CONFIG)
    expect(api.get()).toMatchObject({ decided: true, categories: { analytics: true, marketing: false } })
  })

  it('runs calls pushed after load at once, and never twice', async () => {
    const cb = vi.fn()
    const host: QueueHost = {}
    await api.init(CONFIG)
    adoptQueue(api, host)
    const queue = host.consentryQueue as { push: (...c: unknown[]) => number }
    queue.push(['on', 'change', cb], ['rejectAll'])
    expect(cb).toHaveBeenCalledTimes(1)
    expect(api.get().decided).toBe(true)
  })

  it('keeps a saved reference to the queue array working after load', async () => {
    const queue: unknown[] = []
    const host: QueueHost = { consentryQueue: queue }
    await api.init(CONFIG)
    adoptQueue(api, host)
    queue.push(['set', { marketing: true }])
    expect(api.has('marketing')).toBe(true)
    expect(host.consentryQueue).toBe(queue)
  })

  it('decisions queued before a late init reach listeners as changes, after ready', async () => {
    const events: string[] = []
    adoptQueue(api, { consentryQueue: [['acceptAll']] })
    api.on('ready', (s) => events.push('ready:' + s.decided))
    api.on('change', (s) => events.push('change:' + s.decided))
    await api.init(CONFIG)
    expect(events).toEqual(['ready:false', 'change:true'])
  })

  it('logs a bad command and keeps going', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await api.init(CONFIG)
    adoptQueue(api, { consentryQueue: [['nope'], ['set', { bogus: true }], ['acceptAll']] })
    expect(error).toHaveBeenCalledTimes(2)
    expect(api.get().decided).toBe(true)
  })

  it('accepts the arguments object of a stub function', async () => {
    const host: QueueHost & { consentry?: (...a: unknown[]) => void } = { consentryQueue: [] }
    host.consentry = function () {
      // eslint-disable-next-line prefer-rest-params
      ;(host.consentryQueue as unknown[]).push(arguments)
    }
    host.consentry('set', { analytics: true })
    await api.init(CONFIG)
    adoptQueue(api, host)
    expect(api.has('analytics')).toBe(true)
  })
})
