/** A real PostgreSQL server started for the tests (or the benchmark) on 127.0.0.1; see postgres.mjs. */
export interface TestPostgres {
  /** A new, empty database on the server: its URL. */
  createDatabase(): Promise<string>
  stop(): Promise<void>
}

/**
 * Starts PostgreSQL from the system's packages in a throwaway directory.
 * `durable: true` keeps PostgreSQL's default durability (the benchmark); by default it is off (a test database).
 */
export declare const startPostgres: (options?: { durable?: boolean }) => Promise<TestPostgres>
