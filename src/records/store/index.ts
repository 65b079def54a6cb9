/**
 * `openStore(options)`: the records service's storage on PGlite (embedded, the
 * default) or PostgreSQL, migrated on open. The engine packages are optional
 * peer dependencies, imported only here, when a store is opened.
 */
import { ConsentryError } from '../../errors/index.js'
import type { Db } from './db.js'
import { exportRecords } from './export.js'
import { migrate } from './migrations.js'
import { openPglite } from './pglite.js'
import { openPostgres } from './postgres.js'
import { prune } from './prune.js'
import { deliveries } from './deliveries.js'
import { insertWithEvents } from './outbox.js'
import { erase, history } from './records.js'
import { stats } from './stats.js'
import type { OpenStore, RecordStore, StoreOptions, WebhookStore } from './types.js'
import { sealerFor, type Sealer } from './seal.js'
import { openSecret, storedSecret, subscriptions, type StoredSecret } from './webhooks.js'

const connect = (o: StoreOptions): Promise<Db> => {
  if (o == null || typeof o != 'object') throw new ConsentryError('invalid-config', 'openStore: expected { engine?: "pglite", dataDir? } or { engine: "postgres", url }')
  sealerFor(o.secretKey)
  if (o.engine == 'postgres') {
    if (typeof o.url != 'string' || !o.url) throw new ConsentryError('invalid-config', 'openStore: engine "postgres" needs a url (postgres://user:password@host:5432/database)')
    if (o.poolSize != null && !(Number.isInteger(o.poolSize) && o.poolSize > 0)) throw new ConsentryError('invalid-config', 'openStore: poolSize: expected an integer > 0')
    return openPostgres(o.url, o.poolSize)
  }
  if (o.engine != null && o.engine != 'pglite') throw new ConsentryError('invalid-config', `openStore: engine: expected "pglite" or "postgres", got ${JSON.stringify(o.engine)}`)
  if (o.dataDir != null && typeof o.dataDir != 'string') throw new ConsentryError('invalid-config', 'openStore: dataDir: expected a directory path')
  return openPglite(o.dataDir || undefined)
}

/**
 * With a key: seals every webhook secret that is in plain text, or sealed with another of the keys given, under the
 * sealing key, in one transaction. Without one: refuses a database whose secrets are sealed, at once, rather than
 * fail every delivery later. Either way a secret sealed with a key not given stops the store from opening.
 */
const reseal = (db: Db, sealer: Sealer | null) =>
  db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; secrets: StoredSecret[] }>('SELECT id, secrets FROM consentry_webhooks ORDER BY id FOR UPDATE')
    for (const { id, secrets } of rows) {
      const stale = secrets.some((s) => (s.sealed == null ? !!sealer : !s.sealed.startsWith(`v1.${sealer?.kid}.`)))
      const opened = secrets.map((s) => ({ secret: openSecret(sealer, id, s), expiresAt: s.expiresAt }))
      if (stale) await tx.query('UPDATE consentry_webhooks SET secrets = $2::jsonb WHERE id = $1', [id, JSON.stringify(opened.map((s) => storedSecret(sealer, id, s.secret, s.expiresAt)))])
    }
  })

/** The store over an open database, migrated first (closed again if migrating or sealing fails). */
export const storeOn = async (db: Db, options: Pick<StoreOptions, 'secretKey'> = {}): Promise<RecordStore> => {
  let sealer: Sealer | null
  try {
    sealer = sealerFor(options.secretKey)
    await migrate(db)
    await reseal(db, sealer)
  } catch (e) {
    await db.close().catch(() => {})
    throw e
  }
  let closed: Promise<void> | undefined
  // Listeners of this process: the deliverer wakes at once instead of at its next poll.
  const listeners = new Set<() => void>()
  const due = () => listeners.forEach((l) => l())
  const outbox = deliveries(db, sealer)
  const webhooks: WebhookStore = {
    ...subscriptions(db, sealer),
    ...outbox,
    replay: async (id) => ((await outbox.replay(id)) && (due(), true)),
    replayDead: async (id) => {
      const n = await outbox.replayDead(id)
      if (n) due()
      return n
    },
    onDue: (l) => (listeners.add(l), () => void listeners.delete(l)),
  }
  return {
    async insert(record) {
      const { stored, deliveries } = await db.transaction((tx) => insertWithEvents(tx, record))
      if (deliveries) due()
      return stored
    },
    webhooks,
    history: (consentId) => history(db, consentId),
    erase: (consentId) => db.transaction((tx) => erase(tx, consentId)),
    export: (q = {}) => exportRecords(db, q),
    stats: (q) => stats(db, q),
    prune: (months, now) => prune(db, months, now),
    ping: async () => void (await db.query('SELECT 1')),
    close: () => (closed ??= db.close()),
  }
}

/**
 * Opens the records store, creating or migrating its tables. PGlite keeps its
 * data in `dataDir` (in memory without one); PostgreSQL is reached by `url`.
 * Throws a `ConsentryError` `missing-package` naming the install command when
 * the engine's package is not installed.
 * @example
 * const store = await openStore({ dataDir: './consentry-data' })
 * const store2 = await openStore({ engine: 'postgres', url: process.env.DATABASE_URL!, secretKey: process.env.CONSENTRY_SECRET_KEY })
 */
export const openStore: OpenStore = async (options = {}) => storeOn(await connect(options), options)

export type { ClaimedDelivery, Delivery, DeliveryState, WebhookEvent, WebhookStore, WebhookSubscription, ConsentHistory, OpenStore, RecordStore, StatsBy, StatsQuery, StatsRow, StoredRecord, StoreOptions } from './types.js'
