import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkSession, endSessions, revokeAllSessions, startSession } from "@/db/queries/auth";
import { users, userSessions } from "@/db/schema";
import { setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");

const HOUR = 60 * 60_000;
const IDLE = 30 * 60_000;

/** A fresh viewer per test: ending, disabling and version bumps of one test must not leak into the next. */
let counter = 0;
async function freshUser(extra: Partial<typeof users.$inferInsert> = {}) {
  const email = `session${++counter}@iemaksas.example`;
  const [row] = await db.insert(users).values({ email, name: `Session user ${counter}`, role: "viewer", ...extra }).returning();
  return row!;
}

async function open(userId: number) {
  return startSession({ userId, maxAgeMs: 8 * HOUR, db });
}

async function row(sessionId: string) {
  const [found] = await db.select().from(userSessions).where(eq(userSessions.id, sessionId));
  return found!;
}

/** Moves a session's clock back, as if it had been opened or last used that long ago. */
async function age(sessionId: string, column: "last_seen_at" | "expires_at", interval: string) {
  await db.execute(sql`update user_sessions set ${sql.raw(column)} = now() - ${interval}::interval where id = ${sessionId}`);
}

const check = (sessionId: string, sessionVersion: number, idleMs = IDLE) => checkSession({ sessionId, sessionVersion, idleMs, db });

describe("checkSession", () => {
  it("answers an open session with the user as read from the database, never the password hash", async () => {
    const [zm] = await db.select().from(users).where(eq(users.email, "zm.redaktors@iemaksas.example"));
    const session = await open(zm!.id);
    const result = await check(session.sessionId, session.sessionVersion);
    expect(result).toEqual({
      ok: true,
      user: {
        id: zm!.id,
        email: "zm.redaktors@iemaksas.example",
        name: "Demo redaktors (Zemkopības ministrija)",
        role: "editor",
        ministryId: zm!.ministryId,
        ministryCode: "zm",
        ministryNameLv: expect.any(String),
        ministryNameEn: expect.any(String),
        locale: "lv",
        mustChangePassword: false,
        sessionId: session.sessionId,
      },
    });
    // toEqual ignores undefined-valued keys; be explicit that no secret or internal field is handed out.
    if (!result.ok) throw new Error("unreachable");
    for (const key of ["passwordHash", "disabledAt", "sessionVersion"]) expect(Object.keys(result.user)).not.toContain(key);
  });

  it("answers no_session for an unknown id", async () => {
    expect(await check("no-such-session", 1)).toStrictEqual({ ok: false, reason: "no_session" });
  });

  it("answers ended for a session closed by sign-out", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await endSessions({ sessionId: session.sessionId, reason: "sign_out", db });
    expect(await check(session.sessionId, session.sessionVersion)).toStrictEqual({ ok: false, reason: "ended" });
    expect(await row(session.sessionId)).toMatchObject({ endReason: "sign_out", endedAt: expect.any(Date) });
  });

  it("ends a session whose token carries an old session version", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    expect(await check(session.sessionId, session.sessionVersion + 1)).toStrictEqual({ ok: false, reason: "stale" });
    expect(await row(session.sessionId)).toMatchObject({ endReason: "stale", endedAt: expect.any(Date) });
    // Ended for good: the right version does not revive it.
    expect(await check(session.sessionId, session.sessionVersion)).toStrictEqual({ ok: false, reason: "ended" });
  });

  it("denies and ends the session of a disabled user", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await check(session.sessionId, session.sessionVersion)).toStrictEqual({ ok: false, reason: "disabled" });
    expect((await row(session.sessionId)).endReason).toBe("disabled");
    // Re-enabling the account does not bring the old session back.
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect(await check(session.sessionId, session.sessionVersion)).toStrictEqual({ ok: false, reason: "ended" });
  });

  it("ends a session unused for longer than the idle limit", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await age(session.sessionId, "last_seen_at", "31 minutes");
    expect(await check(session.sessionId, session.sessionVersion)).toStrictEqual({ ok: false, reason: "idle" });
    expect((await row(session.sessionId)).endReason).toBe("idle");
  });

  it("ends a session past its absolute end however recently it was used", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await age(session.sessionId, "expires_at", "1 second");
    expect(await check(session.sessionId, session.sessionVersion)).toStrictEqual({ ok: false, reason: "expired" });
    expect((await row(session.sessionId)).endReason).toBe("expired");
  });

  it("refreshes last_seen_at when older than a minute, so an active user is never idle", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await age(session.sessionId, "last_seen_at", "25 minutes");
    const before = (await row(session.sessionId)).lastSeenAt;
    expect((await check(session.sessionId, session.sessionVersion)).ok).toBe(true);
    const after = (await row(session.sessionId)).lastSeenAt;
    expect(after.getTime() - before.getTime()).toBeGreaterThan(24 * 60_000);
    // 25 + 25 minutes of use would be idle without the refresh.
    await age(session.sessionId, "last_seen_at", "25 minutes");
    expect((await check(session.sessionId, session.sessionVersion)).ok).toBe(true);
  });

  it("does not write on every request: a session seen within the minute is left as it is", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await age(session.sessionId, "last_seen_at", "10 seconds");
    const before = (await row(session.sessionId)).lastSeenAt;
    expect((await check(session.sessionId, session.sessionVersion)).ok).toBe(true);
    expect((await row(session.sessionId)).lastSeenAt).toEqual(before);
  });
});

