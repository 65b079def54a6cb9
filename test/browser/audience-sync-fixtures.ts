/**
 * What the audience-sync suites (audience-sync-*.test.ts) share: the demo server
 * with its log kept, on a port and data directory that can outlive it, and the
 * records and events the records service would send.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoServer, listen, type DemoServer } from '../../demo/server.mjs'

export interface Demo {
  server: DemoServer
  port: number
  lines: string[]
}
export const startDemo = async (dataDir = mkdtempSync(join(tmpdir(), 'consentry-audience-')), port = 0): Promise<Demo> => {
  const lines: string[] = []
  const server = createDemoServer(undefined, { dataDir, log: (line) => lines.push(line) })
  return { server, port: await listen(server, port, 1), lines }
}
export const stopDemo = async (demo: Demo | undefined, { keepData = false } = {}): Promise<void> => {
  if (!demo) return
  demo.server.closeAllConnections()
  await new Promise((ok) => demo.server.close(ok))
  await demo.server.records.close()
  if (!keepData) rmSync(demo.server.records.dataDir, { recursive: true, force: true })
}

let n = 0
export const uuid = (prefix: string) => `${prefix}-0000-4000-8000-${String(++n).padStart(12, '0')}`
export const NO_OPT_OUT = { sale: false, sharing: false, targetedAds: false, sensitive: false }
/** A record in force for a visitor, as the records service sends it in an event. */
export const recordOf = (consentId: string, over: Record<string, unknown> = {}) => ({
  v: 1, id: uuid('11111111'), consentId, createdAt: '2026-05-01T11:00:00.000Z', updatedAt: '2026-05-01T12:00:00.000Z',
  method: 'banner', mode: 'opt-in', jurisdiction: 'DE', revision: 2,
  categories: { necessary: true, analytics: true, marketing: true }, services: {}, optOut: NO_OPT_OUT, gpc: false,
  url: 'https://shop.example/', ...over,
})
export const eventOf = (consentId: string, record: object, createdAt = new Date().toISOString(), previous?: object) => ({
  id: `dlv_${uuid('22222222')}`, type: 'consent.changed', createdAt, consentId, record, ...(previous ? { previous } : {}),
})
