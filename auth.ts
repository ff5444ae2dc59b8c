import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { endSessions, startSession } from "@/db/queries/auth";
import { provisionOidcUser } from "@/db/queries/users";
import { identityFromClaims, oidcSettings } from "@/lib/auth/oidc";
import { authSecret } from "@/lib/auth/secret";
import { authSettings } from "@/lib/auth/settings";
import { attemptSignIn, signInSchema } from "@/lib/auth/sign-in";
import { logEvent } from "@/lib/log";
import { clientIp } from "@/lib/request";

declare module "next-auth" {
  interface User {
    sessionId?: string;
    sessionVersion?: number;
  }
  interface Session {
    /** The user_sessions row this token belongs to; checked against the database on every request. */
    sid?: string;
    sv?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}

/** A wrong address, a wrong password and a disabled account all give this one answer. */
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

class Throttled extends CredentialsSignin {
  code = "throttled";
}

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse({ email: raw?.email, password: raw?.password });
        if (!parsed.success) throw new InvalidCredentials();
        const result = await attemptSignIn({
          ...parsed.data,
          ip: clientIp(request.headers),
          requestId: request.headers.get("x-request-id") ?? crypto.randomUUID(),
        });
        if (!result.ok) throw result.reason === "throttled" ? new Throttled() : new InvalidCredentials();
        return { id: String(result.userId), sessionId: result.sessionId, sessionVersion: result.sessionVersion };
      },
    }),
  ];
  const oidc = oidcSettings();
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  providers: providers(),
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile, user }) {
      if (account?.provider !== "oidc") return true;
      // The identity provider vouches for the person; the register decides whether they may enter.
      const settings = oidcSettings();
      const identity = settings && profile ? identityFromClaims(profile as Record<string, unknown>, settings) : null;
      const provisioned = identity ? await provisionOidcUser({ identity }) : null;
      if (!provisioned) {
        logEvent({ action: "auth.sign_in_oidc", outcome: "denied", reason: identity ? "disabled_or_unknown_ministry" : "no_role" });
        return false;
      }
      const session = await startSession({ userId: provisioned.id, maxAgeMs: authSettings().maxAgeMs, provider: "oidc" });
      Object.assign(user, { id: String(provisioned.id), ...session });
      logEvent({ action: "auth.sign_in_oidc", outcome: "success", userId: provisioned.id });
      return true;
    },
    jwt({ token, user }) {
      if (user?.sessionId) {
        // Only identifiers in the token: name, role and scope are read from the database on each request.
        return { sub: user.id, sid: user.sessionId, sv: user.sessionVersion };
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: token.sid, sv: token.sv } as typeof session;
    },
  },
  events: {
    // Also for a sign-out posted straight to /api/auth/signout: the row ends, so the old token is dead.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSessions({ sessionId: sid, reason: "sign_out" });
    },
  },
  logger: {
    // Auth.js logs a stack for every failed sign-in; ours are logged once, structured, by attemptSignIn.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logEvent({ action: "auth.internal", outcome: "error", reason: error.name });
    },
    warn() {},
    debug() {},
  },
}));
