import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { closeDb, db as defaultDb, type Db } from "./index";
import { runMigrations } from "./migrate";
import { auditLog } from "./schema";
import { seedDemo } from "./seed/demo";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "./seed/demo-users";
import { seedReference } from "./seed/reference";
import { seedReferenceRates, seedSourcedContributions } from "./seed/sourced";
import { emptySummary, SEED_TABLES, totalInserted, type SeedSummary } from "./seed/summary";

export type { SeedSummary } from "./seed/summary";

// Arbitrary constant: two seeds started at once (two containers) wait for each other instead of both
// finding a row missing and inserting it twice, since only some natural keys have a unique index.
const SEED_LOCK = 7_314_002;

/**
 * Seeds the reference data (ministries, currencies, organizations, missions, exchange rates, the 30 sourced
 * contributions) and, with `demo`, clearly marked demo data for 2019–2026. One transaction; idempotent:
 * rows are looked up by their natural keys and only missing ones are inserted, so a second run inserts
 * nothing and writes no audit entry. Returns the number of rows inserted per table.
 */
export async function seed(db: Db, options: { demo: boolean }): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const summary = emptySummary();
    const ctx = await seedReference(tx, summary);
    const rates = await seedReferenceRates(ctx);
    await seedSourcedContributions(ctx, rates);
    if (options.demo) {
      await seedDemo(ctx, rates);
      await seedDemoUsers(ctx);
    }

    if (totalInserted(summary) > 0) {
      const inserted = Object.fromEntries(SEED_TABLES.filter((t) => t !== "auditLog").map((t) => [t, summary[t]]));
      await tx.insert(auditLog).values({
        userId: null,
        action: "seed",
        entity: "database",
        after: { demo: options.demo, inserted },
      });
      summary.auditLog += 1;
    }
    return summary;
  });
}

export function formatSummary(summary: SeedSummary): string[] {
  const width = Math.max(...SEED_TABLES.map((t) => t.length));
  return SEED_TABLES.map((t) => `${t.padEnd(width)}  ${String(summary[t]).padStart(4)} inserted`);
}

async function main(): Promise<void> {
  const demo = process.argv.slice(2).includes("--demo");
  await runMigrations({ url: process.env.DATABASE_URL || undefined });
  const summary = await seed(defaultDb, { demo });
  const target = process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
  console.log(`seed${demo ? " with demo data" : ""} applied (${target}):`);
  for (const line of formatSummary(summary)) console.log(`  ${line}`);
  if (totalInserted(summary) === 0) console.log("  nothing to do: the database already holds the seed data");
  if (demo) {
    // A password given through DEMO_PASSWORD is the caller's to know: it is not echoed into logs.
    const password = process.env.DEMO_PASSWORD ? "(the value of DEMO_PASSWORD)" : DEFAULT_DEMO_PASSWORD;
    console.log(`demo accounts, password ${password}:`);
    for (const user of DEMO_USERS) {
      console.log(`  ${user.email.padEnd(32)} ${user.role}${user.ministry ? ` (${user.ministry.toUpperCase()} only)` : ""}`);
    }
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  main()
    .catch((error: unknown) => {
      console.error("seed failed:", error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
