import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/auth.config";
import { authSecret } from "@/lib/auth/secret";
import { PATHNAME_HEADER, REQUEST_ID_HEADER } from "@/lib/request";
import { BASE_HEADERS, makeNonce, NONCE_HEADER, pageCsp } from "@/lib/security-headers";

// Not the lazy `NextAuth(() => config)` form: with it, `auth(handler)` returns a promise, not a proxy function.
const { auth } = NextAuth({ ...authConfig, secret: authSecret() });

/**
 * Convenience only: sends page requests without a session token to /login, tags every request with an
 * id for the logs, and keeps the session cookie fresh. It decides nothing about access: a token present
 * here may be signed out, disabled or out of scope, which the pages, actions and route handlers check
 * against the database themselves (proxy checks have been bypassed before, e.g. CVE-2025-29927).
 */
/**
 * A server action posted from another origin: Next refuses it too, but with a 500 and a stack in the log.
 * Answer 403 here instead. Requests without an Origin header are left to Next and the action's own checks
 * (browsers send Origin on every POST; the session cookie is SameSite=Lax).
 */
function crossOriginAction(request: Request): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" or malformed
  }
}

/**
 * React's client sends an action's arguments as a JSON array (text/plain) or as multipart form data.
 * Anything else that claims to be an action call is answered 400 here, instead of a stack trace in the log
 * and an error digest.
 */
async function malformedAction(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) return false;
  try {
    return !Array.isArray(JSON.parse(await request.clone().text()));
  } catch {
    return true;
  }
}

/**
 * The security headers on a response the proxy makes or passes on. next.config.ts' headers() sets the
 * same ones (and a nonce-less CSP); set here too, the proxy's own refusals and redirects carry them
 * whatever Next does with config headers on proxy responses.
 */
function secured(response: NextResponse, csp: string): NextResponse {
  for (const { key, value } of BASE_HEADERS) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

const refuse = (status: number, text: string) =>
  new NextResponse(text, { status, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });

export const proxy = auth(async (request) => {
  // A new nonce for every request (Next's CSP guide): Next reads it from the request's CSP header and
  // puts it on the scripts it renders; the browser gets the same policy on the response.
  const nonce = makeNonce();
  const csp = pageCsp(nonce);
  if (crossOriginAction(request)) return secured(refuse(403, "Forbidden"), csp);
  if (await malformedAction(request)) return secured(refuse(400, "Bad Request"), csp);
  const { pathname, search } = request.nextUrl;
  const isPage = request.method === "GET" && !pathname.startsWith("/api/");
  if (isPage && !request.auth && pathname !== "/login") {
    const login = new URL("/login", request.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    redirect.headers.set("Cache-Control", "no-store");
    return secured(redirect, csp);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, crypto.randomUUID());
  forwarded.set(PATHNAME_HEADER, `${pathname}${search}`);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("Content-Security-Policy", csp);
  const response = secured(NextResponse.next({ request: { headers: forwarded } }), csp);
  // Everything that reaches the app through here is per-user data: pages (Next marks those itself, but not
  // their RSC payloads), action answers and route handlers. Static files never pass the proxy.
  response.headers.set("Cache-Control", "no-store");
  return response;
});

export const config = {
  // Everything except Next's static files, the app's icon (the sign-in page shows it too), the auth
  // endpoints and the health probe. next.config.ts' headers() gives those their security headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/auth|api/health).*)"],
};
