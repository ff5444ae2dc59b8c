import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { authSettings } from "@/lib/auth/settings";
import { isThrottled } from "@/lib/auth/sign-in";
import { logEvent } from "@/lib/log";
import { clientIp } from "@/lib/request";

export const GET = handlers.GET;

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