describe("endSessions", () => {
  it("with a user ends all their open sessions except the one named, and touches nobody else", async () => {
    const user = await freshUser();
    const other = await freshUser();
    const [keep, drop1, drop2] = [await open(user.id), await open(user.id), await open(user.id)];
    const theirs = await open(other.id);
    await endSessions({ userId: user.id, exceptSessionId: keep.sessionId, reason: "password_changed", db });
    expect((await check(keep.sessionId, keep.sessionVersion)).ok).toBe(true);
    expect(await check(drop1.sessionId, drop1.sessionVersion)).toStrictEqual({ ok: false, reason: "ended" });
    expect((await row(drop2.sessionId)).endReason).toBe("password_changed");
    expect((await check(theirs.sessionId, theirs.sessionVersion)).ok).toBe(true);
  });

  it("keeps the first end reason of an already ended session", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await endSessions({ sessionId: session.sessionId, reason: "sign_out", db });
    await endSessions({ userId: user.id, reason: "disabled", db });
    expect((await row(session.sessionId)).endReason).toBe("sign_out");
  });

  it("ends nothing when given neither a session nor a user", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await endSessions({ reason: "oops", db });
    expect((await check(session.sessionId, session.sessionVersion)).ok).toBe(true);
  });
});

describe("revokeAllSessions", () => {
  it("inside the caller's transaction ends every session and makes every earlier token stale", async () => {
    const user = await freshUser();
    const a = await open(user.id);
    const b = await open(user.id);
    await db.transaction((tx) => revokeAllSessions({ tx, userId: user.id, reason: "role_changed" }));
    for (const s of [a, b]) {
      expect((await row(s.sessionId)).endReason).toBe("role_changed");
      expect(await check(s.sessionId, s.sessionVersion)).toStrictEqual({ ok: false, reason: "ended" });
    }
    const [after] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(after!.v).toBe(a.sessionVersion + 1);
    // A new sign-in carries the new version; a token minted with the old one is stale even on a live row.
    const fresh = await open(user.id);
    expect(fresh.sessionVersion).toBe(a.sessionVersion + 1);
    expect((await check(fresh.sessionId, fresh.sessionVersion)).ok).toBe(true);
    expect(await check(fresh.sessionId, a.sessionVersion)).toStrictEqual({ ok: false, reason: "stale" });
  });

  it("is undone with the transaction it ran in", async () => {
    const user = await freshUser();
    const session = await open(user.id);
    await expect(
      db.transaction(async (tx) => {
        await revokeAllSessions({ tx, userId: user.id, reason: "disabled" });
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow("the rest of the change failed");
    expect((await check(session.sessionId, session.sessionVersion)).ok).toBe(true);
    const [after] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(after!.v).toBe(session.sessionVersion);
  });
});
