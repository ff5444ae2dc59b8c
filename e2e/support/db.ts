import postgres from "postgres";
import { fingerprintWith } from "../../tests/helpers/fingerprint";

/**
 * The server's database, when it is PostgreSQL (DATABASE_URL, which the web server inherits): the specs
 * compare fingerprints of the business tables before and after each attack. An embedded PGlite belongs to
 * the server process alone, so without DATABASE_URL the specs check the responses only.
 */
const url = process.env.DATABASE_URL;

export type Fingerprint = Record<string, string>;

export const canFingerprint = !!url;

export const NO_FINGERPRINT =
  "DATABASE_URL is not set: the server runs embedded PGlite, which no other process can open. " +
  "The responses were checked; the business-table fingerprint was not compared.";

// One connection per worker: the advisory locks below belong to it, so lock, fingerprint and unlock
// must all run on the same connection (max 1 guarantees that; idle_timeout 0 keeps it open).
let client: postgres.Sql | null = null;
function connection(): postgres.Sql | null {
  if (!url) return null;
  client ??= postgres(url, { max: 1, idle_timeout: 0, onnotice: () => {} });
  return client;
}

export async function fingerprint(): Promise<Fingerprint | null> {
  const sql = connection();
  if (!sql) return null;
  return fingerprintWith((query) => sql.unsafe<{ f: string }[]>(query));
}

/**
 * Two workers share one database, and signing in alone rewrites users.last_login_at: a fingerprint taken
 * while the other worker creates users or signs in would "change" for reasons unrelated to the attack.
 * Tests that may write hold this advisory lock shared; tests that compare fingerprints hold it exclusive,
 * so they run while nobody writes. (A single bigint key: the app's own two-key advisory locks are a
 * separate key space in PostgreSQL.)
 */
const LOCK_KEY = 7_356_190_421;
export type LockMode = "shared" | "exclusive" | "none";

export async function lockDatabase(mode: LockMode): Promise<() => Promise<void>> {
  const sql = connection();
  if (!sql || mode === "none") return async () => {};
  if (mode === "exclusive") {
    await sql`select pg_advisory_lock(${LOCK_KEY})`;
    return async () => void (await sql`select pg_advisory_unlock(${LOCK_KEY})`);
  }
  await sql`select pg_advisory_lock_shared(${LOCK_KEY})`;
  return async () => void (await sql`select pg_advisory_unlock_shared(${LOCK_KEY})`);
}

export async function closeDatabase(): Promise<void> {
  await client?.end({ timeout: 5 });
  client = null;
}
