import { readdirSync } from "node:fs";
import path from "node:path";
import { and, count, eq, ne } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addExchangeRate } from "@/app/(app)/admin/exchange-rates/actions";
import { saveContributionCells } from "@/app/(app)/contributions/actions";
import { addPayment } from "@/app/(app)/contributions/payments/actions";
import { auditLog, contributions } from "@/db/schema";
import { actionInputSchema } from "@/lib/action";
import { actAs } from "../helpers/acting-user";
import { fingerprint, resetTestDatabase, setupTestDatabase } from "../helpers/test-db";
import { FUZZ_CASES } from "./fuzz/cases";
import { fuzzAction, fuzzAuthAction, type FuzzStats } from "./fuzz/run";

// SECURITY.md test 14: every server action, fuzzed through its real code (guard, zod, scope, transaction,
// audit) against a copy of the demo database; only the request context is replaced, as in tests/db.
vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-fuzz-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
// argon2 at its cheapest: hundreds of accepted passwords are hashed, and the cost is not what is tested.
vi.mock("@node-rs/argon2", async (orig) => {
  const argon2 = await orig<typeof import("@node-rs/argon2")>();
  return { ...argon2, hash: (password: string) => argon2.hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 }) };
});
// The sign-in form's action calls Auth.js; here its credentials step is the real attemptSignIn.
const auth = vi.hoisted(() => ({ CredentialsSignin: class CredentialsSignin extends Error { code = "credentials"; } }));
vi.mock("next-auth", () => ({ CredentialsSignin: auth.CredentialsSignin }));
vi.mock("@/auth", async () => {
  const { attemptSignIn } = await import("@/lib/auth/sign-in");
  const { redirect } = await import("next/navigation");
  return {
    signIn: async (provider: string, options: { email: string; password: string }) => {
      if (provider !== "credentials") redirect("/api/auth/signin");
      const result = await attemptSignIn({ email: options.email, password: options.password, ip: "192.0.2.14" });
      if (!result.ok) throw Object.assign(new auth.CredentialsSignin(), { code: result.reason });
    },
    signOut: async () => redirect("/login"),
  };
});

const { db } = setupTestDatabase("demo");

/**
 * Payloads per action. SECURITY.md asks for at least 1,000: `FUZZ_RUNS=1000` (npm run test:resilience), about
 * 49,000 calls, takes several minutes on two cores. The everyday suite sends 200 per action.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
fc.configureGlobal({ numRuns: RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) });

const ACTION_FILES = readdirSync("app", { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "actions.ts")
  .map((file) => `app/${file.split(path.sep).join("/")}`)
  .sort();

async function exportsOf(file: string): Promise<Record<string, unknown>> {
  return (await import(`@/${file}`)) as Record<string, unknown>;
}

const stats: FuzzStats = { calls: 0, byKind: { valid: 0, mutated: 0, anything: 0 }, accepted: 0, schemaValid: 0, refusals: {}, fingerprints: 0, ms: { refused: 0, valid: 0 } };
const started = Date.now();
const pollutionBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  for (const who of ["admin", "zmEditor"] as const) await actAs(db, who);
});

afterAll(() => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`action fuzz: ${stats.calls} calls in ${seconds} s, ${JSON.stringify(stats)}`);
});

/** Money as it must never be stored: each refused with a message under its own field, nothing written. */
const BAD_MONEY = (decimals: 2 | 8): [string, unknown][] => [
  ["negative", "-1"],
  ["negative, minus sign", "−1,00"],
  ["negative, in brackets", "(5,00)"],
  [`${decimals + 1} decimals`, `1,${"0".repeat(decimals)}5`],
  [`a tenth of the smallest unit`, `0,${"0".repeat(decimals)}1`],
  ["NaN as text", "NaN"],
  ["Infinity as text", "Infinity"],
  ["-Infinity as text", "-Infinity"],
  ["1e309", "1e309"],
  ["exponent", "1e3"],
  ["hexadecimal", "0x10"],
  ["binary", "0b11"],
  ["17 integer digits", "12345678901234567"],
  ["two decimal marks", "1,2,3"],
  ["letters", "12abc"],
  ["Arabic-Indic digits", "١٢"],
  ["full-width digits", "１２"],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["1e309 as a number", 1e309],
  ["a number instead of text", 10],
  ["an array", ["1"]],
  ["an empty array", []],
  ["an object", { value: "1" }],
  ["null", null],
  ["true", true],
];
/** Empty is no amount: refused for a payment and a rate; in a grid cell it clears the cell (allowed). */
const EMPTY: [string, unknown][] = [
  ["empty", ""],
  ["blank", "   "],
];

