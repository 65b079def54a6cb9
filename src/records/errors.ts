/**
 * The messages of the errors `consentry/records` throws, keyed by code. They are
 * kept here, not in src/errors, so no browser bundle carries their text; the
 * error is still the one `ConsentryError`, with its `code`. `%` is the detail.
 */
import { ConsentryError, type ConsentryErrorCode, type NodeErrorCode } from '../errors/index.js'

const MESSAGES: Record<NodeErrorCode, string> = {
  'missing-package': '% is not installed: run `npm install %` (an optional peer dependency of consentry/records, needed by this database engine)',
  'invalid-record': 'not a record the store can keep: % (check it with readSyncRecord first)',
  'invalid-query': '%',
}

/**
 * A `ConsentryError` with a records code and its message: made with a code whose
 * template is the bare detail ('%'), then given its own code, so the browser's
 * message table stays as it is.
 */
export const recordsError = (code: NodeErrorCode, detail: string): ConsentryError => {
  const error = new ConsentryError('invalid-config', MESSAGES[code].split('%').join(detail))
  ;(error as { code: ConsentryErrorCode }).code = code
  return error
}
