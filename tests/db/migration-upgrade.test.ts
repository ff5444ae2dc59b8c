import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/index";
import { migrationsFolder, runMigrations } from "@/db/migrate";
import { createDatabase, databaseUrl, dropDatabase } from "../helpers/databases";
import { fingerprintWith } from "../helpers/fingerprint";
import { columnsOf, migrationsRecord, queryOf, tableFigures, type Columns } from "../helpers/table-figures";

/**
 * SECURITY.md test 27: a database at an earlier migration, holding the demo data, upgraded by the app's own
 * migrator (db/migrate.ts) keeps every row count and money sum, and a second run changes nothing. Each
 * earlier version is tried, the previous one being the case a release meets. PostgreSQL only: the old
 * database and the demo database must be open side by side.
 */
const server = process.env.DATABASE_URL;
const templates = inject("dbTemplates");

interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(await readFile(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as Journal;
const earlier = journal.entries.slice(0, -1).map((entry) => ({ count: entry.idx + 1, tag: entry.tag }));

/** Migrates `url` with only the first `count` migrations, from a copy of drizzle/ with the journal cut there. */
async function migrateFirst(url: string, count: number): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "cr-migrations-"));
  const { db, close } = connect({ url, max: 1 });
  try {
    await mkdir(path.join(folder, "meta"));
    const entries = journal.entries.slice(0, count);
    for (const { tag } of entries) await copyFile(path.join(migrationsFolder(), `${tag}.sql`), path.join(folder, `${tag}.sql`));
    await writeFile(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
    await migrate(db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
  } finally {
    await close();
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Copies the demo rows into the old schema, column by column where both have the column (the seed writes
 * today's columns). Triggers and foreign keys are off for the copy (closed years refuse inserts, and the
 * tables go in any order); identity sequences are moved past the copied ids as a restore would.
 */
async function copyDemoRows(source: postgres.Sql, target: postgres.Sql, oldColumns: Columns): Promise<void> {
  const sourceColumns = await columnsOf(queryOf(source));
  await target.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    for (const [table, cols] of Object.entries(oldColumns)) {
      const have = new Set(sourceColumns[table]?.map((c) => c.name));
      const common = cols.map((c) => c.name).filter((name) => have.has(name));
      if (!common.length) continue;
      const list = common.map((c) => `"${c}"`).join(", ");
      // json_agg as text keeps numeric values exact on the way through JavaScript.
      const [{ rows }] = await source.unsafe<[{ rows: string }]>(
        `select coalesce(json_agg(t), '[]')::text as rows from (select ${list} from "${table}") t`,
      );
      await tx.unsafe(
        `insert into "${table}" (${list}) overriding system value select ${list} from json_populate_recordset(null::"${table}", $1::text::json)`,
        [rows],
      );
    }
    const identities = await tx<{ table: string; column: string }[]>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')`;
    for (const { table, column } of identities) {
      await tx.unsafe(
        `select setval(pg_get_serial_sequence('"${table}"', '${column}'), max("${column}")) from "${table}" having count(*) > 0`,
      );
    }
  });
}

describe.skipIf(!server || !templates)("migrations from an earlier version (PostgreSQL)", () => {
  const names: string[] = [];
  let source: postgres.Sql;
  beforeAll(() => {
    source = postgres(databaseUrl(server!, templates!.demo), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await source?.end({ timeout: 5 });
    for (const name of names) await dropDatabase(server!, name);
  });

  it("has an earlier version to start from", () => {
    expect(earlier.length).toBeGreaterThan(0);
  });

  it.each(earlier.toReversed())("upgrades a demo database at $tag to the latest and keeps every row and sum", async ({ count, tag }) => {
    const name = `${new URL(server!).pathname.slice(1)}_mig_${count}_${process.pid}`;
    names.push(name);
    await createDatabase(server!, name);
    const url = databaseUrl(server!, name);
    await migrateFirst(url, count);
    const target = postgres(url, { max: 1, onnotice: () => {} });
    const q = queryOf(target);
    try {
      const oldColumns = await columnsOf(q);
      await copyDemoRows(source, target, oldColumns);
      const before = await tableFigures(q, oldColumns);
      expect(before.contributions?.rows, `demo contributions copied into ${tag}`).toBeGreaterThan(0);
      expect(Object.values(before.contributions!.sums).some((sum) => Number(sum) !== 0)).toBe(true);
      expect(await migrationsRecord(q)).toMatch(new RegExp(`^${count}:`));

      await runMigrations({ url });
      const after = await tableFigures(q, oldColumns);
      for (const table of Object.keys(before)) {
        expect({ rows: after[table]!.rows, sums: after[table]!.sums }, table).toEqual({
          rows: before[table]!.rows,
          sums: before[table]!.sums,
        });
      }
      expect(await migrationsRecord(q)).toMatch(new RegExp(`^${journal.entries.length}:`));

      // A second run (every server start runs the migrator) finds nothing to do.
      const query = (text: string) => target.unsafe<{ f: string }[]>(text);
      const state = { business: await fingerprintWith(query), all: await tableFigures(q), migrations: await migrationsRecord(q) };
      await runMigrations({ url });
      expect({ business: await fingerprintWith(query), all: await tableFigures(q), migrations: await migrationsRecord(q) }).toEqual(
        state,
      );
    } finally {
      await target.end({ timeout: 5 });
    }
  });
});
