/**
 * The messages of the errors `consentry/records` throws, keyed by code. They are
 * kept here, not in src/errors, so no browser bundle carries their text; the
 * error is still the one `ConsentryError`, with its `code`. `%` is the detail.
 */
import { ConsentryError, type NodeErrorCode } from '../errors/index.js'

const MESSAGES: Record<NodeErrorCode, string> = {
  'missing-package': '% is not installed: run `npm install %` (an optional peer dependency of consentry/records, needed by this database engine)',
  'invalid-record': 'not a record the store can keep: % (check it with readSyncRecord first)',
  'invalid-query': '%',
}

/** A `ConsentryError` with a records code and its message. */
export const recordsError = (code: NodeErrorCode, detail: string): ConsentryError => new ConsentryError(code, MESSAGES[code].split('%').join(detail))
