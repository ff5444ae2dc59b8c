import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, db, rowsOf, type Db } from "../../db/index";
import { runMigrations } from "../../db/migrate";
import { seed } from "../../db/seed";
import { baseName, createDatabase, databaseUrl, dropDatabase } from "./databases";
import { fingerprintWith } from "./fingerprint";
import type { TemplateKind } from "./global-setup";

// Remember the server once per worker: setupTestDatabase repoints DATABASE_URL at each file's own copy.
process.env.CR_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? "";
const serverUrl = process.env.CR_TEST_SERVER_URL || undefined;

/**
 * Gives the test file a database of its own, so files run in parallel without seeing each other's rows:
 * a copy of a template on the real PostgreSQL server when DATABASE_URL is set, else a fresh in-memory
 * PGlite. The app's `db` (and so every query in db/queries) points at it for the whole file.
 */
let current: { name: string; template: string } | undefined;

export function setupTestDatabase(kind: TemplateKind = "reference"): { db: Db; kind: "postgres" | "pglite" } {
  let name: string | undefined;
  beforeAll(async () => {
    await closeDb();
    const templates = inject("dbTemplates");
    if (serverUrl && templates) {
      name = `${baseName(serverUrl)}_t_${randomBytes(5).toString("hex")}`;
      await createDatabase(serverUrl, name, templates[kind]);
      process.env.DATABASE_URL = databaseUrl(serverUrl, name);
      current = { name, template: templates[kind] };
      return;
    }
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
    await runMigrations({ db });
    if (kind !== "empty") await seed(db, { demo: kind === "demo" });
  });
  afterAll(async () => {
    await closeDb();
    if (serverUrl && name) await dropDatabase(serverUrl, name);
  });
  return { db, kind: serverUrl ? "postgres" : "pglite" };
}

/**
 * Puts the file's database back as the template made it (PostgreSQL only, ~0.2 s; returns false on PGlite,
 * where a reseed takes seconds): for tests that write so much that later ones would slow down or trip over it.
 */
export async function resetTestDatabase(): Promise<boolean> {
  if (!serverUrl || !current) return false;
  await closeDb();
  await createDatabase(serverUrl, current.name, current.template);
  return true;
}

/** Row count and md5 of every row of each business table: equal fingerprints mean "nothing changed". */
export async function fingerprint(database: Db = db): Promise<Record<string, string>> {
  const { sql } = await import("drizzle-orm");
  return fingerprintWith(async (query) => rowsOf<{ f: string }>(await database.execute(sql.raw(query))));
}
