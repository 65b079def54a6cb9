/** A destination whose code arrives later: nothing said to it meanwhile is lost, nothing twice. */
import { describe, expect, it, vi } from 'vitest'
import type { Snapshot } from '../store/index.js'
import { later } from './later.js'
import type { Destination, PrivacySignals } from './types.js'

const snap = (n: number) => ({ revision: n }) as unknown as Snapshot
const SIG = { usp: '1---' } as PrivacySignals

/** A destination that logs its calls, and a load that resolves when told to. */
const arriving = () => {
  const calls: string[] = []
  const real: Destination = {
    id: 'real',
    connect: () => calls.push('connect'),
    init: (s) => calls.push(`init ${s.revision}`),
    update: (s, sig) => calls.push(`update ${s.revision} ${sig.usp}`),
  }
  let arrive!: (d: Destination) => void
  let fail!: (e: Error) => void
  const load = vi.fn(() => new Promise<Destination>((ok, ko) => ((arrive = ok), (fail = ko))))
  return { calls, real, load, arrive: () => arrive(real), fail: () => fail(new Error('404')) }
}

describe('later', () => {
  it('loads at once, keeps the calls made before the code arrives and replays them in order; later calls go straight through', async () => {
    const a = arriving()
    const d = later('sync', a.load)
    expect(a.load).toHaveBeenCalledOnce()
    expect(d.id).toBe('sync')
    d.init!(snap(1), SIG)
    d.update(snap(2), SIG)
    d.update(snap(3), SIG)
    expect(a.calls).toEqual([])
    a.arrive()
    await Promise.resolve()
    expect(a.calls).toEqual(['connect', 'init 1', 'update 2 1---', 'update 3 1---'])
    d.update(snap(4), SIG)
    expect(a.calls.at(-1)).toBe('update 4 1---')
    expect(a.calls).toHaveLength(5)
  })

  it('a destination without init hears the first call as an update', async () => {
    const a = arriving()
    delete a.real.init
    const d = later('sync', a.load)
    d.init!(snap(1), SIG)
    a.arrive()
    await Promise.resolve()
    expect(a.calls).toEqual(['connect', 'update 1 1---'])
  })

  it('when the code cannot load, the calls are dropped and later ones go nowhere, without an error', async () => {
    const a = arriving()
    const d = later('sync', a.load)
    d.update(snap(1), SIG)
    a.fail()
    await Promise.resolve()
    await Promise.resolve()
    expect(() => d.update(snap(2), SIG)).not.toThrow()
    expect(a.calls).toEqual([])
  })

  it('a call that throws in the arrived code is reported, and the calls after it still run', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const a = arriving()
    a.real.update = (s) => {
      if (s.revision == 2) throw new Error('boom')
      a.calls.push(`update ${s.revision}`)
    }
    const d = later('sync', a.load)
    d.update(snap(2), SIG)
    d.update(snap(3), SIG)
    a.arrive()
    await Promise.resolve()
    expect(a.calls).toEqual(['connect', 'update 3'])
    expect(error).toHaveBeenCalledWith('[consentry] destination "sync" failed:', expect.any(Error))
    error.mockRestore()
  })
})
