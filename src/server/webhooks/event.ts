/**
 * The body of a webhook delivery: one JSON object per consent change. The
 * records service builds it and signs it; `verifyWebhook` hands it back to a
 * receiver checked, field by field, like a posted record.
 */
import type { OptOut } from '../../record/index.js'
import { syncRecordProblem, type SyncRecord } from '../../sync/record.js'
import { ID } from '../../config/rules.js'

/** What was in force for the visitor before the change. */
export interface ConsentEventPrevious {
  categories: Record<string, boolean>
  services: Record<string, boolean>
  optOut: OptOut
  gpc: boolean
}

/**
 * A consent id's decision in force changed: sent once per change (never for a
 * repeat of the same decision), in order per consent id.
 * @example
 * { id: 'dlv_0193…', type: 'consent.changed', createdAt: '2026-05-01T12:00:00.000Z',
 *   consentId: record.consentId, record, previous: { categories, services, optOut, gpc } }
 */
export interface ConsentEvent {
  /** Delivery id: the same on every retry of this event (`Consentry-Delivery`), so a receiver drops repeats by it. */
  id: string
  type: 'consent.changed'
  /** When the change was recorded, ISO 8601 UTC. */
  createdAt: string
  /** The visitor's consent id; the same as `record.consentId`. */
  consentId: string
  /** The record now in force, as `readSyncRecord` accepts it. */
  record: SyncRecord
  /** What was in force before; absent for a visitor's first decision. */
  previous?: ConsentEventPrevious
}

/** Ids are made by the service; the limit keeps a hostile body from making a receiver store a megabyte key. */
const DELIVERY_ID = /^[\w.:-]{1,128}$/
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/

const isObj = (x: unknown): x is Record<string, unknown> => typeof x == 'object' && !!x && !Array.isArray(x)
const choices = (x: unknown) => isObj(x) && Object.keys(x).length <= 200 && Object.entries(x).every(([k, v]) => ID.test(k) && typeof v == 'boolean')
const optOut = (x: unknown) => isObj(x) && ['sale', 'sharing', 'targetedAds', 'sensitive'].every((k) => typeof x[k] == 'boolean')

/**
 * The first problem with an event body, naming the field, or null. Fields the
 * event does not define are ignored (a newer service may add some); the
 * record inside is held to `readSyncRecord`'s rules.
 */
export const consentEventProblem = (x: unknown): string | null => {
  if (!isObj(x)) return 'expected a JSON object'
  if (typeof x.id != 'string' || !DELIVERY_ID.test(x.id)) return 'id: expected a delivery id'
  if (x.type !== 'consent.changed') return 'type: expected consent.changed'
  if (typeof x.createdAt != 'string' || !ISO.test(x.createdAt) || isNaN(Date.parse(x.createdAt))) return 'createdAt: expected an ISO 8601 UTC time'
  if (typeof x.consentId != 'string' || !UUID.test(x.consentId)) return 'consentId: expected a UUID'
  const record = syncRecordProblem(x.record)
  if (record) return 'record: ' + record
  if ((x.record as SyncRecord).consentId !== x.consentId) return 'record: consentId differs from the event'
  const p = x.previous
  if (p !== undefined && !(isObj(p) && choices(p.categories) && choices(p.services) && optOut(p.optOut) && typeof p.gpc == 'boolean'))
    return 'previous: expected { categories, services, optOut, gpc }'
  return null
}
