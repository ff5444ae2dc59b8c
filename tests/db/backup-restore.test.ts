import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connect, driverOf } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import { getDashboardFigures } from "@/db/queries/dashboard";
import { seed } from "@/db/seed";
import { baseName, createDatabase, databaseUrl, dropDatabase } from "../helpers/databases";
import { migrationsRecord, queryOf, tableFigures, type Query } from "../helpers/table-figures";

/**
 * SECURITY.md test 28: `npm run db:backup` and `npm run db:restore`, run as a person would, reproduce the
 * database: every table's count, row checksum and money sums, the migrations record, and the app's own
 * figures on the copy. Also the embedded database's way out: PGlite → plain SQL → PostgreSQL.
 */
const server = process.env.DATABASE_URL;
const templates = inject("dbTemplates");
const root = process.cwd();
// The server trusts local connections, so any password works; the scripts must never print it.
const secret = `pw-${randomBytes(9).toString("hex")}`;

function withPassword(name: string): string {
  const url = new URL(databaseUrl(server!, name));
  url.password = secret;
  return url.toString();
}

async function cli(command: string[], env: Record<string, string>, cwd = root): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const npm = (script: string, args: string[], env: Record<string, string>) => cli(["npm", "run", "--silent", script, "--", ...args], env);

interface Snapshot {
  figures: Awaited<ReturnType<typeof tableFigures>>;
  migrations: string;
  dashboard: Awaited<ReturnType<typeof getDashboardFigures>>;
}

async function snapshotOf(url: string): Promise<Snapshot> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const connection = connect({ url, max: 1 });
  try {
    const query = queryOf(sql);
    return { figures: await tableFigures(query), migrations: await migrationsRecord(query), dashboard: await getDashboardFigures({ year: 2025, db: connection.db }) };
  } finally {
    await sql.end({ timeout: 5 });
    await connection.close();
  }
}

async function relationsIn(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname in ('public', 'drizzle')`;
    return row!.n;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The app on the restored copy: its migrator finds nothing to do, and its figures are the original's. */
async function expectAppRunsOn(url: string, original: Snapshot): Promise<void> {
  await runMigrations({ url });
  expect(await snapshotOf(url)).toEqual(original);
}

describe.skipIf(!server || !templates)("backup and restore (PostgreSQL)", () => {
  const prefix = `${baseName(server ?? "postgres://x/x")}_bk_${process.pid}`;
  const names = { source: `${prefix}_src`, copy: `${prefix}_copy`, broken: `${prefix}_broken`, embedded: `${prefix}_emb` };
  const dir = mkdtempSync(path.join(os.tmpdir(), "cr-backup-"));
  let original: Snapshot;

  beforeAll(async () => {
    await createDatabase(server!, names.source, templates!.demo);
    for (const name of [names.copy, names.broken, names.embedded]) await createDatabase(server!, name);
    original = await snapshotOf(databaseUrl(server!, names.source));
    expect(original.figures.contributions!.rows).toBeGreaterThan(0);
    expect(original.figures.payments!.rows).toBeGreaterThan(0);
  });
  afterAll(async () => {
    for (const name of Object.values(names)) await dropDatabase(server!, name);
    rmSync(dir, { recursive: true, force: true });
  });

  it("dumps to a dated file in backups/ by default and prints its path, never the password", { timeout: 60_000 }, async () => {
    const here = mkdtempSync(path.join(dir, "cwd-"));
    const { code, output } = await cli([path.join(root, "node_modules", ".bin", "tsx"), path.join(root, "scripts", "db-backup.ts")], {
      DATABASE_URL: withPassword(names.source),
    }, here);
    expect(code, output).toBe(0);
    const file = output.trim().split("\n").at(-1)!;
    expect(file).toMatch(/\/backups\/contributions-\d{8}-\d{6}\.dump$/);
    expect(file.startsWith(here)).toBe(true);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");
    expect(output).not.toContain(secret);
  });

  it("restores a pg_dump -Fc backup into a fresh database: identical counts, checksums and sums; the app runs on it", { timeout: 120_000 }, async () => {
    const file = path.join(dir, "demo.dump");
    const backup = await npm("db:backup", ["--out", file], { DATABASE_URL: withPassword(names.source) });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output.trim().split("\n").at(-1)).toBe(file);
    console.info(`pg_dump -Fc of the demo database: ${(statSync(file).size / 1024).toFixed(0)} KiB`);

    const restore = await npm("db:restore", [file], { DATABASE_URL: withPassword(names.copy) });
    expect(restore.code, restore.output).toBe(0);
    expect(backup.output + restore.output).not.toContain(secret);
    const copy = databaseUrl(server!, names.copy);
    expect(await snapshotOf(copy)).toEqual(original);
    await expectAppRunsOn(copy, original);

    // A second restore into the now non-empty database is refused, and changes nothing…
    const refused = await npm("db:restore", [file], { DATABASE_URL: withPassword(names.copy) });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/is not empty/);
    expect(await snapshotOf(copy)).toEqual(original);
    // …unless asked to replace it.
    const clean = await npm("db:restore", [file, "--clean"], { DATABASE_URL: withPassword(names.copy) });
    expect(clean.code, clean.output).toBe(0);
    expect(await snapshotOf(copy)).toEqual(original);
  });

  it("fails with a non-zero exit and restores nothing from a damaged file", { timeout: 60_000 }, async () => {
    const whole = readFileSync(path.join(dir, "demo.dump"));
    const file = path.join(dir, "damaged.dump");
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const restore = await npm("db:restore", [file], { DATABASE_URL: withPassword(names.broken) });
    expect(restore.code).not.toBe(0);
    expect(restore.output).toMatch(/restore failed/);
    expect(await relationsIn(databaseUrl(server!, names.broken))).toBe(0);
  });

  it("moves the embedded database to PostgreSQL: PGlite → plain SQL → the same checksums", { timeout: 180_000 }, async () => {
    const pgliteDir = path.join(dir, "pglite");
    const embedded = connect({ dir: pgliteDir });
    let before: Snapshot;
    try {
      await runMigrations({ db: embedded.db });
      await seed(embedded.db, { demo: true });
      const driver = driverOf(embedded.db);
      if (driver.kind !== "pglite") throw new Error("expected PGlite");
      const query: Query = async <T extends object>(text: string) => (await driver.client.query<T>(text)).rows;
      before = {
        figures: await tableFigures(query),
        migrations: await migrationsRecord(query),
        dashboard: await getDashboardFigures({ year: 2025, db: embedded.db }),
      };
    } finally {
      await embedded.close();
    }
    expect(before.figures.contributions!.rows).toBeGreaterThan(0);

    const file = path.join(dir, "embedded.sql");
    const backup = await npm("db:backup", ["--out", file], { DATABASE_URL: "", PGLITE_DIR: pgliteDir });
    expect(backup.code, backup.output).toBe(0);
    expect(existsSync(file)).toBe(true);
    console.info(`PGlite plain SQL dump of the demo database: ${(statSync(file).size / 1024).toFixed(0)} KiB`);

    const restore = await npm("db:restore", [file], { DATABASE_URL: withPassword(names.embedded) });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).not.toContain(secret);
    const target = databaseUrl(server!, names.embedded);
    expect(await snapshotOf(target)).toEqual(before);
    await expectAppRunsOn(target, before);
  });
});
