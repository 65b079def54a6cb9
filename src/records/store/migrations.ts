/**
 * The schema, as one ordered list of migrations: the same SQL text on PGlite
 * and on PostgreSQL. A migration is never edited once released; a change is a
 * new one at the end (3: issue #18's webhook subscriptions and delivery
 * outbox). Each runs once, in its own transaction,
 * recorded in `consentry_migrations`.
 */
import type { Db } from './db.js'

export interface Migration {
  id: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'records and erasures',
    sql: `
      CREATE TABLE consentry_records (
        id uuid PRIMARY KEY,
        consent_id uuid NOT NULL,
        v smallint NOT NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        method text NOT NULL,
        mode text NOT NULL,
        jurisdiction text NOT NULL,
        revision bigint NOT NULL,
        categories jsonb NOT NULL,
        services jsonb NOT NULL,
        opt_out jsonb NOT NULL,
        gpc boolean NOT NULL,
        gpp text,
        gpp_sid jsonb,
        usp text,
        url text NOT NULL
      );
      -- A visitor's history in the order of the decision in force, and retention's "is there a newer one?".
      CREATE INDEX consentry_records_consent ON consentry_records (consent_id, updated_at, received_at, id);
      -- Export and stats read a range of decision times; export pages by (updated_at, id).
      CREATE INDEX consentry_records_updated ON consentry_records (updated_at, id);
      CREATE TABLE consentry_erasures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consent_id_sha256 text NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now(),
        records integer NOT NULL
      );
      CREATE INDEX consentry_erasures_consent ON consentry_erasures (consent_id_sha256);
      -- Category ids some record refused: so not necessary ones. Stats need it (a record does not say).
      CREATE TABLE consentry_refused_categories (
        category text PRIMARY KEY,
        first_refused_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    id: 2,
    name: 'arrival order',
    // received_at is now(): the transaction's start, which PGlite's clock gives to the millisecond,
    // so two records of one visitor could tie and "the later arrival" fell to the random id.
    // A sequence is the arrival order on both engines (allocation order, which is what the
    // service acknowledged in), and rows already stored take numbers in their physical order.
    sql: `
      ALTER TABLE consentry_records ADD COLUMN arrival bigint GENERATED ALWAYS AS IDENTITY;
      DROP INDEX consentry_records_consent;
      CREATE INDEX consentry_records_consent ON consentry_records (consent_id, updated_at, arrival);
    `,
  },
  {
    id: 3,
    name: 'webhooks and their outbox',
    // secrets: [{ secret, expiresAt }], newest first; expiresAt null = current, else the end of a rotation's overlap.
    // A delivery's body is the exact JSON that is signed and sent, the same on every retry. seq is the order of
    // the changes; locked_until is a claim's lease: another process (or this one after a restart) may send the
    // delivery again only once it has passed, so a kill -9 mid-send delays a delivery and never loses it.
    sql: `
      CREATE TABLE consentry_webhooks (
        id text PRIMARY KEY,
        url text NOT NULL,
        events jsonb NOT NULL,
        secrets jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE consentry_deliveries (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        subscription_id text NOT NULL REFERENCES consentry_webhooks (id) ON DELETE CASCADE,
        consent_id uuid NOT NULL,
        body text NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        first_attempt_at timestamptz,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      );
      -- The deliverer's two questions: what is due, and is an earlier change of this visitor still pending?
      CREATE INDEX consentry_deliveries_due ON consentry_deliveries (next_attempt_at, seq) WHERE state = 'pending';
      CREATE INDEX consentry_deliveries_chain ON consentry_deliveries (subscription_id, consent_id, seq) WHERE state = 'pending';
      CREATE INDEX consentry_deliveries_state ON consentry_deliveries (state, subscription_id, seq);
      CREATE INDEX consentry_deliveries_consent ON consentry_deliveries (consent_id);
    `,
  },
]

// Any constant shared by every process migrating this database: pg_advisory_xact_lock makes
// two services starting at once on one PostgreSQL take turns (PGlite has one connection anyway).
const LOCK = 'SELECT pg_advisory_xact_lock(7170417)'

/**
 * Runs the migrations this database has not run yet, in order; returns their ids. One
 * transaction holds the lock from the first read of what has run to the last record of it, so
 * a second service starting at once waits, then finds the work done and runs none (taken per
 * migration, the two could share the list between them). A migration that fails rolls back the
 * whole run: nothing of it is left behind or recorded, and the next start runs it all again.
 */
export const migrate = async (db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> =>
  db.transaction(async (tx) => {
    await tx.query(LOCK)
    await tx.exec(`CREATE TABLE IF NOT EXISTS consentry_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM consentry_migrations')).map((r) => r.id))
    const ran: number[] = []
    for (const m of migrations) {
      if (done.has(m.id)) continue
      await tx.exec(m.sql)
      await tx.query('INSERT INTO consentry_migrations (id, name) VALUES ($1, $2)', [m.id, m.name])
      ran.push(m.id)
    }
    return ran
  })
