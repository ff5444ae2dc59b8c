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
export function connect(options: { url?: string; dir?: string; max?: number } = {}): Connection {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
      connect_timeout: 5,
      idle_timeout: 60,
      onnotice: () => {},
      connection: {
        application_name: "contributions-register",
        statement_timeout: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 15_000),
        lock_timeout: Number(process.env.DB_LOCK_TIMEOUT_MS ?? 5_000),
        idle_in_transaction_session_timeout: 60_000,
      },
    });
    return {
      db: drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
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

// Next evaluates this module in several bundles and dev reloads it: keep one connection per process,
// since two PGlite instances on one data folder would corrupt it.
const globalForDb = globalThis as unknown as { __contributionsDb?: Connection };

function defaultConnection(): Connection {
  globalForDb.__contributionsDb ??= connect({ url: process.env.DATABASE_URL || undefined });
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
