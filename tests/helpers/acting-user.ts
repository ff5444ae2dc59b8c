import { eq } from "drizzle-orm";
import type { SessionCheck, SessionUser } from "@/db/queries/auth";
import { checkSession, startSession } from "@/db/queries/auth";
import { users } from "@/db/schema";
import type { Db } from "@/db";

/**
 * Calls real server actions from Vitest as a given demo user. The guard reads the session and request id
 * from Next's request context; a test file replaces just those two (and revalidatePath) with:
 *
 *   vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
 *   vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-test" }));
 *   vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
 *
 * and then `await actAs(db, "zmEditor")` before calling the action. Everything else — role, zod, scope,
 * transaction, audit — is the real code against the test's own database.
 */
export const DEMO_EMAILS = {
  admin: "admin@iemaksas.example",
  editor: "redaktors@iemaksas.example",
  zmEditor: "zm.redaktors@iemaksas.example",
  viewer: "skatitajs@iemaksas.example",
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

const state: { session: SessionCheck } = { session: { ok: false, reason: "no_session" } };

export const sessionModule = {
  currentSession: async () => state.session,
  currentUser: async () => (state.session.ok ? state.session.user : null),
};

const cache = new Map<string, SessionUser>();

/** Signs the demo user in (a real session row, checked as for a request) and makes them the caller. */
export async function actAs(db: Db, who: DemoRole | null): Promise<SessionUser | null> {
  if (who === null) {
    state.session = { ok: false, reason: "no_session" };
    return null;
  }
  const email = DEMO_EMAILS[who];
  let user = cache.get(email);
  if (!user) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(`no demo user ${email}: use setupTestDatabase("demo")`);
    const session = await startSession({ userId: row.id, maxAgeMs: 3_600_000, db });
    const check = await checkSession({ ...session, idleMs: 3_600_000, db });
    if (!check.ok) throw new Error(`cannot sign in ${email}`);
    user = check.user;
    cache.set(email, user);
  }
  state.session = { ok: true, user };
  return user;
}
