// `npm run db:restore -- FILE [--clean]`
// Restores a backup made by `npm run db:backup` into the PostgreSQL database named by DATABASE_URL:
// a pg_dump custom-format file with pg_restore, a plain SQL dump (the embedded database's) with psql.
// Refuses a database that already holds tables unless --clean (which replaces them). One transaction:
// on any error nothing is restored and the exit code is non-zero. Owners and grants are not restored
// (--no-owner): the restoring user owns everything, as the app's migrations would have made it.
import { createReadStream, existsSync, openSync, readSync, closeSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { describeDatabase, fail, libpqConnection, run } from "./db-tools";

function isCustomFormat(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const magic = Buffer.alloc(5);
    readSync(fd, magic, 0, 5, 0);
    return magic.toString("latin1") === "PGDMP";
  } finally {
    closeSync(fd);
  }
}

/** Tables, views and sequences outside PostgreSQL's own schemas, and the server's major version. */
async function inspect(databaseUrl: string): Promise<{ relations: number; serverVersion: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql<{ relations: number; version: number }[]>`
      select (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where c.relkind in ('r', 'p', 'v', 'm', 'S')
                and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%') as relations,
             current_setting('server_version_num')::int as version`;
    return { relations: row!.relations, serverVersion: row!.version };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The plain dump as psql should read it. PGlite's pg_dump is version 18: on an older server, settings it
 * does not know are dropped (`transaction_timeout` arrived in 17) instead of failing the restore. With
 * --clean the schemas are dropped first, in the same transaction as the restore.
 */
async function* plainScript(file: string, serverVersion: number, clean: boolean): AsyncGenerator<string> {
  if (clean) {
    yield "DROP SCHEMA IF EXISTS drizzle CASCADE;\nDROP SCHEMA IF EXISTS public CASCADE;\n";
    yield "CREATE SCHEMA public;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n";
  }
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (serverVersion < 170000 && /^SET transaction_timeout\b/.test(line)) continue;
    yield `${line}\n`;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { clean: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length) fail("usage: npm run db:restore -- FILE [--clean]");
  if (!existsSync(file!)) fail(`no such file: ${file}`);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) fail("set DATABASE_URL to the PostgreSQL database to restore into (create it first: createdb NAME)");
  const target = describeDatabase(databaseUrl!);

  const { relations, serverVersion } = await inspect(databaseUrl!);
  if (relations > 0 && !values.clean) {
    fail(`${target} is not empty (${relations} tables, views or sequences): restore into a new database, or pass --clean to replace its contents`);
  }

  const { url, env } = libpqConnection(databaseUrl!);
  const started = performance.now();
  let code: number;
  if (isCustomFormat(file!)) {
    console.log(`› pg_restore of ${file} into ${target}`);
    const clean = values.clean ? ["--clean", "--if-exists"] : [];
    code = await run("pg_restore", ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", ...clean, "--dbname", url, file!], env);
  } else {
    console.log(`› psql of ${file} (plain SQL) into ${target}`);
    const script = Readable.from(plainScript(file!, serverVersion, values.clean!));
    // Errors go to stderr; the results of the dump's own SELECTs (setval, set_config) are noise.
    code = await run("psql", ["--no-psqlrc", "--quiet", "--output", "/dev/null", "--single-transaction", "--set", "ON_ERROR_STOP=1", "--dbname", url, "--file", "-"], env, script);
  }
  if (code !== 0) fail(`restore failed (exit code ${code}): nothing was restored, ${target} is as it was`);
  console.log(`restored into ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error("restore failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
