// Types for demo/audience-sync.mjs, so TypeScript tests can import it under `strict`.
import type { ConsentEvent, GoogleAdsFields, GoogleDataManagerFields, MetaFields } from '../src/server/index.js'

/** Where the records service delivers to, on the demo's origin. */
export declare const WEBHOOK_PATH: string
/** The largest delivery body read (413 beyond). */
export declare const MAX_BODY: number

/** The outcome of the subscribe step. */
export type AudienceSubscription =
  | { state: 'pending' }
  | { state: 'subscribed'; id: string; url: string; reused: boolean }
  | { state: 'unavailable'; url: string }
  | { state: 'failed'; url: string; detail: string }

/** One visitor as the page shows it: the decision in force and what the sync would send. */
export interface AudienceVisitor {
  consentId: string
  deliveryId: string
  changedAt: string
  receivedAt: string
  firstDecision: boolean
  decision: Pick<ConsentEvent['record'], 'method' | 'mode' | 'jurisdiction' | 'revision' | 'updatedAt' | 'categories' | 'services'>
  gpc: boolean
  optOut: ConsentEvent['record']['optOut']
  fields: { meta: MetaFields | null; googleAds: GoogleAdsFields | null; googleDataManager: GoogleDataManagerFields | null }
  mayUpload: { meta: boolean; google: boolean }
}

export interface AudienceView {
  subscription: AudienceSubscription
  counts: { received: number; applied: number; duplicates: number; stale: number; refused: number }
  refusals: { at: string; reason: string }[]
  visitors: AudienceVisitor[]
}

/** A records service, or anything with its `fetch`. */
interface Service {
  fetch(request: Request): Promise<Response>
}

export interface AudienceSync {
  readonly secret: string
  readonly subscription: AudienceSubscription
  receive(delivery: { body: string | Uint8Array; signature: string | string[] | null | undefined; delivery?: string | string[] | null }): Promise<{ status: number; text: string }>
  view(): Promise<AudienceView>
  clear(): void
  subscribe(service: Service, adminToken: string, url: string, log?: (line: string) => void): Promise<AudienceSubscription>
}

/** The receiver: verifies deliveries with `secret` (a new one by default), keeps the latest event per consent id. */
export declare const createAudienceSync: (options?: { secret?: string; now?: () => number }) => AudienceSync
