/**
 * A RecordStore in memory, for the HTTP layer's tests until the real store is
 * merged: it obeys the contract in ../store/types.ts (idempotent insert, the
 * decision in force, export in [from, to) oldest first). `down` makes every
 * call fail, as a database that went away.
 */
import type { SyncRecord } from '../../sync/record.js'
import type { RecordStore, StatsQuery, StatsRow, StoredRecord } from '../store/types.js'

export interface MemoryStore extends RecordStore {
  rows: StoredRecord[]
  down: boolean
  erasures: { at: string; count: number }[]
}

const byTime = (a: StoredRecord, b: StoredRecord) =>
  a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0

export const memoryStore = (): MemoryStore => {
  let tick = 0
  const check = async () => {
    if (s.down) throw new Error('store down')
  }
  const inRange = (r: StoredRecord, q: { from?: string; to?: string }) =>
    (!q.from || Date.parse(r.updatedAt) >= Date.parse(q.from)) && (!q.to || Date.parse(r.updatedAt) < Date.parse(q.to))
  const s: MemoryStore = {
    rows: [],
    down: false,
    erasures: [],
    async insert(record: SyncRecord) {
      await check()
      if (s.rows.some((r) => r.id == record.id)) return false
      // A distinct receivedAt per row, as a database clock would give.
      s.rows.push({ ...structuredClone(record), receivedAt: new Date(Date.UTC(2030, 0, 1) + tick++).toISOString() })
      return true
    },
    async history(consentId) {
      await check()
      const records = s.rows.filter((r) => r.consentId == consentId).sort(byTime)
      return { consentId, records, inForce: records.at(-1) ?? null }
    },
    async erase(consentId) {
      await check()
      const before = s.rows.length
      s.rows = s.rows.filter((r) => r.consentId != consentId)
      s.erasures.push({ at: new Date().toISOString(), count: before - s.rows.length })
      return before - s.rows.length
    },
    async *export(q) {
      await check()
      const rows = s.rows.filter((r) => inRange(r, q)).sort((a, b) => byTime(a, b) || (a.id < b.id ? -1 : 1))
      for (const r of rows) {
        await check()
        yield r
      }
    },
    async stats(q: StatsQuery) {
      await check()
      const groups = new Map<string, StoredRecord[]>()
      for (const r of s.rows.filter((r) => inRange(r, q))) {
        const key = q.by == 'day' ? r.updatedAt.slice(0, 10) : q.by == 'region' ? r.jurisdiction : q.by == 'method' ? r.method : String(r.revision)
        groups.set(key, [...(groups.get(key) ?? []), r])
      }
      return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, rs]): StatsRow => {
        const outcomes = { acceptAll: 0, rejectAll: 0, custom: 0, optOut: 0, gpc: 0 }
        const granted: Record<string, number> = {}
        for (const r of rs) {
          const optional = Object.entries(r.categories).filter(([id]) => id != 'necessary')
          for (const [id, on] of optional) granted[id] = (granted[id] ?? 0) + (on ? 1 : 0)
          if (r.method == 'gpc') outcomes.gpc++
          else if (!r.gpc && (r.optOut.sale || r.optOut.sharing)) outcomes.optOut++
          else if (optional.every(([, on]) => on)) outcomes.acceptAll++
          else if (optional.every(([, on]) => !on)) outcomes.rejectAll++
          else outcomes.custom++
        }
        const consentRate = Object.fromEntries(Object.entries(granted).map(([id, n]) => [id, n / rs.length]))
        return { key, records: rs.length, outcomes, consentRate, gpcShare: rs.filter((r) => r.gpc).length / rs.length }
      })
    },
    async prune(months, now = new Date()) {
      await check()
      const cut = new Date(now)
      cut.setUTCMonth(cut.getUTCMonth() - months)
      const inForce = new Set([...new Set(s.rows.map((r) => r.consentId))].map((c) => s.rows.filter((r) => r.consentId == c).sort(byTime).at(-1)!.id))
      const before = s.rows.length
      s.rows = s.rows.filter((r) => inForce.has(r.id) || Date.parse(r.updatedAt) >= cut.getTime())
      return before - s.rows.length
    },
    async ping() {
      await check()
    },
    async close() {},
  }
  return s
}
