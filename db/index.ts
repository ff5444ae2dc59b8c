import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the app codes against, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DriverKind = "postgres" | "pglite";

interface Connection {
  db: Db;
  kind: DriverKind;
  close: () => Promise<void>;
}

function pgliteDir(): string {
  const configured = process.env.PGLITE_DIR;
  if (configured?.startsWith("memory://")) return configured;
  // A run-time data folder, not a source: keep Next's output tracing from following it.
  return path.resolve(/*turbopackIgnore: true*/ configured ?? path.join(process.cwd(), ".data", "pglite"));
}

/**
 * Opens a connection: postgres.js to `url` when given, else an embedded PGlite in `dir`
 * ("memory://" for tests). Bounded timeouts so a database outage fails requests instead of hanging them.
 */
export function connect(options: { url?: string; dir?: string; max?: number; onBroken?: () => void } = {}): Connection {
  if (options.url) {
    const pool = postgres(options.url, {
      max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
      connect_timeout: 5,
      idle_timeout: 60,
      // postgres.js waits 3^failures/100 s (up to 20 s) before reconnecting, and a query that waits for that
      // has no timeout of its own: after PostgreSQL was down a few seconds, requests waited ~20 s for a
      // server that was long back (npm run test:resilience). At most a second between attempts here.
      backoff: (failures: number) => Math.min(0.05 * 2 ** failures, 1),
      onnotice: () => {},
      connection: {
        application_name: "contributions-register",
        statement_timeout: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 15_000),
        lock_timeout: Number(process.env.DB_LOCK_TIMEOUT_MS ?? 5_000),
        idle_in_transaction_session_timeout: 60_000,
      },
    });
    const client = options.onBroken ? watchConnections(pool, options.onBroken) : pool;
    return {
      db: drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db,
      kind: "postgres",
      close: () => pool.end({ timeout: 5 }),
    };
  }
  const dir = options.dir ?? pgliteDir();
  if (!dir.startsWith("memory://")) {
    // PGlite does not create parent folders, and drizzle then reports a confusing CREATE SCHEMA failure.
    mkdirSync(path.dirname(dir), { recursive: true });
  }
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

/**
 * Codes with which postgres.js rejects a query when the connection under it broke (the socket closed, the
 * server shut the session down, or a reconnect never got an answer); not ECONNREFUSED: a refused connection
 * never opened, and there is nothing to replace while the server is away.
 */
const BROKEN_CONNECTION = new Set(["CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNRESET", "EPIPE", "57P01", "57P02"]);

/**
 * postgres.js 3.4.9 can leave a pooled connection unusable for good: when its socket closes while a query's
 * bytes wait to be written, the teardown cancels the pending write without resetting it, so that every later
 * reconnect of that connection never sends its startup message and ends in CONNECT_TIMEOUT (5 s a request,
 * for as long as the process lives). Seen here when PostgreSQL restarts under load (npm run test:resilience);
 * upstream: https://github.com/porsager/postgres/pull/1215 and https://github.com/LanternOps/breeze/issues/3225,
 * unreleased. The pool cannot drop one connection, so the first query that fails with a broken connection
 * calls `onBroken`, which retires the whole pool (ended within 5 s) for a fresh one. Watched: drizzle's
 * queries (`unsafe`) and transactions (`begin`); the rejection reaches the caller unchanged.
 */
function watchConnections(pool: postgres.Sql, onBroken: () => void): postgres.Sql {
  const check = (error: unknown) => {
    if (BROKEN_CONNECTION.has((error as { code?: string })?.code ?? "")) onBroken();
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (...args: Parameters<postgres.Sql["unsafe"]>) => {
          // A query is a lazy promise: a handler attached here would run it; its reject callback is watched instead.
          const query = target.unsafe(...args) as unknown as { reject: (error: unknown) => void };
          const reject = query.reject;
          query.reject = (error) => (check(error), reject(error));
          return query;
        };
      }
      if (property === "begin") {
        return (...args: Parameters<postgres.Sql["begin"]>) => {
          const transaction = target.begin(...args);
          transaction.catch(check);
          return transaction;
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

// Next evaluates this module in several bundles and dev reloads it: keep one connection per process,
// since two PGlite instances on one data folder would corrupt it.
const globalForDb = globalThis as unknown as { __contributionsDb?: Connection };

function defaultConnection(): Connection {
  if (!globalForDb.__contributionsDb) {
    const connection = connect({
      url: process.env.DATABASE_URL || undefined,
      // A pool with a broken connection is replaced by a fresh one at the next query (watchConnections).
      onBroken: () => {
        if (globalForDb.__contributionsDb !== connection) return;
        globalForDb.__contributionsDb = undefined;
        connection.close().catch(() => {});
      },
    });
    globalForDb.__contributionsDb = connection;
  }
  return globalForDb.__contributionsDb;
}

/** The process-wide database. Created on first use, so importing this module opens nothing. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const real = defaultConnection().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export async function closeDb(): Promise<void> {
  const current = globalForDb.__contributionsDb;
  globalForDb.__contributionsDb = undefined;
  await current?.close();
}

/**
 * The driver's own client under a drizzle database or transaction: postgres.js (cursors, array rows) or
 * PGlite. Read from drizzle's session, which the exported `db` proxy hands out unbound.
 */
export function driverOf(database: Db | Tx): { kind: "postgres"; sql: postgres.Sql } | { kind: "pglite"; client: PGlite } {
  const client = (database as unknown as { _: { session: { client: unknown } } })._.session.client;
  return client instanceof PGlite ? { kind: "pglite", client } : { kind: "postgres", sql: client as postgres.Sql };
}

/**
 * Runs a built query (drizzle's `.toSQL()`) and returns its rows as arrays in select order, without
 * drizzle's per-field mapping: for the few reads that hand thousands of rows straight to the client (the
 * year grid), where that mapping cost more than the query (npm run bench:grid). Select only values whose
 * driver form is already what the caller wants (casts to text in SQL), as both drivers differ otherwise.
 */
export async function queryValues(database: Db | Tx, query: { sql: string; params: unknown[] }): Promise<unknown[][]> {
  const driver = driverOf(database);
  if (driver.kind === "pglite") return (await driver.client.query<unknown[]>(query.sql, query.params, { rowMode: "array" })).rows;
  return driver.sql.unsafe(query.sql, query.params as postgres.ParameterOrJSON<never>[]).values();
}

/** Rows of a `db.execute()` result: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export { schema };
