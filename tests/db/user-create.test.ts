import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Db } from "@/db/index";
import { runMigrations } from "@/db/migrate";
import { auditLog, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { verifyPassword } from "@/lib/auth/password";
import { setupTestDatabase } from "../helpers/test-db";

// The CLI runs in its own process: on PostgreSQL it gets this file's database; on PGlite (one process
// per data folder) a folder of its own, opened here after the CLI has exited.
const { kind } = setupTestDatabase("reference");
const pgliteDir = mkdtempSync(path.join(tmpdir(), "cr-user-create-"));
beforeAll(async () => {
  if (kind === "postgres") return;
  // The CLI's own embedded database needs the reference data (ministries) like the server's would.
  await withDb(async (db) => {
    await runMigrations({ db });
    await seed(db, { demo: false });
  });
});
afterAll(() => rmSync(pgliteDir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const target = kind === "postgres" ? { DATABASE_URL: process.env.DATABASE_URL ?? "" } : { DATABASE_URL: "", PGLITE_DIR: pgliteDir };
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/user-create.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...target, ...env },
    input: "",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const connection = kind === "postgres" ? connect({ url: process.env.DATABASE_URL, max: 1 }) : connect({ dir: pgliteDir });
  try {
    return await run(connection.db);
  } finally {
    await connection.close();
  }
}

describe("npm run user:create", () => {
  const password = "Pirmā administratora parole 2026";

  it("creates the first admin with a one-time password and an audit row", async () => {
    const result = cli(["--email", "First.Admin@mfa.gov.lv", "--name", "Pirmais Administrators", "--role", "admin"], {
      USER_PASSWORD: password,
    });
    expect(result.output).toContain("created admin first.admin@mfa.gov.lv");
    expect(result.status).toBe(0);
    await withDb(async (db) => {
      const [row] = await db.select().from(users).where(eq(users.email, "first.admin@mfa.gov.lv"));
      expect(row).toMatchObject({ role: "admin", ministryId: null, mustChangePassword: true });
      expect(await verifyPassword(row?.passwordHash, password)).toBe(true);
      const audit = await db.select().from(auditLog).where(eq(auditLog.entity, "users"));
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]?.after)).not.toContain("argon2");
    });
  });

  it("scopes an editor to a ministry by its code", async () => {
    const result = cli(["--email", "zm@zm.gov.lv", "--name", "ZM", "--role", "editor", "--ministry", "zm"], { USER_PASSWORD: password });
    expect(result.status).toBe(0);
    await withDb(async (db) => {
      const [row] = await db.select({ ministryId: users.ministryId }).from(users).where(eq(users.email, "zm@zm.gov.lv"));
      expect(row?.ministryId).not.toBeNull();
    });
  });

  it("refuses a password on the command line, a short password, a missing password and a duplicate", () => {
    const base = ["--email", "x@mfa.gov.lv", "--name", "X", "--role", "viewer"];
    expect(cli([...base, "--password", password]).status).not.toBe(0);
    const short = cli(base, { USER_PASSWORD: "short" });
    expect(short.status).not.toBe(0);
    expect(short.output).not.toContain("short\n");
    const missing = cli(base, { USER_PASSWORD: "" });
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain("USER_PASSWORD");
    const duplicate = cli(["--email", "first.admin@mfa.gov.lv", "--name", "Again", "--role", "admin"], { USER_PASSWORD: password });
    expect(duplicate.status).not.toBe(0);
    expect(duplicate.output).toContain("already exists");
  });

  it("never scopes an admin and never accepts an unknown ministry", () => {
    expect(cli(["--email", "a@b.lv", "--name", "A", "--role", "admin", "--ministry", "zm"], { USER_PASSWORD: password }).status).not.toBe(0);
    const unknown = cli(["--email", "b@b.lv", "--name", "B", "--role", "editor", "--ministry", "nope"], { USER_PASSWORD: password });
    expect(unknown.status).not.toBe(0);
    expect(unknown.output).toContain('no ministry with code "nope"');
  });
});
