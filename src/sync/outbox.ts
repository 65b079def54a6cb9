/**
 * Proof of consent on the site's server: every decision becomes a record,
 * kept in a durable outbox in localStorage until the server has it. Records
 * survive reloads, offline periods and 5xx answers (retried with backoff),
 * leave with `fetch(keepalive)` — and with `sendBeacon` when the page is being
 * hidden, since a page may never come back. A record can therefore arrive
 * twice; its id is the same each time (derived from the consent id and the
 * decision time, so two tabs agree on it too), and the receiver drops
 * duplicates by it (`readSyncRecord` in `consentry/server`).
 */
import type { Snapshot } from '../store/index.js'
import type { Destination, PrivacySignals } from '../destinations/types.js'
import { syncRecordProblem, type SyncRecord } from './record.js'
import { checkUrl } from './url.js'

export interface SyncOptions {
  /** Where records are POSTed as JSON. */
  url: string
  /** Outbox bound: past it the oldest record is dropped, with a warning. Default 100. */
  maxRecords?: number
  /** localStorage key of the outbox. Default `consentry-outbox`. */
  key?: string
  /** First retry delay in ms; it doubles up to `maxDelay`. Defaults 1 s and 5 min. */
  retryDelay?: number
  maxDelay?: number
}

/**
 * A UUID-shaped id that is the same for the same decision in every tab:
 * FNV-1a, four ways, over the consent id, the decision time and what was
 * decided (two decisions within one millisecond still differ).
 */
export const recordId = (consentId: string, updatedAt: string, decided = ''): string => {
  const hex = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x27d4eb2f]
    .map((seed) => {
      let h = seed
      for (const ch of consentId + '|' + updatedAt + '|' + decided) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193)
      return (h >>> 0).toString(16).padStart(8, '0')
    })
    .join('')
  // Version 8 ("custom", RFC 9562 §5.8) and the RFC variant, so it is a valid UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The record for a decision. */
/** What a decision decided, as one string: the part of the record id beyond consent id and time. */
export const decisionKey = (s: Snapshot): string => JSON.stringify([s.method, s.categories, s.services, s.optOut])

export const syncRecord = (s: Snapshot, sig: PrivacySignals): SyncRecord => ({
  v: 1,
  id: recordId(s.id!, s.updatedAt!, decisionKey(s)),
  consentId: s.id!,
  createdAt: s.createdAt!,
  updatedAt: s.updatedAt!,
  method: s.method!,
  mode: s.mode,
  jurisdiction: s.jurisdiction,
  revision: s.revision,
  categories: { ...s.categories },
  services: { ...s.services },
  optOut: { ...s.optOut },
  gpc: s.gpc,
  ...(sig.gppSid.length ? { gpp: sig.gpp, gppSid: sig.gppSid } : {}),
  ...(sig.usp != '1---' ? { usp: sig.usp } : {}),
  // Never the query string or fragment: they can carry personal data (emails, tokens).
  url: location.origin + location.pathname,
})

/**
 * Posts a proof-of-consent record for every decision made in this tab, through
 * a durable, bounded outbox. Use it as a destination. A missing or unsafe
 * `url` throws an `invalid-config` error, and nothing is ever sent.
 * @example connectDestinations([serverSync({ url: '/api/consent' })])
 */
export const serverSync = (o: SyncOptions): Destination => outbox(o, 'serverSync')

