import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

/** The embedded demo mode and development keep a generated secret here, beside the embedded database. */
function secretFile(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "auth-secret");
}

/**
 * The key that signs and encrypts session tokens. Production on PostgreSQL must be given AUTH_SECRET: a
 * generated one would differ between instances and sign everybody out at each restart. Without a
 * DATABASE_URL (the embedded demo) or outside production, one is generated once and kept in .data/.
 */
export function authSecret(env: Record<string, string | undefined> = process.env): string {
  const given = env.AUTH_SECRET?.trim();
  if (given) {
    if (given.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 33`).");
    return given;
  }
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set. Production with DATABASE_URL needs it: generate one with `openssl rand -base64 33` " +
        "and give every instance the same value (README, Configuration).",
    );
  }
  if (cached) return cached;
  const file = secretFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const stored = readFileSync(file, "utf8").trim();
  if (stored.length < 32) throw new Error(`${file} holds no usable secret: delete it and start again (all sessions end).`);
  cached = stored;
  return cached;
}
