/**
 * Test helpers for the records service's HTTP layer (not part of the entry):
 * records, requests, and a switch that takes a real store "down".
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { SyncRecord } from '../../sync/record.js'
import { startPostgres, type TestPostgres } from '../../testing/postgres.mjs'
import { createRecordsService, type RecordsService, type RecordsServiceOptions } from '../index.js'
import { openStore } from '../store/index.js'
import type { RecordStore } from '../store/types.js'

let postgres: Promise<TestPostgres> | undefined
const ALL: [string, () => Promise<RecordStore>][] = [
  // PGlite in memory: a new, empty database each time.
  ['pglite', () => openStore({ engine: 'pglite' })],
  // A real PostgreSQL (Debian's package), started once per test file on 127.0.0.1; a new database each time.
  ['postgres', async () => openStore({ engine: 'postgres', url: await (await (postgres ??= startPostgres())).createDatabase() })],
]

/**
 * The engines the endpoint suites run on, each opening an empty store: both,
 * or those named in RECORDS_ENGINES (`RECORDS_ENGINES=pglite` for a quick local run).
 */
export const ENGINES = ALL.filter(([name]) => process.env.RECORDS_ENGINES?.split(',').includes(name) ?? true)

/** Stops the PostgreSQL server a suite started (call it in the file's afterAll). */
export const stopEngines = async (): Promise<void> => {
  const started = postgres
  postgres = undefined
  await (await started?.catch(() => undefined))?.stop()
}

/** The admin token the suites configure. */
export const TOKEN = 'test-admin-token-0123456789abcdef'

let n = 0
const hex = (i: number, width: number) => i.toString(16).padStart(width, '0')

/** A fresh UUID-shaped id (v4 layout), unique within the test run. */
export const uuid = (): string => {
  const i = ++n
  return `${hex(i, 8)}-${hex(i % 65536, 4)}-4${hex(i % 4096, 3)}-8${hex(i % 4096, 3)}-${hex(Date.now() % 2 ** 40, 12)}`
}

/** A valid record, as serverSync sends it. */
export const record = (over: Partial<SyncRecord> = {}): SyncRecord => ({
  v: 1,
  id: uuid(),
  consentId: uuid(),
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:05:00.000Z',
  method: 'banner',
  mode: 'opt-in',
  jurisdiction: 'DE',
  revision: 3,
  categories: { necessary: true, analytics: true, marketing: false },
  services: { posthog: true },
  optOut: { sale: false, sharing: false, targetedAds: false, sensitive: false },
  gpc: false,
  url: 'https://www.example.com/pricing',
  ...over,
})

/** A store whose every call fails while `down` is true: a database that went away, then came back. */
export const switchable = (store: RecordStore): RecordStore & { down: boolean } => {
  const wrapped = { down: false } as RecordStore & { down: boolean }
  const fail = () => {
    if (wrapped.down) throw new Error('connection refused (test)')
  }
  for (const k of ['insert', 'history', 'erase', 'stats', 'prune', 'ping'] as const)
    (wrapped as any)[k] = async (...args: unknown[]) => (fail(), (store[k] as (...a: unknown[]) => unknown)(...args))
  wrapped.export = (q) => {
    fail()
    return store.export(q)
  }
  wrapped.close = () => store.close()
  wrapped.webhooks = store.webhooks
  return wrapped
}

export const SITE = 'https://shop.example.com'
export const BASE = 'http://records.test'

/**
 * A records service over a switchable store opened by `open`, for one engine's describe block: `store` and `service`
 * are set before its tests; `make` adds a service on the same store (closed after them); `post` sends a record from a
 * client address (null: none given), `admin` calls with the admin token, `history` reads a consent id's records.
 */
export const useService = (open: () => Promise<RecordStore>) => {
  const suite = {} as { store: RecordStore & { down: boolean }; service: RecordsService }
  const services: RecordsService[] = []
  const make = (options: RecordsServiceOptions = {}) => {
    const s = createRecordsService({ store: suite.store, adminToken: TOKEN, allowedOrigins: [SITE], prune: false, onError: () => {}, ...options })
    services.push(s)
    return s
  }
  const post = (body: unknown, headers: Record<string, string> = {}, client: string | null = '203.0.113.1', s = suite.service) =>
    s.fetch(
      new Request(`${BASE}/v1/consent`, { method: 'POST', body: typeof body == 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
      client === null ? undefined : { remoteAddress: client },
    )
  const admin = (path: string, init: RequestInit = {}, s = suite.service) =>
    s.fetch(new Request(BASE + path, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers as Record<string, string>) } }))
  const history = async (consentId: string) => (await admin(`/v1/consent/${consentId}`)).json()

  beforeAll(async () => {
    suite.store = switchable(await open())
    suite.service = make()
  }, 120_000)
  afterEach(() => {
    suite.store.down = false
  })
  afterAll(async () => {
    for (const s of services) await s.close()
    await suite.store.close()
  })
  return Object.assign(suite, { make, post, admin, history })
}