describe("money fields refuse what is not money (SECURITY.md 14)", () => {
  let line: { id: number; version: number };
  beforeAll(async () => {
    const [row] = await db
      .select({ id: contributions.id, version: contributions.version })
      .from(contributions)
      .where(and(eq(contributions.year, 2026), ne(contributions.status, "cancelled")))
      .limit(1);
    line = row!;
  });

  const fields = {
    "a payment's amount": { field: "amount", send: (amount: unknown) => addPayment({ contributionId: line.id, paidOn: "2026-03-02", amount, currency: "", notes: "", locale: "lv" }) },
    "a grid cell (amount)": { field: "cells.0", send: (value: unknown) => saveContributionCells({ locale: "lv", cells: [{ ...line, field: "amount", value }] }) },
    "a grid cell (planned EUR)": { field: "cells.0", send: (value: unknown) => saveContributionCells({ locale: "lv", cells: [{ ...line, field: "plannedEur", value }] }) },
    "an exchange rate": { field: "rate", send: (rate: unknown) => addExchangeRate({ locale: "lv", year: 2026, currency: "USD", rate, source: "ECB" }) },
  };
  for (const [name, { field, send }] of Object.entries(fields)) {
    const bad = BAD_MONEY(name === "an exchange rate" ? 8 : 2);
    const cases = name.startsWith("a grid cell") ? bad : [...bad, ...EMPTY];
    it(`${name}: ${cases.length} bad values refused with a field error, nothing written; a good one saved`, async () => {
      await actAs(db, "admin");
      const before = await fingerprint(db);
      for (const [label, value] of cases) {
        const result = (await send(value)) as { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> };
        expect(result.ok, `${label} (${String(value)})`).toBe(false);
        expect(result.error, label).toBe("invalid");
        // A grid cell's message sits under the cell ("cells.0"), or under its value when it is not text.
        expect(Object.keys(result.fieldErrors ?? {}).some((key) => key === field || key.startsWith(`${field}.`)), `${label}: ${JSON.stringify(result)}`).toBe(true);
      }
      expect(await fingerprint(db)).toEqual(before);
      const good = (await send(name === "an exchange rate" ? "1,0824" : "1 234,56")) as { ok: boolean };
      expect(good.ok, "the control: real money is saved").toBe(true);
      line.version = (await db.select({ version: contributions.version }).from(contributions).where(eq(contributions.id, line.id)))[0]!.version;
    });
  }
});

describe("every server action, fuzzed (SECURITY.md 14)", () => {
  it("has a fuzz case for each export of app/**/actions.ts, and nothing else", async () => {
    const found: string[] = [];
    for (const file of ACTION_FILES) for (const name of Object.keys(await exportsOf(file))) found.push(`${file}#${name}`);
    expect(found.length).toBeGreaterThan(40);
    expect(found.sort()).toEqual(Object.keys(FUZZ_CASES).sort());
  });

  for (const [key, entry] of Object.entries(FUZZ_CASES)) {
    it(key, { timeout: 600_000 }, async () => {
      const [file, name] = key.split("#") as [string, string];
      const action = (await exportsOf(file))[name] as (...args: unknown[]) => Promise<unknown>;
      expect(typeof action).toBe("function");
      if (entry.auth) return fuzzAuthAction(action, entry, RUNS, stats);
      // Back to the demo data once the earlier actions have written a lot: every call is fingerprinted,
      // and a fingerprint costs in proportion to the rows (a reset costs ~0.2 s, or seconds on a busy machine).
      const [grown] = await db.select({ n: count() }).from(auditLog);
      if (grown!.n > 2_000) await resetTestDatabase();
      const schema = actionInputSchema(action);
      expect(schema, `${key} is not a defineAction action`).toBeDefined();
      await fuzzAction(action, schema!, entry, RUNS, stats);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(pollutionBefore);
    });
  }
});
