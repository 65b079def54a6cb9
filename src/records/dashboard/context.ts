/**
 * What every dashboard route is handed (the admin token, the store, the sessions, the login limit), and the
 * same-origin check every POST passes: shared by the login and the webhooks panel, so neither imports the other.
 */
import type { RecordStore } from '../store/types.js'
import type { Limiter } from '../http/rate-limit.js'
import type { Sessions } from './session.js'

export interface DashboardContext {
  token: string | undefined
  /** Whether a guess is the admin token, in constant time. */
  matches: (guess: string) => boolean
  store: () => Promise<RecordStore>
  onError: (e: unknown, where: string) => void
  sessions: Sessions
  limiter: Limiter
}

/** Whether a POST comes from a page of this origin (scheme aside: TLS may end at a proxy in front). */
export const sameOrigin = (request: Request, url: URL): boolean => {
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site != 'same-origin') return false
  try {
    return new URL(request.headers.get('origin') ?? '').host == url.host
  } catch {
    // No Origin, "null" (a sandboxed frame, a privacy extension) or garbage.
    return false
  }
}
