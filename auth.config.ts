import type { NextAuthConfig } from "next-auth";
import { authSettings } from "@/lib/auth/settings";

/**
 * The part of the next-auth configuration that proxy.ts shares with auth.ts: no providers, no database.
 * The proxy only reads whether a token is present to redirect anonymous page requests; every decision
 * about who may do what is taken on the server against the database (lib/auth/session.ts, lib/action.ts).
 */
export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: {
    strategy: "jwt",
    // The token's own expiry is the absolute lifetime; idle time and sign-out are checked in the database.
    maxAge: Math.floor(authSettings().maxAgeMs / 1000),
  },
  // Behind the ministry's reverse proxy the public host comes from X-Forwarded-Host; set AUTH_URL to pin it.
  trustHost: true,
  providers: [],
  callbacks: {
    // Only ever redirect within the app: an absolute URL elsewhere becomes the app's start page.
    redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {
        // not a URL
      }
      return baseUrl;
    },
  },
} satisfies NextAuthConfig;
