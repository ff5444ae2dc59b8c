"use server";

import { CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { findUserForSignIn } from "@/db/queries/auth";
import { currentSession } from "@/lib/auth/session";
import { oidcSettings } from "@/lib/auth/oidc";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { signInSchema } from "@/lib/auth/sign-in";
import { resolveLocale, localeCookie } from "@/lib/i18n/config";
import { logEvent } from "@/lib/log";
import { requestId } from "@/lib/request";
import { parseOptions } from "@/lib/validation";

export interface SignInState {
  /** "invalid": wrong address or password (one answer for both); "throttled": too many failures. */
  error?: "invalid" | "throttled";
  fieldErrors?: { email?: string[]; password?: string[] };
  /** Echoed back so the user need not retype it; the password never is. */
  email?: string;
}

/**
 * The sign-in form's action: public by nature, so it takes only the two fields and a return path, and
 * leaves throttling, checking and the session to the credentials provider (lib/auth/sign-in.ts).
 */
export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  // A public endpoint: anything may arrive in place of the form.
  if (!(form instanceof FormData)) return { fieldErrors: { email: ["required"], password: ["required"] } };
  const raw = { email: form.get("email"), password: form.get("password") };
  const email = typeof raw.email === "string" ? raw.email.slice(0, 320) : "";
  const parsed = signInSchema.safeParse(raw, parseOptions);
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "email" || field === "password") (fieldErrors[field] ??= []).push(issue.message);
    }
    logEvent({ action: "auth.sign_in", outcome: "invalid", fields: Object.keys(fieldErrors), requestId: await requestId() });
    return { fieldErrors, email };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === "throttled" ? "throttled" : "invalid", email };
    }
    throw error;
  }
  // The profile's language becomes the UI language of this browser.
  const user = await findUserForSignIn({ email: parsed.data.email });
  (await cookies()).set(localeCookie, resolveLocale(user?.locale), { path: "/", sameSite: "lax", maxAge: 31_536_000 });
  redirect(safeCallbackPath(form.get("callbackUrl")));
}

/** Sign-in through the ministry's identity provider, when one is configured. */
export async function signInWithOidc(form: FormData): Promise<void> {
  if (!oidcSettings()) redirect("/login");
  const callbackUrl = form instanceof FormData ? form.get("callbackUrl") : null;
  await signIn("oidc", { redirectTo: safeCallbackPath(callbackUrl) });
}

/** Ends this browser's session row (auth.ts events.signOut) and its cookie. */
export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  logEvent({
    action: "auth.sign_out",
    outcome: "success",
    userId: session.ok ? session.user.id : null,
    requestId: await requestId(),
  });
  await signOut({ redirectTo: "/login" });
}
