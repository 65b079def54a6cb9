// Types for demo/server.mjs, so TypeScript tests can import it under `strict`.
import type { Server } from 'node:http'
import type { AudienceSubscription, AudienceSync } from './audience-sync.mjs'

/** Content types by file extension. */
export declare const TYPES: Record<string, string>
/** The Content-Security-Policy every demo response carries (pages with an import map add its hash). */
export declare const CSP: string
/** The default mounts: URL prefix → directory (demo/, dist/, and the packages the ESM build imports). */
export declare const ROOTS: Record<string, string>
/** The CSP for a response to `path`: with the sha256 of each inline import map in `html`; `/embed/` may be framed by the demo's own pages. */
export declare const policyFor: (path: string, html?: string) => string
/** The real path of the file `urlPath` names inside `root`, or null if it is missing or outside `root`. */
export declare const resolveInside: (root: string, urlPath: string) => Promise<string | null>
/** Where the demo's records service keeps its PGlite database by default (demo/.data/, ignored by git). */
export declare const DATA: string
/** How many records `GET /api/records` returns at most (the newest). */
export declare const RECORDS_SHOWN: number
/** The demo server, with its records service's database directory and admin token. */
export interface DemoServer extends Server {
  records: { dataDir: string; adminToken: string; close(): Promise<void> }
  /** The audience-sync receiver; `ready` resolves once the subscribe step (started when the server listens) ends. */
  audienceSync: { secret: string; ready: Promise<AudienceSubscription>; receiver: AudienceSync }
}
/**
 * Creates (does not start) the demo server; `roots` maps URL prefixes to directories. The records service
 * (consentry/records on PGlite in `dataDir`) answers `/v1/…`, `/healthz` and `/dashboard`; `/api/records` lists
 * (GET) or erases (DELETE) its records with the admin token; `/api/tags` lists what the demo's vendor tags did;
 * `/audience-sync/webhook` receives the service's signed deliveries and `/api/audience-sync` shows them per visitor.
 */
export declare const createDemoServer: (roots?: Record<string, string>, options?: { dataDir?: string; adminToken?: string; log?: (line: string) => void }) => DemoServer
/** Listens on 127.0.0.1 at `port` or the next free one (up to `tries`); resolves with the port. */
export declare const listen: (server: Server, port: number, tries?: number) => Promise<number>
