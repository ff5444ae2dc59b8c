import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { authSettings } from "@/lib/auth/settings";
import { isThrottled } from "@/lib/auth/sign-in";
import { logEvent } from "@/lib/log";
import { clientIp } from "@/lib/request";

/**
 * next-auth's session endpoint, minus the session row id: no page script needs it (pages read the
 * session on the server), so it is not handed to one.
 */
export async function GET(request: NextRequest) {
  const response = await handlers.GET(request);
  if (!request.nextUrl.pathname.endsWith("/session") || !response.ok) return response;
  const session = (await response.json()) as { expires?: string } | null;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(session ? { expires: session.expires } : null), { status: response.status, headers });
}

/**
 * Sign-in posted straight to next-auth's endpoint (not through the login page's action) is throttled the
 * same way, and answered with a plain 429 while it is: the database, not the process, keeps the count.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && (await isThrottled({ email, ip: clientIp(request.headers) }))) {
      logEvent({ action: "auth.sign_in", outcome: "throttled", reason: "endpoint" });
      return Response.json({ error: "too_many_attempts" }, { status: 429, headers: { "Retry-After": String(authSettings().throttleWindowMs / 1000) } });
    }
  }
  return handlers.POST(request);
}
