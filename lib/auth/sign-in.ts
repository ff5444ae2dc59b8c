import "server-only";
import { z } from "zod";
import type { Db } from "@/db";
import { findUserForSignIn, markSignInSucceeded, recentFailures, reserveSignInAttempt, startSession } from "@/db/queries/auth";
import { logEvent } from "@/lib/log";
import { verifyPassword } from "./password";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { authSettings, type AuthSettings } from "./settings";

/** The sign-in form; also what the credentials provider accepts. No minimum length: old passwords must still work. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320).pipe(z.email()),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type SignInResult =
  | { ok: true; userId: number; sessionId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "throttled" };

export async function isThrottled({
  email,
  ip,
  settings = authSettings(),
  db,
}: {
  email: string;
  ip: string;
  settings?: AuthSettings;
  db?: Db;
}): Promise<boolean> {
  const failures = await recentFailures({ email, ip, windowMs: settings.throttleWindowMs, db });
  return failures.account >= settings.maxFailuresPerAccount || failures.ip >= settings.maxFailuresPerIp;
}

/**
 * Password sign-in: throttle and record → look up → verify → open a session. An unknown address, a wrong
 * password and a disabled account give the same answer, after the same argon2 work. Attempts refused by
 * the throttle are not counted, so someone hammering an account cannot keep its owner out past the window.
 */
export async function attemptSignIn({
  email,
  password,
  ip,
  requestId,
  settings = authSettings(),
  db,
}: {
  email: string;
  password: string;
  ip: string;
  requestId?: string;
  settings?: AuthSettings;
  db?: Db;
}): Promise<SignInResult> {
  const attemptId = await reserveSignInAttempt({
    email,
    ip,
    windowMs: settings.throttleWindowMs,
    maxPerAccount: settings.maxFailuresPerAccount,
    maxPerIp: settings.maxFailuresPerIp,
    db,
  });
  if (attemptId === null) {
    logEvent({ action: "auth.sign_in", outcome: "throttled", requestId });
    return { ok: false, reason: "throttled" };
  }
  const user = await findUserForSignIn({ email, db });
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk || user.disabledAt) {
    logEvent({ action: "auth.sign_in", outcome: "failure", reason: "wrong_credentials", requestId });
    return { ok: false, reason: "invalid" };
  }
  await markSignInSucceeded({ id: attemptId, db });
  const session = await startSession({ userId: user.id, maxAgeMs: settings.maxAgeMs, db });
  logEvent({ action: "auth.sign_in", outcome: "success", userId: user.id, requestId });
  return { ok: true, userId: user.id, ...session };
}
