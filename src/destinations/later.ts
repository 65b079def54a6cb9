import type { Snapshot } from '../store/index.js'
import type { Destination, PrivacySignals } from './types.js'

type Call = [first: boolean, snapshot: Snapshot, signals: PrivacySignals]

/**
 * A destination whose code comes in a file of its own, fetched on demand (the script tag's sync outbox): the calls
 * made before it arrives are kept, in order, and replayed once it is there, so a decision made meanwhile still
 * reaches it. If the file cannot be loaded, its loader has said so and the calls are dropped.
 */
export const later = (id: string, load: () => Promise<Destination>): Destination => {
  let real: Destination | undefined
  let calls: Call[] | null = []
  const call = (d: Destination, [first, s, sig]: Call) => {
    try {
      first && d.init ? d.init(s, sig) : d.update(s, sig)
    } catch (e) {
      console.error(`[consentry] destination "${id}" failed:`, e)
    }
  }
  load().then(
    (d) => {
      d.connect?.()
      real = d
      calls?.forEach((c) => call(d, c))
      calls = null
    },
    () => (calls = null),
  )
  const take = (c: Call) => (real ? call(real, c) : calls?.push(c))
  return { id, init: (s, sig) => void take([true, s, sig]), update: (s, sig) => void take([false, s, sig]) }
}
