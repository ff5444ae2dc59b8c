import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { db as defaultDb, type Db, type Tx } from "../index";
import { ministries, signInAttempts, users, userSessions, type UserRole } from "../schema";

/** The signed-in person as every page, action and route handler sees them: loaded from the database. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  /** Set for an editor or viewer who may see and change only this ministry's records. */
  ministryId: number | null;
  ministryCode: string | null;
  ministryNameLv: string | null;
  ministryNameEn: string | null;
  locale: "lv" | "en";
  mustChangePassword: boolean;
  sessionId: string;
}

export type SessionCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "no_session" | "ended" | "idle" | "expired" | "disabled" | "stale" };

/** Only what sign-in needs; the hash never leaves db/queries and lib/auth. */
export async function findUserForSignIn({ email, db = defaultDb }: { email: string; db?: Db }) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, locale: users.locale })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

// Arbitrary namespace for the per-address advisory locks of sign-in (the second key is the address's hash).
const SIGN_IN_LOCK = 7_314_003;

/**
 * Checks the throttle and, if the attempt may go ahead, records it as a failure at once, in one
 * transaction under a lock per e-mail address: parallel attempts on one account are counted one after the
 * other, so the eleventh of forty simultaneous guesses is already refused. `markSignInSucceeded` turns the
 * row into a success when the password turns out right. Returns null when throttled (nothing recorded).
 */
export async function reserveSignInAttempt({
  email,
  ip,
  windowMs,
  maxPerAccount,
  maxPerIp,
  db = defaultDb,
}: {
  email: string;
  ip: string;
  windowMs: number;
  maxPerAccount: number;
  maxPerIp: number;
  db?: Db;
}): Promise<number | null> {
  const key = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK}, hashtext(${key}))`);
    const failures = await recentFailures({ email: key, ip, windowMs, db: tx });
    if (failures.account >= maxPerAccount || failures.ip >= maxPerIp) return null;
    const [row] = await tx.insert(signInAttempts).values({ email: key, ip, succeeded: false }).returning({ id: signInAttempts.id });
    return row?.id ?? null;
  });
}

export async function markSignInSucceeded({ id, db = defaultDb }: { id: number; db?: Db }): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, id));
  // Keep the table small: a day of attempts is more than any window needs.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, sql`now() - interval '1 day'`));
}

/**
 * Failures inside the window for this account and for this address. Failures before the account's last
 * successful sign-in in the window do not count against the account.
 */
export async function recentFailures({
  email,
  ip,
  windowMs,
  db = defaultDb,
}: {
  email: string;
  ip: string;
  windowMs: number;
  db?: Db | Tx;
}): Promise<{ account: number; ip: number }> {
  const since = sql`now() - make_interval(secs => ${windowMs / 1000})`;
  const key = email.trim().toLowerCase();
  const lastSuccess = db
    .select({ at: sql`max(${signInAttempts.at})` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, key), eq(signInAttempts.succeeded, true), gt(signInAttempts.at, since)));
  const [[account], [byIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.email, key),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.at, since),
          sql`${signInAttempts.at} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
        ),
      ),
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since))),
  ]);
  return { account: account?.n ?? 0, ip: byIp?.n ?? 0 };
}

export async function startSession({
  userId,
  maxAgeMs,
  provider = "credentials",
  db = defaultDb,
}: {
  userId: number;
  maxAgeMs: number;
  provider?: string;
  db?: Db;
}): Promise<{ sessionId: string; sessionVersion: number }> {
  const sessionId = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    if (!user) throw new Error("user vanished during sign-in");
    await tx.insert(userSessions).values({
      id: sessionId,
      userId,
      provider,
      expiresAt: sql`now() + make_interval(secs => ${maxAgeMs / 1000})`,
    });
    return { sessionId, sessionVersion: user.sessionVersion };
  });
}

/**
 * Checks a session token's claims against the database: the session row is open, neither idle nor past
 * its absolute end, the user is not disabled and the token's session version is current.
 * Refreshes `last_seen_at` at most once a minute, so that the idle limit follows use without a write per request.
 */
export async function checkSession({
  sessionId,
  sessionVersion,
  idleMs,
  db = defaultDb,
}: {
  sessionId: string;
  sessionVersion: number;
  idleMs: number;
  db?: Db;
}): Promise<SessionCheck> {
  const [row] = await db
    .select({
      endedAt: userSessions.endedAt,
      expired: sql<boolean>`${userSessions.expiresAt} <= now()`,
      idle: sql<boolean>`${userSessions.lastSeenAt} <= now() - make_interval(secs => ${idleMs / 1000})`,
      stale: sql<boolean>`${userSessions.lastSeenAt} <= now() - interval '1 minute'`,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        ministryId: users.ministryId,
        locale: users.locale,
        mustChangePassword: users.mustChangePassword,
        disabledAt: users.disabledAt,
        sessionVersion: users.sessionVersion,
      },
      ministryCode: ministries.code,
      ministryNameLv: ministries.nameLv,
      ministryNameEn: ministries.nameEn,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(ministries, eq(ministries.id, users.ministryId))
    .where(eq(userSessions.id, sessionId))
    .limit(1);
  if (!row) return { ok: false, reason: "no_session" };
  if (row.endedAt) return { ok: false, reason: "ended" };
  const end = async (reason: "idle" | "expired" | "disabled" | "stale") => {
    await endSessions({ db, sessionId, reason });
    return { ok: false as const, reason };
  };
  if (row.user.disabledAt) return end("disabled");
  if (row.user.sessionVersion !== sessionVersion) return end("stale");
  if (row.expired) return end("expired");
  if (row.idle) return end("idle");
  if (row.stale) {
    await db.update(userSessions).set({ lastSeenAt: sql`now()` }).where(eq(userSessions.id, sessionId));
  }
  const { disabledAt: _disabled, sessionVersion: _version, ...user } = row.user;
  return {
    ok: true,
    user: {
      ...user,
      locale: user.locale === "en" ? "en" : "lv",
      ministryCode: row.ministryCode,
      ministryNameLv: row.ministryNameLv,
      ministryNameEn: row.ministryNameEn,
      sessionId,
    },
  };
}

/** Ends one session (sign-out) or every open session of a user (disable, password change, role change). */
export async function endSessions({
  sessionId,
  userId,
  exceptSessionId,
  reason,
  db = defaultDb,
}: {
  sessionId?: string;
  userId?: number;
  /** With userId: keep this one (the browser that changed the password stays signed in). */
  exceptSessionId?: string;
  reason: string;
  db?: Db | Tx;
}): Promise<void> {
  const target = sessionId ? eq(userSessions.id, sessionId) : userId ? eq(userSessions.userId, userId) : undefined;
  if (!target) return;
  await db
    .update(userSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(target, isNull(userSessions.endedAt), exceptSessionId ? ne(userSessions.id, exceptSessionId) : undefined));
}

/** Makes every token issued so far invalid, and closes the user's open sessions, in the caller's transaction. */
export async function revokeAllSessions({ tx, userId, reason }: { tx: Tx; userId: number; reason: string }) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await endSessions({ db: tx, userId, reason });
}

