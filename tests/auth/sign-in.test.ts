import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInAttempts, users, userSessions } from "@/db/schema";
import { demoPassword } from "@/db/seed/demo-users";
import { hashPassword } from "@/lib/auth/password";
import { authSettings, type AuthSettings } from "@/lib/auth/settings";
import { attemptSignIn, isThrottled } from "@/lib/auth/sign-in";
import { setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");

const ADMIN = "admin@iemaksas.example";
const VIEWER = "skatitajs@iemaksas.example";
const PASSWORD = demoPassword();

const settings: AuthSettings = {
  maxAgeMs: 60 * 60_000,
  idleMs: 30 * 60_000,
  throttleWindowMs: 60_000,
  maxFailuresPerAccount: 10,
  maxFailuresPerIp: 30,
};

// Every test signs in from addresses of its own, so the per-IP count of one test never throttles another.
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A throwaway account, so throttling one test's account leaves the demo users alone. */
async function createAccount(email: string, password: string, extra: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email, name: email, role: "viewer", passwordHash: await hashPassword(password), ...extra })
    .returning({ id: users.id });
  return row!.id;
}

async function attempts(email: string, succeeded?: boolean) {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), succeeded === undefined ? undefined : eq(signInAttempts.succeeded, succeeded)));
  return row!.n;
}

let logged: string[] = [];
beforeEach(() => {
  vi.stubEnv("CR_LOG_SILENT", "");
  logged = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("attemptSignIn", () => {
  it("opens a session for the right password and records the success", async () => {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN));
    const result = await attemptSignIn({ email: ADMIN, password: PASSWORD, ip: freshIp(), requestId: "req-sign-in-ok", settings });
    expect(result).toEqual({ ok: true, userId: admin!.id, sessionId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), sessionVersion: 1 });
    if (!result.ok) throw new Error("unreachable");
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, result.sessionId));
    expect(session).toMatchObject({ userId: admin!.id, provider: "credentials", endedAt: null });
    // The absolute end is the configured lifetime from now, not the token's say-so.
    const lifetime = session!.expiresAt.getTime() - session!.createdAt.getTime();
    expect(Math.abs(lifetime - settings.maxAgeMs)).toBeLessThan(5_000);
    const [user] = await db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, admin!.id));
    expect(user!.lastLoginAt).not.toBeNull();
    expect(await attempts(ADMIN, true)).toBe(1);
    const line = JSON.parse(logged.at(-1)!);
    expect(line).toMatchObject({ action: "auth.sign_in", outcome: "success", user: admin!.id, requestId: "req-sign-in-ok" });
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const result = await attemptSignIn({ email: "  Admin@IEMAKSAS.Example ", password: PASSWORD, ip: freshIp(), settings });
    expect(result.ok).toBe(true);
  });

  it("answers a wrong password, an unknown email and a disabled account identically, and logs no secret", async () => {
    await createAccount("disabled@iemaksas.example", PASSWORD, { disabledAt: new Date() });
    const sessionsBefore = (await db.select({ n: count() }).from(userSessions))[0]!.n;
    const wrong = await attemptSignIn({ email: VIEWER, password: "Wrong-parole-2026", ip: freshIp(), settings });
    const unknown = await attemptSignIn({ email: "nobody@iemaksas.example", password: PASSWORD, ip: freshIp(), settings });
    const disabled = await attemptSignIn({ email: "disabled@iemaksas.example", password: PASSWORD, ip: freshIp(), settings });
    expect(wrong).toStrictEqual({ ok: false, reason: "invalid" });
    expect(unknown).toStrictEqual(wrong);
    expect(disabled).toStrictEqual(wrong);
    expect((await db.select({ n: count() }).from(userSessions))[0]!.n).toBe(sessionsBefore);
    // All three count as failures: the throttle cannot tell an attacker which of them it was either.
    for (const email of [VIEWER, "nobody@iemaksas.example", "disabled@iemaksas.example"]) {
      expect(await attempts(email, false), email).toBe(1);
    }
    expect(logged).toHaveLength(3);
    for (const text of logged) {
      expect(JSON.parse(text)).toMatchObject({ action: "auth.sign_in", outcome: "failure", reason: "wrong_credentials", user: "anonymous" });
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain("Wrong-parole-2026");
      expect(text).not.toContain("@iemaksas.example");
    }
  });
});

