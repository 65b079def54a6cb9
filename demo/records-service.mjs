/** The demo's records service (consentry/records from dist/, on PGlite), and what the records page reads through its admin API. */
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DIST } from './files.mjs'

/** Where the demo's records service keeps its database (PGlite) unless told otherwise: ignored by git, kept across runs. */
export const DATA = fileURLToPath(new URL('./.data/', import.meta.url))

/** How many records `GET /api/records` returns at most: the newest. */
export const RECORDS_SHOWN = 200

/**
 * The records service, as a site would run it: consentry/records on PGlite,
 * with an admin token made for this run. The pages post to it on the demo's
 * own origin, so no CORS set-up is needed.
 */
export const recordsService = async (dataDir, adminToken) => {
  const { createRecordsService, nodeListener } = await import(pathToFileURL(resolve(DIST, 'records.mjs')).href)
  // A generous rate limit: every demo visitor is 127.0.0.1, and the browser tests make many decisions a minute. The
  // audience sync's receiver is this server, on 127.0.0.1: a loopback address, where webhooks go only when allowed.
  const service = createRecordsService({
    store: { engine: 'pglite', dataDir },
    adminToken,
    allowedOrigins: [],
    rateLimit: { perMinute: 600, burst: 200 },
    webhooks: { allowLocal: ['127.0.0.1'] },
  })
  return { service, listener: nodeListener(service) }
}

/** The records page's data: the service's export, newest first, through the admin API with the demo's token (the page never sees it). */
export const listRecords = async (service, adminToken) => {
  const res = await service.fetch(new Request('http://demo.local/v1/export?format=ndjson', { headers: { authorization: `Bearer ${adminToken}` } }))
  if (!res.ok) throw new Error(`export: HTTP ${res.status}`)
  const rows = (await res.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line))
  return rows.reverse().slice(0, RECORDS_SHOWN)
}

/** Erases every consent id the service holds (DELETE /v1/consent/:id, logged by the store without the data). */
export const eraseAll = async (service, adminToken) => {
  const ids = new Set((await listRecords(service, adminToken)).map((r) => r.consentId))
  for (const id of ids) await service.fetch(new Request(`http://demo.local/v1/consent/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } }))
}
