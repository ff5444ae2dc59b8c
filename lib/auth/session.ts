import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { checkSession, type SessionCheck, type SessionUser } from "@/db/queries/auth";
import type { UserRole } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { PATHNAME_HEADER, requestId } from "@/lib/request";
import { authSettings } from "./settings";

export type { SessionUser } from "@/db/queries/auth";

/**
 * The current request's session, checked against the database once per request (React `cache`):
 * the token must name an open session row of an enabled user with the current session version.
 */
export const currentSession = cache(async (): Promise<SessionCheck> => {
  const session = await auth();
  if (!session?.sid || typeof session.sv !== "number") return { ok: false, reason: "no_session" };
  try {
    return await checkSession({ sessionId: session.sid, sessionVersion: session.sv, idleMs: authSettings().idleMs });
  } catch (error) {
    throw withoutQuery(error);
  }
});

/**
 * A failed session check (the database is down, say) propagates to Next, which logs what a page throws.
 * Drizzle's error message carries the query's parameters, here the session's id: the error goes on with
 * the driver's code only (what the action guard reads to answer "unavailable"), never the query.
 */
function withoutQuery(error: unknown): Error {
  const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return Object.assign(new Error(`session check failed: ${code ?? "database error"}`), { code });
}

export async function currentUser(): Promise<SessionUser | null> {
  const check = await currentSession();
  return check.ok ? check.user : null;
}

/**
 * For pages: the signed-in user, or a redirect to /login (back to this page afterwards). A user who must
 * change a one-time password is sent to /account first. With `roles`, anyone else gets the generic 404:
 * an admin page's existence is not announced.
 */
export async function requireUser(options: { roles?: readonly UserRole[]; allowPendingPasswordChange?: boolean } = {}) {
  const check = await currentSession();
  if (!check.ok) {
    // A token whose session is over is worth a line; no token at all is just someone arriving.
    if (check.reason !== "no_session") {
      logEvent({ action: "page", outcome: "denied", reason: check.reason, requestId: await requestId() });
    }
    const path = (await headers()).get(PATHNAME_HEADER);
    redirect(path && path !== "/" ? `/login?callbackUrl=${encodeURIComponent(path)}` : "/login");
  }
  const user = check.user;
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect("/account");
  if (options.roles && !options.roles.includes(user.role)) {
    logEvent({ action: "page", outcome: "denied", userId: user.id, reason: "role", requestId: await requestId() });
    notFound();
  }
  return user;
}
