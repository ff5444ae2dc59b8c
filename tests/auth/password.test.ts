import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { newPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { parseOptions } from "@/lib/validation";

// Pure functions: no database. argon2 at 19 MiB costs tens of milliseconds per call, so hashes are reused.

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at the documented OWASP profile, salted per call", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // A random salt per hash: equal passwords must not be recognisable in the users table.
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(b, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(a, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(a, "Correct horse battery staple")).toBe(false);
  });

  it("accepts long passphrases and any script, spaces included", async () => {
    for (const password of [
      "x".repeat(64) + " and then some more words",
      "Pārbaude ąčę 🔐 Ελληνικά 日本語 — ar atstarpēm",
      "   leading and trailing spaces count   ",
    ]) {
      const stored = await hashPassword(password);
      expect(await verifyPassword(stored, password), password).toBe(true);
    }
  });

  it("keeps leading and trailing spaces significant (nothing is trimmed)", async () => {
    const stored = await hashPassword(" spaced passphrase ");
    expect(await verifyPassword(stored, "spaced passphrase")).toBe(false);
  });

  it("does not truncate: passwords equal for 72, 100 or 1023 characters but different after do not match", async () => {
    // bcrypt silently ignores everything past 72 bytes; argon2 must hash the whole input.
    for (const prefix of [72, 100, PASSWORD_MAX_LENGTH - 1]) {
      const base = "Ā".repeat(prefix);
      const stored = await hashPassword(`${base}a`);
      expect(await verifyPassword(stored, `${base}a`), `prefix ${prefix}`).toBe(true);
      expect(await verifyPassword(stored, `${base}b`), `prefix ${prefix}`).toBe(false);
      expect(await verifyPassword(stored, base), `prefix ${prefix}`).toBe(false);
    }
  });

  it("treats composed and decomposed forms of the same letters as the same password (NFC)", async () => {
    const composed = "Garš pārbaudes teikums \u0101\u010d\u0146"; // ā č ņ as single code points
    const decomposed = composed.normalize("NFD"); // a + combining macron, …
    expect(decomposed).not.toBe(composed);
    const fromComposed = await hashPassword(composed);
    const fromDecomposed = await hashPassword(decomposed);
    expect(await verifyPassword(fromComposed, decomposed)).toBe(true);
    expect(await verifyPassword(fromDecomposed, composed)).toBe(true);
    // Normalisation must not collapse genuinely different letters.
    expect(await verifyPassword(fromComposed, composed.replace("\u0101", "a"))).toBe(false);
  });

  it("answers false, without throwing, for a missing or malformed stored hash", async () => {
    expect(await verifyPassword(null, "anything at all")).toBe(false);
    expect(await verifyPassword(undefined, "anything at all")).toBe(false);
    expect(await verifyPassword("", "")).toBe(false);
    expect(await verifyPassword("not-a-hash", "not-a-hash")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "x")).toBe(false);
  });

  it("spends argon2 work on an account without a hash, so timing does not reveal which emails exist", async () => {
    const stored = await hashPassword("timing reference password");
    await verifyPassword(null, "warm-up: computes the decoy hash once");
    const time = async (fn: () => Promise<unknown>) => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    };
    const missing: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      missing.push(await time(() => verifyPassword(null, `guess ${i}`)));
      wrong.push(await time(() => verifyPassword(stored, `guess ${i}`)));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Same argon2 parameters on both paths; the loose bound only catches an early return (≈0 ms).
    expect(median(missing)).toBeGreaterThan(median(wrong) * 0.25);
  });
});

describe("newPasswordSchema", () => {
  const parse = (value: unknown) => newPasswordSchema.safeParse(value, parseOptions);
  const messages = (value: unknown) => parse(value).error?.issues.map((i) => i.message);

  it("accepts 12 to 1024 characters of anything, with no composition rules", () => {
    expect(parse("a".repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(parse("a".repeat(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(parse("visi mazie burti un atstarpes").success).toBe(true);
    expect(parse("Pārbaude ąčę 🔐 ok").success).toBe(true);
  });

  it("rejects too short and too long with the catalog's message keys", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(1024);
    expect(messages("a".repeat(11))).toEqual(["tooShort:12"]);
    expect(messages("a".repeat(1025))).toEqual(["tooLong:1024"]);
    expect(messages("")).toEqual(["tooShort:12"]);
    expect(messages(undefined)).toEqual(["required"]);
    expect(messages(123456789012)).toEqual(["invalid"]);
  });
});