/** `serverSync`, naming the config field its errors are about (the script tag's block says `data-consentry-destinations.sync`). */
export const outbox = (o: SyncOptions, field: string): Destination => {
  const url = checkUrl(field + '.url', o?.url)
  const key = o.key ?? 'consentry-outbox'
  const max = o.maxRecords ?? 100
  const first = o.retryDelay ?? 1000
  const cap = o.maxDelay ?? 300000
  let delay = first
  let timer: ReturnType<typeof setTimeout> | undefined
  let flushing = false
  let last = ''

  // The outbox is read from storage, which any script can write: only valid records count.
  // Without storage (blocked, full) it lives in memory, for this page only.
  let memory: SyncRecord[] = []
  const load = (): SyncRecord[] => {
    try {
      const list: unknown = JSON.parse(localStorage.getItem(key) || '[]')
      return (memory = Array.isArray(list) ? list.filter((r): r is SyncRecord => !syncRecordProblem(r)) : [])
    } catch {
      return memory
    }
  }
  const write = (list: SyncRecord[]) => {
    memory = list
    try {
      localStorage.setItem(key, JSON.stringify(list))
    } catch {
      // Storage full or blocked: the records still go out from memory on this page.
    }
  }
  // The id of the last record queued, so that a page can tell whether the decision in force ever reached the outbox.
  const mark = key + ':last'
  const add = (r: SyncRecord) => {
    const list = load().filter((x) => x.id != r.id)
    list.push(r)
    if (list.length > max) console.warn(`[consentry] sync outbox full (${max}): dropped ${list.length - max} oldest record(s)`)
    write(list.slice(-max))
    try {
      localStorage.setItem(mark, r.id)
    } catch {
      // Without storage the next page cannot tell, and records the decision again: the same id, which the server drops.
    }
  }
  /** Whether the decision of `s` was queued by this or an earlier page: `undefined` where storage cannot say. */
  const queued = (id: string): boolean | undefined => {
    try {
      return localStorage.getItem(mark) == id
    } catch {
      return undefined
    }
  }
  const remove = (id: string) => write(load().filter((x) => x.id != id))

  const schedule = () => {
    clearTimeout(timer)
    // Full jitter keeps many visitors' retries from arriving at once after an outage.
    timer = setTimeout(flush, delay / 2 + Math.random() * (delay / 2))
    delay = Math.min(delay * 2, cap)
  }
  const flush = async (): Promise<void> => {
    if (flushing) return
    flushing = true
    try {
      // Oldest first, until none is left: a record queued while one is on its way goes out in the same flush. Each at
      // most once per flush, in case storage keeps a record that could not be removed (full, read-only).
      const tried = new Set<string>()
      for (let r: SyncRecord | undefined; (r = load().find((x) => !tried.has(x.id))); ) {
        tried.add(r.id)
        let res: Response
        try {
          res = await fetch(url, { method: 'POST', body: JSON.stringify(r), headers: { 'Content-Type': 'application/json' }, keepalive: true, credentials: 'same-origin' })
        } catch {
          return schedule()
        }
        if (res.status >= 500 || res.status == 429 || res.status == 408) return schedule()
        // 2xx: stored. Other 4xx: the server will never take this record; keep the queue moving.
        if (!res.ok) console.warn(`[consentry] sync: ${url} refused record ${r.id} (${res.status})`)
        remove(r.id)
      }
      delay = first
    } finally {
      flushing = false
    }
  }
  const beacon = () => {
    if (document.visibilityState != 'hidden' || typeof navigator.sendBeacon != 'function') return
    // Kept in the outbox: without an answer, the next page sends them again (same ids).
    for (const r of load()) navigator.sendBeacon(url, JSON.stringify(r))
  }

  let started = false
  const start = () => {
    if (started) return
    started = true
    addEventListener('online', () => ((delay = first), void flush()))
    addEventListener('pagehide', beacon)
    document.addEventListener('visibilitychange', beacon)
  }

  return {
    id: 'server-sync',
    init(s, sig) {
      start()
      last = s.updatedAt + decisionKey(s)
      // A decision in force that never reached an outbox (made before this one was connected, or on a page left
      // before its outbox file arrived, or where no sync was configured) is recorded now: no decision is lost. Its
      // id is the one it would have had, so a record already delivered is not stored twice.
      const r = s.decided && s.id && s.updatedAt && syncRecord(s, sig)
      if (r && queued(r.id) === false) add(r)
      // Whatever an earlier page could not deliver.
      void flush()
    },
    update(s, sig) {
      start()
      const now = s.updatedAt + decisionKey(s)
      if (!s.decided || !s.id || !s.updatedAt || now == last) return
      last = now
      add(syncRecord(s, sig))
      delay = first
      void flush()
    },
  }
}
