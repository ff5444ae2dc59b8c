import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// lib/auth/secret.ts caches the generated secret in a module variable: each test imports a fresh copy.
async function freshAuthSecret() {
  vi.resetModules();
  return (await import("@/lib/auth/secret")).authSecret;
}

const GOOD = "x".repeat(32);

describe("authSecret from the environment", () => {
  it("returns AUTH_SECRET, trimmed, when it is long enough", async () => {
    const authSecret = await freshAuthSecret();
    expect(authSecret({ AUTH_SECRET: GOOD })).toBe(GOOD);
    expect(authSecret({ AUTH_SECRET: `  ${GOOD}\n` })).toBe(GOOD);
    // Production on PostgreSQL is exactly where a given secret must be used.
    expect(authSecret({ AUTH_SECRET: GOOD, NODE_ENV: "production", DATABASE_URL: "postgres://db/x" })).toBe(GOOD);
  });

  it("rejects a secret shorter than 32 characters, counted after trimming", async () => {
    const authSecret = await freshAuthSecret();
    expect(() => authSecret({ AUTH_SECRET: "x".repeat(31) })).toThrow(/at least 32 characters/);
    expect(() => authSecret({ AUTH_SECRET: `${"x".repeat(31)}   ` })).toThrow(/at least 32 characters/);
  });

  it("refuses to invent one in production on PostgreSQL, where instances must share it", async () => {
    const authSecret = await freshAuthSecret();
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/x" };
    expect(() => authSecret(production)).toThrow(/AUTH_SECRET is not set/);
    // Blank is as good as unset: it must not slip through to the generated-file branch.
    expect(() => authSecret({ ...production, AUTH_SECRET: "   " })).toThrow(/AUTH_SECRET is not set/);
  });

  it("never puts the connection string into its error", async () => {
    const authSecret = await freshAuthSecret();
    let message = "";
    try {
      authSecret({ NODE_ENV: "production", DATABASE_URL: "postgres://u:hunter2@db/x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUTH_SECRET is not set/);
    expect(message).not.toMatch(/hunter2|postgres:/);
  });
});

describe("authSecret generated into .data/", () => {
  const originalCwd = process.cwd();
  let dir: string;
  const file = () => path.join(dir, ".data", "auth-secret");

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cr-auth-secret-"));
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(originalCwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates a random 33-byte secret readable only by its owner, and keeps using it", async () => {
    const authSecret = await freshAuthSecret();
    const secret = authSecret({});
    expect(secret).toMatch(/^[A-Za-z0-9+/]{44}$/);
    expect(readFileSync(file(), "utf8")).toBe(secret);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(authSecret({})).toBe(secret);
    // A restart (fresh module) reads the same file: sessions survive restarts of the embedded demo.
    expect((await freshAuthSecret())({})).toBe(secret);
  });

  it("gives different installations different secrets", async () => {
    const first = (await freshAuthSecret())({});
    process.chdir(originalCwd);
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(tmpdir(), "cr-auth-secret-"));
    process.chdir(dir);
    expect((await freshAuthSecret())({})).not.toBe(first);
  });

  it("uses an existing file as it is (trimmed) rather than overwriting it", async () => {
    mkdirSync(path.dirname(file()), { recursive: true });
    const existing = "an-existing-secret-shared-by-another-process-0123456789";
    writeFileSync(file(), `${existing}\n`);
    expect((await freshAuthSecret())({})).toBe(existing);
    expect(readFileSync(file(), "utf8")).toBe(`${existing}\n`);
  });

  it("is the branch for the embedded demo in production and for development on PostgreSQL", async () => {
    const demo = (await freshAuthSecret())({ NODE_ENV: "production" });
    expect(demo).toHaveLength(44);
    expect((await freshAuthSecret())({ NODE_ENV: "development", DATABASE_URL: "postgres://db/x" })).toBe(demo);
  });

  it("prefers a given AUTH_SECRET and then writes no file", async () => {
    expect((await freshAuthSecret())({ AUTH_SECRET: GOOD })).toBe(GOOD);
    expect(() => statSync(file())).toThrow();
  });
});