describe("throttling", () => {
  it("refuses even the right password after too many failures, without counting the refusals, until the window passes", async () => {
    const email = "throttled@iemaksas.example";
    const password = "Throttle-test-password";
    await createAccount(email, password);
    const quick = { ...settings, throttleWindowMs: 2_000 };
    for (let i = 0; i < quick.maxFailuresPerAccount; i++) {
      expect(await attemptSignIn({ email, password: `wrong ${i}`, ip: freshIp(), settings: quick })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempts(email, false)).toBe(10);
    // Per account, whatever the address: a fresh IP does not help.
    expect(await attemptSignIn({ email, password, ip: freshIp(), settings: quick })).toStrictEqual({ ok: false, reason: "throttled" });
    expect(await attemptSignIn({ email, password: "wrong again", ip: freshIp(), settings: quick })).toStrictEqual({ ok: false, reason: "throttled" });
    expect(await attempts(email)).toBe(10);
    expect(JSON.parse(logged.at(-1)!)).toMatchObject({ action: "auth.sign_in", outcome: "throttled" });
    // Refusals did not extend the lockout: once the last real failure leaves the window, the owner gets in.
    await sleep(quick.throttleWindowMs + 300);
    expect(await isThrottled({ email, ip: freshIp(), settings: quick })).toBe(false);
    expect((await attemptSignIn({ email, password, ip: freshIp(), settings: quick })).ok).toBe(true);
  });

  it("holds under parallel guesses: of 40 simultaneous wrong passwords only the first 10 are tried", async () => {
    const email = "parallel@iemaksas.example";
    await createAccount(email, "Parallel-test-password");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attemptSignIn({ email, password: `guess ${i}`, ip: freshIp(), settings })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30);
    expect(await attempts(email)).toBe(10);
  });

  it("throttles one address that fails across many accounts, and only that address", async () => {
    const perIp = { ...settings, maxFailuresPerIp: 5 };
    const office = freshIp();
    for (let i = 0; i < perIp.maxFailuresPerIp; i++) {
      await attemptSignIn({ email: `guess${i}@iemaksas.example`, password: "Wrong-parole-2026", ip: office, settings: perIp });
    }
    expect(await isThrottled({ email: VIEWER, ip: office, settings: perIp })).toBe(true);
    expect(await attemptSignIn({ email: VIEWER, password: PASSWORD, ip: office, settings: perIp })).toStrictEqual({
      ok: false,
      reason: "throttled",
    });
    // The accounts themselves were never attacked: from elsewhere the same user signs in.
    expect((await attemptSignIn({ email: VIEWER, password: PASSWORD, ip: freshIp(), settings: perIp })).ok).toBe(true);
  });

  it("starts the account's count again after a successful sign-in", async () => {
    const email = "reset@iemaksas.example";
    const password = "Reset-test-password";
    await createAccount(email, password);
    // One after another: the throttle is checked before an attempt is recorded, so parallel ones would race.
    const fail = async (n: number) => {
      for (let i = 0; i < n; i++) await attemptSignIn({ email, password: `wrong ${i}`, ip: freshIp(), settings });
    };
    await fail(9);
    expect((await attemptSignIn({ email, password, ip: freshIp(), settings })).ok).toBe(true);
    await fail(9);
    // 18 failures in the window, but only 9 since the success.
    expect((await attemptSignIn({ email, password, ip: freshIp(), settings })).ok).toBe(true);
    await fail(10);
    expect(await attemptSignIn({ email, password, ip: freshIp(), settings })).toStrictEqual({ ok: false, reason: "throttled" });
  });

  it("counts failures of an address however its case and spacing were typed", async () => {
    const email = "casing@iemaksas.example";
    await createAccount(email, "Casing-test-password");
    const variants = [email, email.toUpperCase(), ` ${email} `, "Casing@IEMAKSAS.example"];
    for (let i = 0; i < 10; i++) {
      await attemptSignIn({ email: variants[i % variants.length]!, password: "nope", ip: freshIp(), settings });
    }
    expect(await isThrottled({ email, ip: freshIp(), settings })).toBe(true);
    expect(await isThrottled({ email: email.toUpperCase(), ip: freshIp(), settings })).toBe(true);
  });
});

describe("authSettings", () => {
  it("has the documented defaults", () => {
    expect(authSettings({})).toEqual({
      maxAgeMs: 8 * 60 * 60_000,
      idleMs: 30 * 60_000,
      throttleWindowMs: 15 * 60_000,
      maxFailuresPerAccount: 10,
      maxFailuresPerIp: 30,
    });
  });

  it("reads minutes and counts from the environment; empty means default", () => {
    const env = {
      AUTH_SESSION_MAX_AGE_MIN: "60",
      AUTH_IDLE_TIMEOUT_MIN: "",
      AUTH_THROTTLE_WINDOW_MIN: "5",
      AUTH_MAX_FAILURES_PER_ACCOUNT: "3",
      AUTH_MAX_FAILURES_PER_IP: "100",
    };
    expect(authSettings(env)).toEqual({
      maxAgeMs: 60 * 60_000,
      idleMs: 30 * 60_000,
      throttleWindowMs: 5 * 60_000,
      maxFailuresPerAccount: 3,
      maxFailuresPerIp: 100,
    });
  });

  it("refuses nonsense instead of silently disabling a limit", () => {
    for (const value of ["0", "-5", "abc", "1.5", String(7 * 24 * 60 + 1)]) {
      expect(() => authSettings({ AUTH_IDLE_TIMEOUT_MIN: value }), value).toThrow();
    }
    expect(() => authSettings({ AUTH_MAX_FAILURES_PER_ACCOUNT: "0" })).toThrow();
    expect(() => authSettings({ AUTH_MAX_FAILURES_PER_IP: "10001" })).toThrow();
  });
});
