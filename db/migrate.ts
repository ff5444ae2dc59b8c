import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as drizzleMigrate } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { closeDb, connect, db as defaultDb, type Db } from "./index";

// Arbitrary constant shared by every instance: only one of several servers starting at once migrates.
const MIGRATION_LOCK = 7_314_001;

export function migrationsFolder(): string {
  return path.join(process.cwd(), "drizzle");
}

/**
 * Applies the committed drizzle/ migrations that the database has not seen yet, with either driver
 * (drizzle's migrators differ only in their types). On PostgreSQL a session advisory lock on one dedicated
 * connection makes concurrent starts of several app instances safe. Applied migrations are skipped, so
 * re-running is a no-op.
 */
export async function runMigrations(target: { url?: string; db?: Db } = { url: process.env.DATABASE_URL }): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (!target.url) {
    await drizzleMigrate((target.db ?? defaultDb) as unknown as PostgresJsDatabase, config);
    return;
  }
  const { db, close } = connect({ url: target.url, max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await drizzleMigrate(db as unknown as PostgresJsDatabase, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  runMigrations()
    .then(() => console.log(`migrations applied (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"})`))
    .catch((error: unknown) => {
      console.error("migration failed:", error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
