/** Quarantine: requests refused under strict blocking held, bounded, until a decision sends or fails them. */
import { beforeEach, describe, expect, it } from 'vitest'
import { acceptAll, init, rejectAll, set } from '../headless.js'
import { freshPage } from '../testing/index.js'
import { quarantine } from './network.js'
import { enableStrictBlocking } from '../strict.js'
import { config, running, sent, start, tick, TRACKER, useNetworkPage, xhr } from './testing.js'

useNetworkPage()

describe('quarantine', () => {
  beforeEach(() => start({ quarantine: true }))

  it('holds refused requests and sends them in the order they were made once consent comes', async () => {
    const first = fetch(TRACKER + '?n=1')
    expect(navigator.sendBeacon(TRACKER + '?n=2', 'x')).toBe(true)
    const x = xhr(TRACKER + '?n=3')
    x.send()
    const late = fetch(TRACKER + '?n=4')
    await tick()
    expect(sent).toEqual([])
    acceptAll()
    expect(await (await first).text()).toBe('ok')
    await late
    expect(sent).toEqual([TRACKER + '?n=1', TRACKER + '?n=2', 'xhr', TRACKER + '?n=4'])
  })

  it('fails what it holds, as the network would, when the visitor refuses', async () => {
    const held = fetch(TRACKER)
    const x = xhr(TRACKER)
    const error = new Promise((r) => x.addEventListener('error', r))
    x.send()
    rejectAll()
    await expect(held).rejects.toBeInstanceOf(TypeError)
    await error
    expect(sent).toEqual([])
  })

  it('sends what a decision grants and fails what it leaves refused', async () => {
    const ads = fetch('https://ads.example/px')
    const tracker = fetch(TRACKER)
    set({ tracker: true })
    await tracker
    await expect(ads).rejects.toBeInstanceOf(TypeError)
    expect(sent).toEqual([TRACKER])
  })

  it('is bounded: past its limits a request fails at once instead of waiting', async () => {
    await start({ quarantine: { requests: 2, bytes: 100 } })
    void fetch(TRACKER)
    void fetch(TRACKER)
    await expect(fetch(TRACKER)).rejects.toBeInstanceOf(TypeError)
    await start({ quarantine: { requests: 10, bytes: 100 } })
    await expect(fetch(TRACKER, { method: 'POST', body: 'x'.repeat(200) })).rejects.toBeInstanceOf(TypeError)
  })

  it('holds a tracking pixel and loads it when consent comes', async () => {
    const img = new Image()
    img.src = TRACKER + '.gif'
    expect(img.getAttribute('src')).toBeNull()
    acceptAll()
    expect(img.getAttribute('src')).toBe(TRACKER + '.gif')
  })
})

describe('quarantine config', () => {
  it('bad limits are a typed error naming the field', async () => {
    running.stop()
    running.stop = () => {}
    freshPage()
    enableStrictBlocking()
    await expect(init(config({ quarantine: { requests: 0 } }))).rejects.toThrow(/config\.quarantine\.requests: expected an integer from 1 to 1000, got 0/)
    freshPage()
    await expect(init(config({ quarantine: 'yes' }))).rejects.toThrow(/config\.quarantine: expected true, false or/)
  })
})

describe('quarantine limits', () => {
  const held = (service: string, size = 0, log: string[] = []) => ({ service, size, send: () => log.push('send ' + service), fail: () => log.push('fail ' + service) })

  it('counts requests and bytes, and frees room as it releases', () => {
    const q = quarantine({ requests: 2, bytes: 10 })
    expect(q.hold(held('a', 6))).toBe(true)
    expect(q.hold(held('b', 6))).toBe(false)
    expect(q.hold(held('b', 4))).toBe(true)
    expect(q.hold(held('c'))).toBe(false)
    q.release((id) => id == 'a', () => false)
    expect(q.size()).toBe(1)
    expect(q.hold(held('c', 6))).toBe(true)
  })
})
