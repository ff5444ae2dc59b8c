// `npm run db:backup [-- --out FILE]`
// Backs up the configured database to a dated file in backups/ (git-ignored) and prints its path:
// - DATABASE_URL set: `pg_dump -Fc` (custom format: compressed, restored selectively with pg_restore);
// - else the embedded PGlite (PGLITE_DIR or ./.data/pglite): a plain SQL dump made by PGlite's own pg_dump
//   (@electric-sql/pglite-tools), which `npm run db:restore` loads into PostgreSQL. Stop the app first:
//   only one process may open an embedded database folder.
// Either file is restored with `npm run db:restore -- FILE`.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import { describeDatabase, fail, libpqConnection, run } from "./db-tools";

function stamp(now = new Date()): string {
  const iso = now.toISOString(); // 2026-11-27T08:15:42.123Z: UTC, so files sort in time order anywhere
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}

async function dumpPostgres(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = libpqConnection(databaseUrl);
  console.log(`› pg_dump of ${describeDatabase(databaseUrl)}`);
  const code = await run("pg_dump", ["--format=custom", "--file", file, "--dbname", url], env);
  if (code !== 0) throw new Error(`pg_dump failed (exit code ${code})`);
}

async function dumpEmbedded(file: string): Promise<void> {
  const dir = path.resolve(process.env.PGLITE_DIR ?? path.join(".data", "pglite"));
  if (dir.includes("memory://")) fail("PGLITE_DIR is an in-memory database: there is nothing on disk to back up");
  if (!existsSync(path.join(dir, "PG_VERSION"))) fail(`no embedded database in ${dir} (set DATABASE_URL or PGLITE_DIR)`);
  console.log(`› pg_dump of the embedded database in ${dir} (plain SQL, for PostgreSQL)`);
  const pg = new PGlite(dir);
  try {
    // No owners or grants: PGlite's only role is "postgres", which the target server need not have.
    const dump = await pgDump({ pg, args: ["--no-owner", "--no-privileges"] });
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pg.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const file = path.resolve(values.out ?? path.join("backups", `contributions-${stamp()}.${databaseUrl ? "dump" : "sql"}`));
  mkdirSync(path.dirname(file), { recursive: true });
  // Written under a temporary name: a dump that fails half-way never looks like a backup.
  const partial = `${file}.partial`;
  const started = performance.now();
  try {
    if (databaseUrl) await dumpPostgres(databaseUrl, partial);
    else await dumpEmbedded(partial);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const kib = (statSync(file).size / 1024).toFixed(0);
  console.log(`backup written (${kib} KiB, ${seconds} s):`);
  console.log(file);
}

main().catch((error: unknown) => {
  console.error("backup failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
