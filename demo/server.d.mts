// Types for demo/server.mjs, so TypeScript tests can import it under `strict`.
import type { Server } from 'node:http'

/** Content types by file extension. */
export declare const TYPES: Record<string, string>
/** The Content-Security-Policy every demo response carries. */
export declare const CSP: string
/** The real path of the file `urlPath` names inside `root`, or null if it is missing or outside `root`. */
export declare const resolveInside: (root: string, urlPath: string) => Promise<string | null>
/** Where the demo appends the proof-of-consent records it receives (JSON lines). */
export declare const RECORDS: string
/** Creates (does not start) the demo server; `roots` maps URL prefixes to directories; `/api/consent` appends to `recordsFile`. */
export declare const createDemoServer: (roots?: Record<string, string>, recordsFile?: string) => Server
/** Listens on 127.0.0.1 at `port` or the next free one (up to `tries`); resolves with the port. */
export declare const listen: (server: Server, port: number, tries?: number) => Promise<number>
